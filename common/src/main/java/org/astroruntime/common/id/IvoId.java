package org.astroruntime.common.id;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An IVOA registry identifier, {@code ivo://authority/path[?query][#fragment]} (IVOA Identifiers 2.0).
 *
 * <p>The authority is compared case-insensitively and is held in lower case; the rest keeps its case, as
 * registries return it. Two ids are equal when their normalised forms are equal.
 *
 * @param authority the naming authority, lower-cased
 * @param path      the resource key without its leading slash, possibly empty
 * @param query     the query part without {@code ?}, or null
 * @param fragment  the fragment without {@code #}, or null
 */
public record IvoId(String authority, String path, String query, String fragment) {

    private static final Pattern SHAPE = Pattern.compile(
            "(?i)ivo://([^/?#]*)(/[^?#]*)?(?:\\?([^#]*))?(?:#(.*))?");
    // Identifiers 2.0: an authority starts with an alphanumeric and has at least three characters.
    private static final Pattern AUTHORITY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._~-]{2,}");
    private static final Pattern PATH = Pattern.compile("[A-Za-z0-9._~\\-/!$&'()*+,;=:@%]*");
    private static final int MAX_LENGTH = 2048;

    public IvoId {
        if (authority == null || !AUTHORITY.matcher(authority).matches()) {
            throw new InvalidIdentifierException("invalid authority '" + authority + "' in ivo:// identifier");
        }
        authority = authority.toLowerCase(Locale.ROOT);
        path = path == null ? "" : path;
        if (!PATH.matcher(path).matches() || path.contains("//")) {
            throw new InvalidIdentifierException("invalid resource key '" + path + "' in ivo:// identifier");
        }
    }

    /**
     * Parses an identifier.
     *
     * @throws InvalidIdentifierException naming what is wrong
     */
    public static IvoId parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidIdentifierException("ivo:// identifier is missing");
        }
        String t = text.strip();
        if (t.length() > MAX_LENGTH) {
            throw new InvalidIdentifierException("ivo:// identifier is longer than " + MAX_LENGTH + " characters");
        }
        Matcher m = SHAPE.matcher(t);
        if (!m.matches()) {
            throw new InvalidIdentifierException("'" + abbreviate(t) + "' is not an ivo:// identifier");
        }
        String path = m.group(2) == null ? "" : m.group(2).substring(1);
        if (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return new IvoId(m.group(1), path, m.group(3), m.group(4));
    }

    /** True when the text parses as an identifier. */
    public static boolean isIvoId(String text) {
        return text != null && text.strip().regionMatches(true, 0, "ivo://", 0, 6);
    }

    /** This identifier without query and fragment: the resource itself. */
    public IvoId resource() {
        return new IvoId(authority, path, null, null);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("ivo://").append(authority);
        if (!path.isEmpty()) {
            b.append('/').append(path);
        }
        if (query != null) {
            b.append('?').append(query);
        }
        if (fragment != null) {
            b.append('#').append(fragment);
        }
        return b.toString();
    }

    static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
