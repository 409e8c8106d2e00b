package org.astroruntime.e2e.peers;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.astroruntime.e2e.peers.TapUploads.TableUpload;

/**
 * A TAP 1.1 service at {@code /tap} over the demo catalogue and image archive (tables: see {@link TapTables}),
 * running the ADQL subset of {@link AdqlParser} with {@link AdqlEngine}.
 *
 * <ul>
 *   <li>{@code /tap/sync} (GET, POST urlencoded or multipart/form-data): {@code LANG=ADQL} and {@code QUERY}
 *       required, {@code REQUEST=doQuery} accepted, {@code MAXREC} (default {@value #DEFAULT_MAXREC}, at most
 *       {@value #MAX_MAXREC}; a cut result ends with INFO QUERY_STATUS=OVERFLOW after the table),
 *       {@code RESPONSEFORMAT} or {@code FORMAT}: votable (TABLEDATA, default) or csv. Errors: DALI error VOTable
 *       with HTTP 400.</li>
 *   <li>{@code UPLOAD=name,URI[;name,URI...]} (TAP 1.1 upload, see {@link TapUploads}): {@code param:part} for a
 *       VOTable sent as a part of the same multipart request, or an http(s) URL the service fetches; the query sees
 *       it as {@code TAP_UPLOAD.name}. Upload tables belong to the one request (or async job) that sent them.</li>
 *   <li>{@code /tap/async}: UWS 1.1 (see {@link TapAsyncJobs}); jobs run on {@value #WORKERS} worker threads,
 *       are kept for a day (destruction) and may run {@value #DEFAULT_EXECUTION_DURATION} s by default. A job
 *       keeps the multipart parts it was created (or its parameters set) with, for its inline uploads.</li>
 *   <li>{@code /tap/tables} (VOSI tableset; {@code /tap/tables/{name}}, {@code detail=min}),
 *       {@code /tap/capabilities} (TAPRegExt), {@code /tap/availability}.</li>
 * </ul>
 *
 * There are no owners: every caller sees every job.
 */
public final class TapService implements AutoCloseable {

    public static final int DEFAULT_MAXREC = 10_000;
    public static final int MAX_MAXREC = 100_000;
    /** Longest blocking WAIT on a job, seconds; WAIT=-1 or larger values mean this. */
    public static final int MAX_WAIT_SECONDS = 60;
    public static final long DEFAULT_EXECUTION_DURATION = 600;
    public static final long MAX_EXECUTION_DURATION = 3600;
    public static final Duration RETENTION = Duration.ofDays(1);
    public static final Duration MAX_RETENTION = Duration.ofDays(7);
    static final int WORKERS = 4;

    private final AdqlEngine engine;
    private final String base;
    /** The UWS side; it shares {@link #run} so async jobs answer exactly as {@code /tap/sync} does. */
    private final TapAsyncJobs async;

    private TapService(AdqlEngine engine, String publicBase) {
        this.engine = engine;
        this.base = publicBase + "/tap";
        this.async = new TapAsyncJobs(base, this::run);
    }

    /**
     * Adds {@code /tap} and its resources to a server.
     *
     * @return the service, to be closed with the server (stops its worker and timer threads)
     */
    public static TapService install(HttpServer server, Catalogue catalogue, ImageArchive archive, String publicBase) {
        TapService tap = new TapService(new AdqlEngine(TapTables.demo(catalogue, archive, publicBase)), publicBase);
        server.createContext("/tap", tap::handle);
        return tap;
    }

    /** The engine behind the service (its tables included). */
    public AdqlEngine engine() {
        return engine;
    }

    /** Stops the async job threads (workers and timer); running jobs are interrupted. */
    @Override
    public void close() {
        async.close();
    }

