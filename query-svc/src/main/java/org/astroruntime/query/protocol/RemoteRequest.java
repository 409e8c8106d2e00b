package org.astroruntime.query.protocol;

import java.io.FileNotFoundException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One HTTP request to a remote service: a GET of {@code url}; a form POST when {@code form} is not null; a
 * {@code multipart/form-data} POST when files are attached as well (TAP's inline table upload, where
 * {@code UPLOAD=t,param:t} names the part holding table {@code t}).
 *
 * @param url   where to send it
 * @param form  form fields for a POST, or null for a GET
 * @param files files sent as parts of a multipart POST, by part name; empty for none
 */
public record RemoteRequest(URI url, Map<String, String> form, Map<String, Path> files) {

    public RemoteRequest {
        form = form == null ? null : new LinkedHashMap<>(form); // kept in order: some services read fields in order
        files = files == null ? Map.of() : Map.copyOf(files);
        if (!files.isEmpty() && form == null) {
            throw new IllegalArgumentException("files are only sent with a form POST");
        }
    }

    public RemoteRequest(URI url, Map<String, String> form) {
        this(url, form, Map.of());
    }

    /** A GET of {@code accessUrl} with {@code query} appended (the access URL may already end in ? or &amp;). */
    public static RemoteRequest get(String accessUrl, String query) {
        String separator = accessUrl.endsWith("?") || accessUrl.endsWith("&") ? ""
                : accessUrl.contains("?") ? "&" : "?";
        return new RemoteRequest(URI.create(accessUrl + separator + query), null);
    }

    /** The same request sent to {@code other} with {@code extra} form fields added (e.g. PHASE=RUN). */
    public RemoteRequest to(URI other, Map<String, String> extra) {
        Map<String, String> fields = new LinkedHashMap<>(form == null ? Map.of() : form);
        fields.putAll(extra);
        return new RemoteRequest(other, fields, files);
    }

    /**
     * Sets the method, body and content type of {@code builder} for this request.
     *
     * @throws FileNotFoundException when an attached file is missing
     */
    public HttpRequest.Builder applyTo(HttpRequest.Builder builder) throws FileNotFoundException {
        if (form == null) {
            return builder.GET();
        }
        if (files.isEmpty()) {
            return builder.header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(FormEncoding.encode(form)));
        }
        String boundary = "astroruntime-" + UUID.randomUUID();
        List<HttpRequest.BodyPublisher> parts = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        form.forEach((name, value) -> text.append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"").append(quoted(name)).append("\"\r\n")
                .append("Content-Type: text/plain; charset=UTF-8\r\n\r\n").append(value).append("\r\n"));
        parts.add(HttpRequest.BodyPublishers.ofString(text.toString(), StandardCharsets.UTF_8));
        for (Map.Entry<String, Path> file : files.entrySet()) {
            String name = quoted(file.getKey());
            parts.add(HttpRequest.BodyPublishers.ofString("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                    + name + "\"; filename=\"" + name + ".vot\"\r\nContent-Type: application/x-votable+xml\r\n\r\n"));
            parts.add(HttpRequest.BodyPublishers.ofFile(file.getValue()));
            parts.add(HttpRequest.BodyPublishers.ofString("\r\n"));
        }
        parts.add(HttpRequest.BodyPublishers.ofString("--" + boundary + "--\r\n"));
        return builder.header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.concat(parts.toArray(HttpRequest.BodyPublisher[]::new)));
    }

    /** Part names are ADQL identifiers or protocol field names; quotes and line breaks cannot occur, but never pass. */
    private static String quoted(String name) {
        return name.replaceAll("[\"\r\n]", "_");
    }
}
