package org.astroruntime.e2e.peers;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Request parameters and responses for the DAL peers (JDK HttpServer). */
final class Http {

    /** Most bytes read from an {@code application/x-www-form-urlencoded} body (the rest is ignored). */
    static final int MAX_FORM_BYTES = 1 << 20;
    /** Most bytes accepted in a {@code multipart/form-data} body: room for a few uploads at their own limit. */
    static final int MAX_MULTIPART_BYTES = 64 << 20;

    /**
     * A request's parameters: names case-insensitive (DALI), values as sent, repeats kept in order; and, for a
     * multipart request, all its parts by their exact name (what a TAP {@code UPLOAD=t,param:name} refers to).
     */
    static final class Params {
        private final Map<String, List<String>> values = new LinkedHashMap<>();
        private final Map<String, MultipartForm.Part> parts = new LinkedHashMap<>();

        void add(String name, String value) {
            values.computeIfAbsent(name.toUpperCase(Locale.ROOT), k -> new ArrayList<>()).add(value);
        }

        /** The first value of a parameter, or null. */
        String first(String name) {
            List<String> v = values.get(name.toUpperCase(Locale.ROOT));
            return v == null || v.isEmpty() ? null : v.get(0);
        }

        List<String> all(String name) {
            return values.getOrDefault(name.toUpperCase(Locale.ROOT), List.of());
        }

        boolean has(String name) {
            return values.containsKey(name.toUpperCase(Locale.ROOT));
        }

        /** Names (upper case) and their values, in the order first seen. */
        Map<String, List<String>> asMap() {
            return values;
        }

        /** The parts of a multipart body by name (text fields too), empty for other requests. */
        Map<String, MultipartForm.Part> parts() {
            return parts;
        }
    }

    /**
     * The query string's parameters plus, for POST, those of the body: {@code application/x-www-form-urlencoded}
     * or {@code multipart/form-data} (text fields are parameters as well as {@link Params#parts()}, files only parts).
     *
     * @throws IllegalArgumentException for a malformed multipart body or one over {@value #MAX_MULTIPART_BYTES} bytes
     */
    static Params params(HttpExchange ex) throws IOException {
        Params p = new Params();
        parseForm(ex.getRequestURI().getRawQuery(), p);
        if ("POST".equals(ex.getRequestMethod())) {
            String type = ex.getRequestHeaders().getFirst("Content-Type");
            if (type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
                byte[] body = ex.getRequestBody().readNBytes(MAX_MULTIPART_BYTES + 1);
                if (body.length > MAX_MULTIPART_BYTES) {
                    throw new IllegalArgumentException("the request body is larger than " + (MAX_MULTIPART_BYTES >> 20)
                            + " MiB");
                }
                for (MultipartForm.Part part : MultipartForm.parse(type, body)) {
                    p.parts.put(part.name(), part);
                    if (part.isTextField()) {
                        p.add(part.name(), part.text());
                    }
                }
            } else {
                parseForm(new String(ex.getRequestBody().readNBytes(MAX_FORM_BYTES), StandardCharsets.ISO_8859_1), p);
            }
        }
        return p;
    }

    private static void parseForm(String raw, Params p) {
        if (raw == null || raw.isEmpty()) {
            return;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            p.add(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
    }

    /** Sends a complete body with its length; for HEAD only the headers (with the length the body would have). */
    static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        if ("HEAD".equals(ex.getRequestMethod())) {
            ex.getResponseHeaders().set("Content-Length", Integer.toString(body.length));
            ex.sendResponseHeaders(status, -1);
            ex.close();
            return;
        }
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    static void text(HttpExchange ex, int status, String text) throws IOException {
        send(ex, status, "text/plain;charset=UTF-8", text.getBytes(StandardCharsets.UTF_8));
    }

    static void xml(HttpExchange ex, int status, String xml) throws IOException {
        send(ex, status, "text/xml;charset=UTF-8", xml.getBytes(StandardCharsets.UTF_8));
    }

    /** 303 See Other, as UWS requires after job creation and phase changes. */
    static void seeOther(HttpExchange ex, String location) throws IOException {
        ex.getResponseHeaders().set("Location", location);
        ex.sendResponseHeaders(303, -1);
        ex.close();
    }

    static void methodNotAllowed(HttpExchange ex, String allow) throws IOException {
        ex.getResponseHeaders().set("Allow", allow);
        text(ex, 405, "method " + ex.getRequestMethod() + " is not allowed here (allowed: " + allow + ")\n");
    }

    private Http() {
    }
}