    // ------------------------------------------------------------------------------------------------ dispatch

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            if (path.endsWith("/") && path.length() > 1) {
                path = path.substring(0, path.length() - 1);
            }
            if (path.equals("/tap")) {
                Http.text(ex, 200, "TAP 1.1 service: " + base + "/sync, " + base + "/async, " + base + "/tables, "
                        + base + "/capabilities, " + base + "/availability\n");
            } else if (path.equals("/tap/sync")) {
                if (!ex.getRequestMethod().equals("GET") && !ex.getRequestMethod().equals("POST")) {
                    Http.methodNotAllowed(ex, "GET, POST");
                    return;
                }
                sync(ex);
            } else if (path.equals("/tap/async") || path.startsWith("/tap/async/")) {
                async.handle(ex, path);
            } else if (path.equals("/tap/tables") || path.startsWith("/tap/tables/")) {
                tables(ex, path);
            } else if (path.equals("/tap/capabilities")) {
                Http.xml(ex, 200, capabilities());
            } else if (path.equals("/tap/availability")) {
                Http.xml(ex, 200, Vosi.availability("TAP peer of the AstroRuntime e2e tests; " + async.size() + " jobs"));
            } else {
                Http.text(ex, 404, "no resource " + path + "\n");
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ requests

    /** A checked TAP request; its uploads are checked for syntax only, and read when it runs. */
    record Request(String query, long maxrec, boolean csv, List<TableUpload> uploads) {
    }

    /**
     * Checks the DALI/TAP parameters of a request (sync, or an async job when it starts).
     *
     * @throws IllegalArgumentException naming the bad parameter
     */
    static Request request(Map<String, List<String>> params) {
        String req = first(params, "REQUEST");
        if (req != null && !req.strip().equalsIgnoreCase("doQuery")) {
            throw new IllegalArgumentException("REQUEST=" + req + " is not supported (only REQUEST=doQuery)");
        }
        String lang = first(params, "LANG");
        if (lang == null || lang.isBlank()) {
            throw new IllegalArgumentException("LANG parameter is missing (use LANG=ADQL)");
        }
        String l = lang.strip().toUpperCase(Locale.ROOT);
        if (!l.equals("ADQL") && !l.equals("ADQL-2.0") && !l.equals("ADQL-2.1")) {
            throw new IllegalArgumentException("LANG=" + lang + " is not supported (use LANG=ADQL)");
        }
        String query = first(params, "QUERY");
        if (query == null || query.isBlank()) {
            throw new IllegalArgumentException("QUERY parameter is missing");
        }
        List<TableUpload> uploads = TapUploads.parse(params.getOrDefault("UPLOAD", List.of()));
        long maxrec = DEFAULT_MAXREC;
        String m = first(params, "MAXREC");
        if (m != null) {
            try {
                maxrec = Long.parseLong(m.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("MAXREC must be a non-negative integer, got '" + m + "'");
            }
            if (maxrec < 0) {
                throw new IllegalArgumentException("MAXREC must be a non-negative integer, got '" + m + "'");
            }
            maxrec = Math.min(maxrec, MAX_MAXREC);
        }
        String format = first(params, "RESPONSEFORMAT");
        if (format == null) {
            format = first(params, "FORMAT");
        }
        boolean csv = false;
        if (format != null) {
            String f = format.strip().toLowerCase(Locale.ROOT);
            if (f.equals("csv") || f.startsWith("text/csv")) {
                csv = true;
            } else if (!Sia2Endpoint.isVoTable(f)) {
                throw new IllegalArgumentException("RESPONSEFORMAT " + format + " is not supported (use votable or csv)");
            }
        }
        return new Request(query, maxrec, csv, uploads);
    }

    private static String first(Map<String, List<String>> params, String name) {
        List<String> v = params.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    /**
     * Reads a checked request's uploads, runs it and renders its result document.
     *
     * @param parts the multipart parts sent with the request (or job), which {@code param:} uploads name
     */
    private byte[] run(Request r, Map<String, MultipartForm.Part> parts) throws InterruptedException, IOException {
        List<TapTable> uploaded = TapUploads.load(r.uploads(), parts);
        AdqlEngine withUploads = uploaded.isEmpty() ? engine : engine.withTables(uploaded);
        QueryResult result = withUploads.prepare(r.query()).execute(r.maxrec());
        if (r.csv()) {
            return VoTables.render(w -> VoTables.csv(w, result.columns(), result.rows()));
        }
        return VoTables.render(w -> VoTables.results(w, "result", List.<String[]>of(new String[] {"QUERY", r.query()}),
                result.columns(), result.rows(), result.overflow()));
    }

    static String type(Request r) {
        return r.csv() ? "text/csv;charset=UTF-8;header=present" : VoTables.MIME;
    }

    private void sync(HttpExchange ex) throws IOException {
        byte[] body;
        Request r;
        try {
            Http.Params params = Http.params(ex);
            r = request(params.asMap());
            body = run(r, params.parts());
        } catch (IllegalArgumentException | AdqlException e) {
            Http.send(ex, 400, VoTables.MIME, VoTables.error(e.getMessage()));
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            Http.send(ex, 503, VoTables.MIME, VoTables.error("the server is stopping"));
            return;
        }
        Http.send(ex, 200, type(r), body);
    }

    private static String xmlHead() {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    }

    private static String strip(String s) {
        return s == null ? null : s.strip();
    }

    // ------------------------------------------------------------------------------------------------ VOSI

    private void tables(HttpExchange ex, String path) throws IOException {
        Http.Params p = Http.params(ex);
        boolean min = "min".equalsIgnoreCase(strip(p.first("DETAIL")));
        String ns = "xmlns:vosi=\"http://www.ivoa.net/xml/VOSITables/v1.0\" "
                + "xmlns:vs=\"http://www.ivoa.net/xml/VODataService/v1.1\" "
                + "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"";
        if (path.startsWith("/tap/tables/")) {
            String name = path.substring("/tap/tables/".length());
            TapTable t = engine.tables().stream().filter(x -> x.name().equalsIgnoreCase(name)).findFirst().orElse(null);
            if (t == null) {
                Http.text(ex, 404, "no table " + name + "\n");
                return;
            }
            Http.xml(ex, 200, xmlHead() + tableXml(t, "", false).replaceFirst("<table type=\"table\">",
                    "<vosi:table " + ns + " type=\"table\">").replaceFirst("</table>\n$", "</vosi:table>\n"));
            return;
        }
        StringBuilder sb = new StringBuilder(xmlHead());
        sb.append("<vosi:tableset ").append(ns).append(">\n");
        List<String> schemas = new ArrayList<>();
        for (TapTable t : engine.tables()) {
            if (!schemas.contains(t.schema())) {
                schemas.add(t.schema());
            }
        }
        for (String s : schemas) {
            sb.append("  <schema>\n    <name>").append(VoTables.esc(s)).append("</name>\n");
            String d = TapTables.schemaDescription(s);
            if (d != null) {
                sb.append("    <description>").append(VoTables.esc(d)).append("</description>\n");
            }
            for (TapTable t : engine.tables()) {
                if (t.schema().equals(s)) {
                    sb.append(tableXml(t, "    ", min));
                }
            }
            sb.append("  </schema>\n");
        }
        sb.append("</vosi:tableset>\n");
        Http.xml(ex, 200, sb.toString());
    }

    /** A VODataService 1.1 table (child order: name, description, column*; column: name, description, unit,
     * ucd, utype, dataType, flag*). */
    private static String tableXml(TapTable t, String indent, boolean min) {
        StringBuilder sb = new StringBuilder();
        sb.append(indent).append("<table type=\"table\">\n");
        sb.append(indent).append("  <name>").append(VoTables.esc(t.name())).append("</name>\n");
        sb.append(indent).append("  <description>").append(VoTables.esc(t.description())).append("</description>\n");
        if (!min) {
            for (ColumnDef c : t.columns()) {
                sb.append(indent).append("  <column").append(c.std() ? " std=\"true\"" : "").append(">\n");
                sb.append(indent).append("    <name>").append(VoTables.esc(c.name())).append("</name>\n");
                element(sb, indent + "    ", "description", c.description());
                element(sb, indent + "    ", "unit", c.unit());
                element(sb, indent + "    ", "ucd", c.ucd());
                element(sb, indent + "    ", "utype", c.utype());
                sb.append(indent).append("    <dataType xsi:type=\"vs:VOTableType\"");
                if (c.arraysize() != null) {
                    sb.append(" arraysize=\"").append(VoTables.esc(c.arraysize())).append('"');
                }
                if (c.xtype() != null) {
                    sb.append(" extendedType=\"").append(VoTables.esc(c.xtype())).append('"');
                }
                sb.append('>').append(c.datatype()).append("</dataType>\n");
                if (c.indexed()) {
                    sb.append(indent).append("    <flag>indexed</flag>\n");
                }
                if (c.principal()) {
                    sb.append(indent).append("    <flag>principal</flag>\n");
                }
                sb.append(indent).append("  </column>\n");
            }
        }
        sb.append(indent).append("</table>\n");
        return sb.toString();
    }

    private static void element(StringBuilder sb, String indent, String name, String value) {
        if (value != null) {
            sb.append(indent).append('<').append(name).append('>').append(VoTables.esc(value)).append("</")
                    .append(name).append(">\n");
        }
    }

    private String capabilities() {
        StringBuilder sb = new StringBuilder(Vosi.capabilitiesStart(base, true));
        sb.append("  <capability standardID=\"ivo://ivoa.net/std/TAP\" xsi:type=\"tr:TableAccess\">\n");
        sb.append("    <interface xsi:type=\"vs:ParamHTTP\" role=\"std\" version=\"1.1\">\n");
        sb.append("      <accessURL use=\"base\">").append(VoTables.esc(base)).append("</accessURL>\n");
        sb.append("    </interface>\n");
        sb.append("    <dataModel ivo-id=\"ivo://ivoa.net/std/ObsCore#core-1.1\">ObsCore-1.1</dataModel>\n");
        sb.append("    <language>\n      <name>ADQL</name>\n");
        sb.append("      <version ivo-id=\"ivo://ivoa.net/std/ADQL#v2.0\">2.0</version>\n");
        sb.append("      <description>A subset of ADQL 2.0: SELECT [TOP n] items FROM one table [WHERE ...] [ORDER BY ...];"
                + " AND/OR/NOT, comparisons, BETWEEN, LIKE, IN, IS NULL, + - * /, COUNT(*);"
                + " no joins, subqueries, GROUP BY or other functions.</description>\n");
        sb.append("      <languageFeatures type=\"ivo://ivoa.net/std/TAPRegExt#features-adqlgeo\">\n");
        for (String f : new String[] {"POINT", "CIRCLE", "CONTAINS", "DISTANCE"}) {
            sb.append("        <feature><form>").append(f).append("</form></feature>\n");
        }
        sb.append("      </languageFeatures>\n    </language>\n");
        sb.append("    <outputFormat ivo-id=\"ivo://ivoa.net/std/TAPRegExt#output-votable-td\">\n");
        sb.append("      <mime>application/x-votable+xml</mime>\n      <alias>votable</alias>\n    </outputFormat>\n");
        sb.append("    <outputFormat>\n      <mime>text/csv</mime>\n      <alias>csv</alias>\n    </outputFormat>\n");
        sb.append("    <uploadMethod ivo-id=\"ivo://ivoa.net/std/TAPRegExt#upload-inline\"/>\n");
        sb.append("    <uploadMethod ivo-id=\"ivo://ivoa.net/std/TAPRegExt#upload-http\"/>\n");
        sb.append("    <retentionPeriod>\n      <default>").append(RETENTION.toSeconds()).append("</default>\n      <hard>")
                .append(MAX_RETENTION.toSeconds()).append("</hard>\n    </retentionPeriod>\n");
        sb.append("    <executionDuration>\n      <default>").append(DEFAULT_EXECUTION_DURATION)
                .append("</default>\n      <hard>").append(MAX_EXECUTION_DURATION).append("</hard>\n    </executionDuration>\n");
        sb.append("    <outputLimit>\n      <default unit=\"row\">").append(DEFAULT_MAXREC)
                .append("</default>\n      <hard unit=\"row\">").append(MAX_MAXREC).append("</hard>\n    </outputLimit>\n");
        sb.append("    <uploadLimit>\n      <hard unit=\"byte\">").append(TapUploads.MAX_UPLOAD_BYTES)
                .append("</hard>\n    </uploadLimit>\n");
        sb.append("  </capability>\n");
        return sb.append(Vosi.capabilitiesEnd()).toString();
    }
}
