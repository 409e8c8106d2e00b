package org.astroruntime.e2e.peers;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A {@code multipart/form-data} body (RFC 7578 over RFC 2046) split into its parts, as TAP clients send UPLOAD
 * requests. The whole body is in memory and part contents are raw bytes, so binary files pass unchanged.
 */
final class MultipartForm {

    /**
     * One part of the form.
     *
     * @param name        the Content-Disposition {@code name}
     * @param filename    the Content-Disposition {@code filename}, or null when none was given
     * @param contentType the part's Content-Type header, or null
     * @param content     the part's bytes, exactly as sent
     */
    record Part(String name, String filename, String contentType, byte[] content) {

        /** Whether this is a plain form field rather than a file: no filename, and text/plain or no type. */
        boolean isTextField() {
            return filename == null
                    && (contentType == null || contentType.strip().toLowerCase(Locale.ROOT).startsWith("text/plain"));
        }

        /** The content as text, in the part's charset (UTF-8 unless its Content-Type names another). */
        String text() {
            Charset charset = StandardCharsets.UTF_8;
            String declared = contentType == null ? null : HeaderValue.parse(contentType).parameter("charset");
            if (declared != null) {
                try {
                    charset = Charset.forName(declared);
                } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                    throw new IllegalArgumentException("form field " + name + " has an unknown charset " + declared);
                }
            }
            return new String(content, charset);
        }
    }

    /**
     * A header value such as {@code form-data; name="x"; filename="y"}: the leading token (lower-cased) and its
     * parameters (names lower-cased; quoted strings unquoted, backslash escapes resolved).
     */
    record HeaderValue(String value, Map<String, String> parameters) {

        String parameter(String name) {
            return parameters.get(name.toLowerCase(Locale.ROOT));
        }

        static HeaderValue parse(String header) {
            int semi = header.indexOf(';');
            String value = (semi < 0 ? header : header.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
            Map<String, String> params = new LinkedHashMap<>();
            int i = semi < 0 ? header.length() : semi + 1;
            while (i < header.length()) {
                int eq = header.indexOf('=', i);
                if (eq < 0) {
                    break; // a trailing token without value: nothing form-data needs
                }
                String name = header.substring(i, eq).strip().toLowerCase(Locale.ROOT);
                StringBuilder v = new StringBuilder();
                int j = eq + 1;
                while (j < header.length() && header.charAt(j) == ' ') {
                    j++;
                }
                if (j < header.length() && header.charAt(j) == '"') {
                    for (j++; j < header.length() && header.charAt(j) != '"'; j++) {
                        char c = header.charAt(j);
                        if (c == '\\' && j + 1 < header.length()) {
                            c = header.charAt(++j);
                        }
                        v.append(c);
                    }
                    if (j >= header.length()) {
                        throw new IllegalArgumentException("unterminated quoted string in header value: " + header);
                    }
                    j = header.indexOf(';', j);
                } else {
                    int end = header.indexOf(';', j);
                    v.append((end < 0 ? header.substring(j) : header.substring(j, end)).strip());
                    j = end;
                }
                params.put(name, v.toString());
                i = j < 0 ? header.length() : j + 1;
            }
            return new HeaderValue(value, params);
        }
    }

    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] HEADER_END = {'\r', '\n', '\r', '\n'};

    /**
     * Splits a body into its parts.
     *
     * @param contentType the request's Content-Type ({@code multipart/form-data; boundary=...})
     * @throws IllegalArgumentException when the type has no usable boundary or the body is not well-formed
     */
    static List<Part> parse(String contentType, byte[] body) {
        HeaderValue type = HeaderValue.parse(contentType);
        if (!type.value().equals("multipart/form-data")) {
            throw new IllegalArgumentException("only multipart/form-data is accepted, not " + type.value());
        }
        String boundary = type.parameter("boundary");
        if (boundary == null || boundary.isEmpty() || boundary.length() > 70) {
            throw new IllegalArgumentException("multipart/form-data needs a boundary of 1 to 70 characters");
        }
        byte[] dashBoundary = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        // Every delimiter after the first is preceded by CRLF, which belongs to it and not to the part before.
        byte[] delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        int at;
        if (startsWith(body, 0, dashBoundary)) {
            at = 0;
        } else {
            int first = indexOf(body, delimiter, 0); // skip a preamble
            if (first < 0) {
                throw new IllegalArgumentException("the multipart body does not contain its boundary " + boundary);
            }
            at = first + CRLF.length;
        }
        List<Part> parts = new ArrayList<>();
        while (true) {
            at += dashBoundary.length;
            if (startsWith(body, at, new byte[] {'-', '-'})) {
                return parts; // close delimiter; an epilogue after it is ignored
            }
            while (at < body.length && (body[at] == ' ' || body[at] == '\t')) {
                at++; // transport padding
            }
            if (!startsWith(body, at, CRLF)) {
                throw new IllegalArgumentException("malformed multipart body: no line break after a boundary");
            }
            at += CRLF.length;
            int headersEnd = startsWith(body, at, CRLF) ? at : indexOf(body, HEADER_END, at);
            if (headersEnd < 0) {
                throw new IllegalArgumentException("malformed multipart body: part headers do not end");
            }
            Map<String, String> headers = headers(new String(body, at, headersEnd - at, StandardCharsets.UTF_8));
            int contentStart = headersEnd + (headersEnd == at ? CRLF.length : HEADER_END.length);
            int next = indexOf(body, delimiter, contentStart);
            if (next < 0) {
                throw new IllegalArgumentException("malformed multipart body: the last part is not closed by --"
                        + boundary + "--");
            }
            parts.add(part(headers, Arrays.copyOfRange(body, contentStart, next)));
            at = next + CRLF.length;
        }
    }

    private static Map<String, String> headers(String block) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line : block.split("\r\n")) {
            if (line.isEmpty()) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("malformed multipart part header: " + line);
            }
            headers.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
        }
        return headers;
    }

    private static Part part(Map<String, String> headers, byte[] content) {
        String disposition = headers.get("content-disposition");
        if (disposition == null) {
            throw new IllegalArgumentException("a multipart part has no Content-Disposition header");
        }
        HeaderValue d = HeaderValue.parse(disposition);
        String name = d.parameter("name");
        if (!d.value().equals("form-data") || name == null) {
            throw new IllegalArgumentException("a multipart part is not form-data with a name: " + disposition);
        }
        String filename = d.parameter("filename") != null ? d.parameter("filename") : d.parameter("filename*");
        return new Part(name, filename, headers.get("content-type"), content);
    }

    private static boolean startsWith(byte[] data, int at, byte[] prefix) {
        if (at < 0 || at + prefix.length > data.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data[at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        for (int i = Math.max(from, 0); i + pattern.length <= data.length; i++) {
            if (data[i] == pattern[0] && startsWith(data, i, pattern)) {
                return i;
            }
        }
        return -1;
    }

    private MultipartForm() {
    }
}
