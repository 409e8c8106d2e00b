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

    /** A request's parameters: names case-insensitive (DALI), values as sent, repeats kept in order. */
    static final class Params {
        private final Map<String, List<String>> values = new LinkedHashMap<>();

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
    }

    /**
     * The query string's parameters plus, for POST, those of an {@code application/x-www-form-urlencoded} body.
     *
     * @throws IllegalArgumentException for a multipart body (no UPLOAD support here)
     */
    static Params params(HttpExchange ex) throws IOException {
        Params p = new Params();
        parseForm(ex.getRequestURI().getRawQuery(), p);
        if ("POST".equals(ex.getRequestMethod())) {
            String type = ex.getRequestHeaders().getFirst("Content-Type");
            byte[] body = ex.getRequestBody().readNBytes(1 << 20);
            if (type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
                throw new IllegalArgumentException("multipart/form-data requests are not supported (this service has no UPLOAD)");
            }
            parseForm(new String(body, StandardCharsets.ISO_8859_1), p);
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
