package org.astroruntime.common.id;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A validated path below a user's VOSpace home, as a list of segments ({@code cones/ned.vot} is
 * {@code [cones, ned.vot]}; the home itself has no segments).
 *
 * <p>Parsing percent-decodes each segment first and then refuses anything that could escape the home or confuse a
 * file system: {@code .} and {@code ..}, an encoded {@code /}, backslashes, NUL and other control characters,
 * empty segments, over-long names. So {@code %2e%2e} is refused exactly as {@code ..} is.
 *
 * @param segments the decoded path segments, never empty strings
 */
public record NodePath(List<String> segments) {

    /** Longest single name, in UTF-8 bytes (the common file-system limit). */
    public static final int MAX_SEGMENT_BYTES = 255;
    /** Longest whole path, in characters. */
    public static final int MAX_PATH_CHARS = 1024;
    /** Deepest nesting. */
    public static final int MAX_DEPTH = 64;

    /** The user's home. */
    public static final NodePath ROOT = new NodePath(List.of());

    public NodePath {
        segments = List.copyOf(segments);
        for (String s : segments) {
            checkSegment(s);
        }
        if (segments.size() > MAX_DEPTH) {
            throw new InvalidIdentifierException("path is nested deeper than " + MAX_DEPTH + " levels");
        }
    }

    /**
     * Parses a path written with {@code /} separators, possibly percent-encoded. Leading and trailing slashes are
     * ignored ({@code /a/b/} is {@code a/b}); doubled slashes are refused.
     */
    public static NodePath parse(String text) {
        if (text == null) {
            throw new InvalidIdentifierException("path is missing");
        }
        if (text.length() > MAX_PATH_CHARS) {
            throw new InvalidIdentifierException("path is longer than " + MAX_PATH_CHARS + " characters");
        }
        String trimmed = text;
        if (trimmed.startsWith("/")) {
            trimmed = trimmed.substring(1);
        }
        if (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        if (trimmed.isEmpty()) {
            return ROOT;
        }
        List<String> segments = new ArrayList<>();
        for (String raw : trimmed.split("/", -1)) {
            if (raw.isEmpty()) {
                throw new InvalidIdentifierException("path '" + text + "' has an empty segment");
            }
            segments.add(percentDecode(raw));
        }
        return new NodePath(segments);
    }

    /** This path with one more segment. */
    public NodePath child(String name) {
        List<String> longer = new ArrayList<>(segments);
        longer.add(name);
        return new NodePath(longer);
    }

    /** The containing path; the root's parent is the root. */
    public NodePath parent() {
        return segments.isEmpty() ? this : new NodePath(segments.subList(0, segments.size() - 1));
    }

    /** The last segment, or the empty string for the root. */
    public String name() {
        return segments.isEmpty() ? "" : segments.get(segments.size() - 1);
    }

    public boolean isRoot() {
        return segments.isEmpty();
    }

    /** The path with {@code /} separators and no leading slash; segments are not encoded. */
    @Override
    public String toString() {
        return String.join("/", segments);
    }

    private static void checkSegment(String s) {
        if (s == null || s.isEmpty()) {
            throw new InvalidIdentifierException("path has an empty segment");
        }
        if (s.equals(".") || s.equals("..")) {
            throw new InvalidIdentifierException("path segment '" + s + "' is not allowed");
        }
        if (s.getBytes(StandardCharsets.UTF_8).length > MAX_SEGMENT_BYTES) {
            throw new InvalidIdentifierException("path segment is longer than " + MAX_SEGMENT_BYTES + " bytes");
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '/') {
                throw new InvalidIdentifierException("path segment contains an encoded '/'");
            }
            if (c == '\\') {
                throw new InvalidIdentifierException("path segment contains a backslash");
            }
            if (c < 0x20 || c == 0x7f) {
                throw new InvalidIdentifierException("path segment contains a control character (code " + (int) c + ")");
            }
        }
    }

    private static String percentDecode(String raw) {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    throw new InvalidIdentifierException("path segment has a truncated %-escape");
                }
                int hi = Character.digit(raw.charAt(i + 1), 16);
                int lo = Character.digit(raw.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw new InvalidIdentifierException("path segment has an invalid %-escape");
                }
                bytes.write(hi * 16 + lo);
                i += 2;
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
