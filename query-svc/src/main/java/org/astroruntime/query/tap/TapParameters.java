package org.astroruntime.query.tap;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.astroruntime.common.error.InvalidParameterException;
import org.astroruntime.query.protocol.ProtocolParameters;
import org.astroruntime.query.protocol.QueryProtocol;
import org.astroruntime.query.protocol.RemoteRequest;
import org.astroruntime.query.protocol.RequestParameters;

/**
 * A TAP 1.1 ADQL query, validated: the query text, the row limit, and whether to run it on the service's
 * synchronous endpoint ({@code MODE=sync}, the default, for quick queries) or as a UWS job on its asynchronous one
 * ({@code MODE=async}, for long queries: polled, and aborted and deleted on the service when our job is).
 *
 * @param query  the ADQL text
 * @param maxrec the row limit asked for, or null for the service's default
 * @param async  whether to use the asynchronous endpoint
 * @param runId   the client's run id to pass on, or null
 * @param uploads tables sent with the query (TAP UPLOAD), possibly none
 */
public record TapParameters(String query, Integer maxrec, boolean async, String runId, List<TableUpload> uploads)
        implements ProtocolParameters {

    /** Long enough for any hand-written or generated query; longer is a mistake or an attack. */
    public static final int MAX_QUERY_LENGTH = 100_000;
    private static final Set<String> KNOWN = Set.of("QUERY", "LANG", "MAXREC", "MODE", "REQUEST", "RUNID", "UPLOAD");
    private static final Set<String> LANGS = Set.of("ADQL", "ADQL-2.0", "ADQL-2.1");

    public TapParameters {
        uploads = uploads == null ? List.of() : List.copyOf(uploads);
        if (query == null || query.isBlank()) {
            throw new InvalidParameterException("QUERY", "QUERY is required: an ADQL query");
        }
        if (query.length() > MAX_QUERY_LENGTH) {
            throw new InvalidParameterException("QUERY", "QUERY is " + query.length() + " characters; at most "
                    + MAX_QUERY_LENGTH + " are accepted");
        }
    }

    /** Reads QUERY, LANG, MAXREC, MODE, REQUEST, RUNID and UPLOAD (names case-insensitive). */
    public static TapParameters from(Map<String, String> parameters) {
        RequestParameters p = RequestParameters.of(parameters, "TAP", KNOWN);
        String lang = p.optional("LANG");
        if (lang != null && !LANGS.contains(lang.toUpperCase(Locale.ROOT))) {
            throw new InvalidParameterException("LANG", "LANG must be ADQL, got " + lang);
        }
        String request = p.optional("REQUEST");
        if (request != null && !request.equalsIgnoreCase("doQuery")) {
            throw new InvalidParameterException("REQUEST", "REQUEST must be doQuery, got " + request);
        }
        String mode = p.optional("MODE");
        if (mode != null && !mode.equalsIgnoreCase("sync") && !mode.equalsIgnoreCase("async")) {
            throw new InvalidParameterException("MODE", "MODE must be sync or async, got " + mode);
        }
        return new TapParameters(p.required("QUERY"), p.integer("MAXREC", 0, Integer.MAX_VALUE),
                "async".equalsIgnoreCase(mode), p.optional("RUNID"), TableUpload.parseAll(p.optional("UPLOAD")));
    }

    /** The same query with each upload's source mapped (VOSpace paths resolved for the owner). */
    public TapParameters withUploads(List<TableUpload> resolved) {
        return new TapParameters(query, maxrec, async, runId, resolved);
    }

    /**
     * A query with uploads is never answered from the shared cache: the uploaded tables can change under the same
     * name.
     */
    @Override
    public boolean cacheable() {
        return uploads.isEmpty();
    }

    @Override
    public QueryProtocol protocol() {
        return QueryProtocol.TAP;
    }

    /** Sync and async give the same table, and whitespace in ADQL means nothing, so neither is part of the key. */
    @Override
    public String canonical(String accessUrl) {
        return "tap " + accessUrl + " MAXREC=" + maxrec + " QUERY=" + query.strip().replaceAll("\\s+", " ")
                + (uploads.isEmpty() ? "" : " UPLOAD=" + uploads);
    }

    /** The synchronous request: a form POST (queries can be long) to {@code {base}/sync}; URL uploads only. */
    @Override
    public RemoteRequest request(String accessUrl) {
        return request(accessUrl, Map.of());
    }

    /**
     * The synchronous request with VOSpace uploads already fetched into local files ({@code staged}, by upload
     * name), sent inline as parts of a multipart POST.
     *
     * @throws IllegalArgumentException when a VOSpace upload has no staged file
     */
    public RemoteRequest request(String accessUrl, Map<String, Path> staged) {
        Map<String, String> form = form();
        Map<String, Path> files = new LinkedHashMap<>();
        List<String> upload = new ArrayList<>();
        for (TableUpload u : uploads) {
            if (u.inVoSpace()) {
                Path file = staged.get(u.name());
                if (file == null) {
                    throw new IllegalArgumentException("upload " + u.name() + " was not fetched from VOSpace");
                }
                files.put(u.name(), file);
                upload.add(u.name() + ",param:" + u.name());
            } else {
                upload.add(u.name() + "," + u.source());
            }
        }
        if (!upload.isEmpty()) {
            form.put("UPLOAD", String.join(";", upload));
        }
        return new RemoteRequest(endpoint(accessUrl, "sync"), form, files);
    }

    /**
     * The form fields of the query. {@code REQUEST=doQuery} is no longer required by TAP 1.1 but TAP 1.0 services
     * need it; the answer is always asked for as VOTable, which is what query-svc checks.
     */
    Map<String, String> form() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("REQUEST", "doQuery");
        form.put("LANG", "ADQL");
        form.put("QUERY", query);
        form.put("RESPONSEFORMAT", "votable");
        if (maxrec != null) {
            form.put("MAXREC", maxrec.toString());
        }
        if (runId != null) {
            form.put("RUNID", runId);
        }
        return form;
    }

    /** {@code {base}/{resource}}, whatever the base URL ends with. */
    static URI endpoint(String accessUrl, String resource) {
        String base = accessUrl.replaceAll("[?&]+$", "").replaceAll("/+$", "");
        return URI.create(base + "/" + resource);
    }
}
