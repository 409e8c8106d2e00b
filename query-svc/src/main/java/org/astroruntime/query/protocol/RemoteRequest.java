package org.astroruntime.query.protocol;

import java.net.URI;
import java.util.Map;

/**
 * One HTTP request to a remote service: a GET of {@code url}, or a form POST when {@code form} is not null.
 *
 * @param url  where to send it
 * @param form form fields for a POST, or null for a GET
 */
public record RemoteRequest(URI url, Map<String, String> form) {

    public RemoteRequest {
        form = form == null ? null : Map.copyOf(form);
    }

    /** A GET of {@code accessUrl} with {@code query} appended (the access URL may already end in ? or &amp;). */
    public static RemoteRequest get(String accessUrl, String query) {
        String separator = accessUrl.endsWith("?") || accessUrl.endsWith("&") ? ""
                : accessUrl.contains("?") ? "&" : "?";
        return new RemoteRequest(URI.create(accessUrl + separator + query), null);
    }
}
