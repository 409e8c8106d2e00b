package org.astroruntime.e2e.peers;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A TAP 1.1 service at {@code /tap} over the demo catalogue and image archive (tables: see {@link TapTables}),
 * running the ADQL subset of {@link AdqlParser} with {@link AdqlEngine}.
 *
 * <ul>
 *   <li>{@code /tap/sync} (GET, POST form): {@code LANG=ADQL} and {@code QUERY} required, {@code REQUEST=doQuery}
 *       accepted, {@code MAXREC} (default {@value #DEFAULT_MAXREC}, at most {@value #MAX_MAXREC}; a cut result ends
 *       with INFO QUERY_STATUS=OVERFLOW after the table), {@code RESPONSEFORMAT} or {@code FORMAT}: votable
 *       (TABLEDATA, default) or csv. Errors: DALI error VOTable with HTTP 400.</li>
 *   <li>{@code /tap/async}: UWS 1.1 (see {@link #handleAsync}); jobs run on {@value #WORKERS} worker threads,
 *       are kept for a day (destruction) and may run {@value #DEFAULT_EXECUTION_DURATION} s by default.</li>
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
    static final String UWS_NS = "http://www.ivoa.net/xml/UWS/v1.0";

    private final AdqlEngine engine;
    private final String base;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final ExecutorService workers = Executors.newFixedThreadPool(WORKERS, daemon("tap-worker"));
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(daemon("tap-timer"));

    /** Job phases of UWS 1.1 that this service uses. */
    enum Phase {
        PENDING, QUEUED, EXECUTING, COMPLETED, ERROR, ABORTED;

        boolean active() {
            return this == PENDING || this == QUEUED || this == EXECUTING;
        }
    }

    private TapService(AdqlEngine engine, String publicBase) {
        this.engine = engine;
        this.base = publicBase + "/tap";
        timer.scheduleWithFixedDelay(this::destroyExpired, 10, 10, TimeUnit.SECONDS);
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

    @Override
    public void close() {
        workers.shutdownNow();
        timer.shutdownNow();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
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
                handleAsync(ex, path);
            } else if (path.equals("/tap/tables") || path.startsWith("/tap/tables/")) {
                tables(ex, path);
            } else if (path.equals("/tap/capabilities")) {
                Http.xml(ex, 200, capabilities());
            } else if (path.equals("/tap/availability")) {
                Http.xml(ex, 200, Vosi.availability("TAP peer of the AstroRuntime e2e tests; " + jobs.size() + " jobs"));
            } else {
                Http.text(ex, 404, "no resource " + path + "\n");
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ requests

    /** A checked TAP request. */
    record Request(String query, long maxrec, boolean csv) {
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
        if (first(params, "UPLOAD") != null) {
            throw new IllegalArgumentException("UPLOAD is not supported by this service");
        }
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
        return new Request(query, maxrec, csv);
    }

    private static String first(Map<String, List<String>> params, String name) {
        List<String> v = params.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    /** Runs a checked request and renders its result document. */
    private byte[] run(Request r) throws InterruptedException, IOException {
        QueryResult result = engine.prepare(r.query()).execute(r.maxrec());
        if (r.csv()) {
            return VoTables.render(w -> VoTables.csv(w, result.columns(), result.rows()));
        }
        return VoTables.render(w -> VoTables.results(w, "result", List.<String[]>of(new String[] {"QUERY", r.query()}),
                result.columns(), result.rows(), result.overflow()));
    }

    private static String type(Request r) {
        return r.csv() ? "text/csv;charset=UTF-8;header=present" : VoTables.MIME;
    }

    private void sync(HttpExchange ex) throws IOException {
        byte[] body;
        Request r;
        try {
            r = request(Http.params(ex).asMap());
            body = run(r);
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

    // ------------------------------------------------------------------------------------------------ UWS jobs

    /** One asynchronous job. Its fields change under its own lock; waiters are notified on phase changes. */
    final class Job {
        final String id;
        final Instant creation = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        final Map<String, List<String>> params = new java.util.LinkedHashMap<>();
        String runId;
        Phase phase = Phase.PENDING;
        Instant start;
        Instant end;
        Instant destruction = creation.plus(RETENTION);
        long executionDuration = DEFAULT_EXECUTION_DURATION;
        byte[] result;
        String resultType;
        String error;
        java.util.concurrent.Future<?> future;
        java.util.concurrent.ScheduledFuture<?> limit;

        Job(String id) {
            this.id = id;
        }

        synchronized void setPhase(Phase p) {
            phase = p;
            if (p == Phase.EXECUTING) {
                start = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            }
            if (!p.active()) {
                end = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            }
            notifyAll();
        }

        /** Queues a PENDING job (RUN); other phases are left alone. */
        synchronized void run() {
            if (phase != Phase.PENDING) {
                return;
            }
            setPhase(Phase.QUEUED);
            future = workers.submit(() -> execute(this));
        }

        /** Aborts an active job; a running scan is interrupted. Jobs that have ended are left alone. */
        synchronized void abort(String reason) {
            if (!phase.active()) {
                return;
            }
            error = reason;
            setPhase(Phase.ABORTED);
            if (future != null) {
                future.cancel(true);
            }
        }

        String url() {
            return base + "/async/" + id;
        }
    }

    private void execute(Job job) {
        Map<String, List<String>> params;
        long duration;
        synchronized (job) {
            if (job.phase != Phase.QUEUED) {
                return;
            }
            job.setPhase(Phase.EXECUTING);
            params = new java.util.LinkedHashMap<>(job.params);
            duration = job.executionDuration;
            if (duration > 0) {
                job.limit = timer.schedule(() -> job.abort("the job ran longer than its executionDuration of "
                        + duration + " s"), duration, TimeUnit.SECONDS);
            }
        }
        try {
            Request r = request(params);
            byte[] body = run(r);
            synchronized (job) {
                if (job.phase == Phase.EXECUTING) {
                    job.result = body;
                    job.resultType = type(r);
                    job.setPhase(Phase.COMPLETED);
                }
            }
        } catch (InterruptedException e) {
            job.abort("the job was aborted");
        } catch (IllegalArgumentException | AdqlException e) {
            fail(job, e.getMessage());
        } catch (IOException | RuntimeException e) {
            fail(job, "internal error: " + e);
        } finally {
            synchronized (job) {
                if (job.limit != null) {
                    job.limit.cancel(false);
                }
            }
        }
    }

    private static void fail(Job job, String message) {
        synchronized (job) {
            if (job.phase == Phase.EXECUTING) {
                job.error = message;
                job.setPhase(Phase.ERROR);
            }
        }
    }

    private void destroyExpired() {
        Instant now = Instant.now();
        for (Job job : new ArrayList<>(jobs.values())) {
            synchronized (job) {
                if (job.destruction.isBefore(now)) {
                    job.abort("the job reached its destruction time");
                    jobs.remove(job.id);
                }
            }
        }
    }

    /**
     * UWS 1.1 at {@code /tap/async}: GET lists jobs ({@code PHASE}, {@code AFTER}, {@code LAST} filters), POST
     * creates one (303 to it; {@code PHASE=RUN} starts it). A job answers GET (the job document; {@code WAIT=n}
     * blocks up to n s, at most {@value #MAX_WAIT_SECONDS}, while the phase stays the same active phase, and
     * {@code PHASE=p} makes it return at once unless the job is in p), DELETE and POST {@code ACTION=DELETE} (303
     * to the list), and POST of parameters while PENDING. Child resources: {@code phase} (POST PHASE=RUN|ABORT;
     * RUN is ignored once started, ABORT once ended), {@code executionduration}, {@code destruction} (POST while
     * PENDING / any time, clamped), {@code quote}, {@code owner}, {@code error}, {@code parameters},
     * {@code results}, {@code results/result}.
     */
    private void handleAsync(HttpExchange ex, String path) throws IOException {
        String method = ex.getRequestMethod();
        Http.Params p;
        try {
            p = Http.params(ex);
        } catch (IllegalArgumentException e) {
            Http.send(ex, 400, VoTables.MIME, VoTables.error(e.getMessage()));
            return;
        }
        if (path.equals("/tap/async")) {
            if (method.equals("POST")) {
                create(ex, p);
            } else if (method.equals("GET")) {
                list(ex, p);
            } else {
                Http.methodNotAllowed(ex, "GET, POST");
            }
            return;
        }
        String[] parts = path.substring("/tap/async/".length()).split("/");
        Job job = jobs.get(parts[0]);
        if (job == null) {
            Http.text(ex, 404, "no job " + parts[0] + " (it may have been deleted or destroyed)\n");
            return;
        }
        String child = parts.length == 1 ? "" : String.join("/", java.util.Arrays.copyOfRange(parts, 1, parts.length));
        switch (child) {
            case "" -> job(ex, method, p, job);
            case "phase" -> phase(ex, method, p, job);
            case "executionduration" -> executionDuration(ex, method, p, job);
            case "destruction" -> destruction(ex, method, p, job);
            case "quote", "owner" -> {
                if (method.equals("GET")) {
                    Http.text(ex, 200, "");
                } else {
                    Http.methodNotAllowed(ex, "GET");
                }
            }
            case "error" -> {
                synchronized (job) {
                    if (job.phase == Phase.ERROR || (job.phase == Phase.ABORTED && job.error != null)) {
                        Http.send(ex, 200, VoTables.MIME, VoTables.error(job.error));
                    } else {
                        Http.text(ex, 404, "job " + job.id + " has no error (phase " + job.phase + ")\n");
                    }
                }
            }
            case "parameters" -> {
                if (method.equals("POST")) {
                    updateParameters(ex, p, job);
                } else {
                    Http.xml(ex, 200, xmlHead() + parametersXml(job, "").replaceFirst("<uws:parameters>",
                            "<uws:parameters " + namespaces() + ">"));
                }
            }
            case "results" -> Http.xml(ex, 200, xmlHead() + resultsXml(job, "").replaceFirst("<uws:results>",
                    "<uws:results " + namespaces() + ">"));
            case "results/result" -> {
                byte[] body;
                String type;
                Phase phase;
                synchronized (job) {
                    body = job.result;
                    type = job.resultType;
                    phase = job.phase;
                }
                if (body == null) {
                    Http.text(ex, 404, "job " + job.id + " has no result (phase " + phase + ")\n");
                } else {
                    Http.send(ex, 200, type, body);
                }
            }
            default -> Http.text(ex, 404, "no resource " + path + "\n");
        }
    }

    private void create(HttpExchange ex, Http.Params p) throws IOException {
        Job job = new Job(UUID.randomUUID().toString().replace("-", "").substring(0, 16));
        boolean run = false;
        for (Map.Entry<String, List<String>> e : p.asMap().entrySet()) {
            switch (e.getKey()) {
                case "PHASE" -> {
                    String v = e.getValue().get(0).strip();
                    if (!v.equalsIgnoreCase("RUN")) {
                        Http.send(ex, 400, VoTables.MIME, VoTables.error("PHASE=" + v + " is not allowed at creation (only RUN)"));
                        return;
                    }
                    run = true;
                }
                case "RUNID" -> job.runId = e.getValue().get(0);
                default -> job.params.put(e.getKey(), new ArrayList<>(e.getValue()));
            }
        }
        jobs.put(job.id, job);
        if (run) {
            job.run();
        }
        Http.seeOther(ex, job.url());
    }

    private void list(HttpExchange ex, Http.Params p) throws IOException {
        List<Job> list = new ArrayList<>(jobs.values());
        List<String> phases = p.all("PHASE").stream().map(s -> s.strip().toUpperCase(Locale.ROOT)).toList();
        Instant after = null;
        if (p.first("AFTER") != null) {
            try {
                after = parseInstant(p.first("AFTER"));
            } catch (DateTimeParseException e) {
                Http.text(ex, 400, "AFTER must be an ISO 8601 time, got '" + p.first("AFTER") + "'\n");
                return;
            }
        }
        Instant since = after;
        list.removeIf(j -> (!phases.isEmpty() && !phases.contains(j.phase.name())) || (since != null && !j.creation.isAfter(since)));
        list.sort(Comparator.comparing((Job j) -> j.creation).thenComparing(j -> j.id));
        if (p.first("LAST") != null) {
            int last;
            try {
                last = Integer.parseInt(p.first("LAST").strip());
            } catch (NumberFormatException e) {
                last = -1;
            }
            if (last < 0) {
                Http.text(ex, 400, "LAST must be a non-negative integer, got '" + p.first("LAST") + "'\n");
                return;
            }
            java.util.Collections.reverse(list); // newest first
            list = list.subList(0, Math.min(last, list.size()));
        }
        StringBuilder sb = new StringBuilder(xmlHead());
        sb.append("<uws:jobs ").append(namespaces()).append(" version=\"1.1\">\n");
        for (Job j : list) {
            synchronized (j) {
                sb.append("  <uws:jobref id=\"").append(VoTables.esc(j.id)).append("\" xlink:href=\"")
                        .append(VoTables.esc(j.url())).append("\">\n");
                sb.append("    <uws:phase>").append(j.phase).append("</uws:phase>\n");
                if (j.runId != null) {
                    sb.append("    <uws:runId>").append(VoTables.esc(j.runId)).append("</uws:runId>\n");
                }
                sb.append("    <uws:ownerId xsi:nil=\"true\"/>\n");
                sb.append("    <uws:creationTime>").append(j.creation).append("</uws:creationTime>\n");
                sb.append("  </uws:jobref>\n");
            }
        }
        sb.append("</uws:jobs>\n");
        Http.xml(ex, 200, sb.toString());
    }

    private void job(HttpExchange ex, String method, Http.Params p, Job job) throws IOException {
        if (method.equals("DELETE") || (method.equals("POST") && "DELETE".equalsIgnoreCase(strip(p.first("ACTION"))))) {
            job.abort("the job was deleted");
            jobs.remove(job.id);
            Http.seeOther(ex, base + "/async");
            return;
        }
        if (method.equals("POST")) {
            if (p.first("ACTION") != null) {
                Http.text(ex, 400, "ACTION=" + p.first("ACTION") + " is not supported (only ACTION=DELETE)\n");
                return;
            }
            String phase = p.first("PHASE");
            Map<String, List<String>> rest = new java.util.LinkedHashMap<>(p.asMap());
            rest.remove("PHASE");
            if (!rest.isEmpty() && !setParameters(job, rest)) {
                Http.text(ex, 400, "parameters can only be changed while the job is PENDING (it is " + job.phase + ")\n");
                return;
            }
            if (phase != null && !changePhase(ex, job, phase)) {
                return;
            }
            Http.seeOther(ex, job.url());
            return;
        }
        if (!method.equals("GET") && !method.equals("HEAD")) {
            Http.methodNotAllowed(ex, "GET, POST, DELETE");
            return;
        }
        String wait = p.first("WAIT");
        if (wait != null) {
            long seconds;
            try {
                seconds = Long.parseLong(wait.strip());
            } catch (NumberFormatException e) {
                Http.text(ex, 400, "WAIT must be an integer number of seconds, got '" + wait + "'\n");
                return;
            }
            if (seconds < 0 || seconds > MAX_WAIT_SECONDS) {
                seconds = MAX_WAIT_SECONDS;
            }
            String phase = strip(p.first("PHASE"));
            waitForChange(job, seconds, phase == null ? null : phase.toUpperCase(Locale.ROOT));
        }
        Http.xml(ex, 200, jobXml(job));
    }

    /** UWS blocking: while the job stays in the active phase it had (and, with PHASE=p, is in p). */
    private static void waitForChange(Job job, long seconds, String phase) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        synchronized (job) {
            Phase initial = job.phase;
            if (!initial.active() || (phase != null && !phase.equals(initial.name()))) {
                return;
            }
            try {
                long left;
                while (job.phase == initial && (left = deadline - System.nanoTime()) > 0) {
                    TimeUnit.NANOSECONDS.timedWait(job, left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static String strip(String s) {
        return s == null ? null : s.strip();
    }

    /** Applies PHASE=RUN or ABORT; on a bad value answers 400 and returns false. */
    private boolean changePhase(HttpExchange ex, Job job, String value) throws IOException {
        switch (value.strip().toUpperCase(Locale.ROOT)) {
            case "RUN" -> job.run();
            case "ABORT" -> job.abort("the job was aborted");
            default -> {
                Http.text(ex, 400, "PHASE must be RUN or ABORT, got '" + value + "'\n");
                return false;
            }
        }
        return true;
    }

    private void phase(HttpExchange ex, String method, Http.Params p, Job job) throws IOException {
        if (method.equals("GET") || method.equals("HEAD")) {
            Phase phase;
            synchronized (job) {
                phase = job.phase;
            }
            Http.text(ex, 200, phase.name());
        } else if (method.equals("POST")) {
            String value = p.first("PHASE");
            if (value == null) {
                Http.text(ex, 400, "PHASE parameter is missing (RUN or ABORT)\n");
                return;
            }
            if (changePhase(ex, job, value)) {
                Http.seeOther(ex, job.url());
            }
        } else {
            Http.methodNotAllowed(ex, "GET, POST");
        }
    }

    private void executionDuration(HttpExchange ex, String method, Http.Params p, Job job) throws IOException {
        if (method.equals("POST")) {
            String v = p.first("EXECUTIONDURATION");
            long seconds;
            try {
                seconds = Long.parseLong(strip(v));
            } catch (NumberFormatException | NullPointerException e) {
                Http.text(ex, 400, "EXECUTIONDURATION must be a whole number of seconds, got '" + v + "'\n");
                return;
            }
            if (seconds < 0) {
                Http.text(ex, 400, "EXECUTIONDURATION must not be negative\n");
                return;
            }
            synchronized (job) {
                if (job.phase != Phase.PENDING) {
                    Http.text(ex, 400, "executionDuration can only be changed while the job is PENDING\n");
                    return;
                }
                // 0 means unlimited in UWS; this service caps every job.
                job.executionDuration = seconds == 0 ? MAX_EXECUTION_DURATION : Math.min(seconds, MAX_EXECUTION_DURATION);
            }
            Http.seeOther(ex, job.url());
        } else {
            Http.text(ex, 200, Long.toString(job.executionDuration));
        }
    }

    private void destruction(HttpExchange ex, String method, Http.Params p, Job job) throws IOException {
        if (method.equals("POST")) {
            String v = p.first("DESTRUCTION");
            Instant t;
            try {
                t = parseInstant(v);
            } catch (DateTimeParseException | NullPointerException e) {
                Http.text(ex, 400, "DESTRUCTION must be an ISO 8601 time, got '" + v + "'\n");
                return;
            }
            if (t.isBefore(Instant.now())) {
                Http.text(ex, 400, "DESTRUCTION " + v + " is in the past\n");
                return;
            }
            synchronized (job) {
                Instant latest = job.creation.plus(MAX_RETENTION);
                job.destruction = (t.isAfter(latest) ? latest : t).truncatedTo(ChronoUnit.MILLIS);
            }
            Http.seeOther(ex, job.url());
        } else {
            Http.text(ex, 200, job.destruction.toString());
        }
    }

    private void updateParameters(HttpExchange ex, Http.Params p, Job job) throws IOException {
        if (!setParameters(job, p.asMap())) {
            Http.text(ex, 400, "parameters can only be changed while the job is PENDING (it is " + job.phase + ")\n");
            return;
        }
        Http.seeOther(ex, job.url());
    }

    private static boolean setParameters(Job job, Map<String, List<String>> params) {
        synchronized (job) {
            if (job.phase != Phase.PENDING) {
                return false;
            }
            for (Map.Entry<String, List<String>> e : params.entrySet()) {
                if (e.getKey().equals("RUNID")) {
                    job.runId = e.getValue().get(0);
                } else {
                    job.params.put(e.getKey(), new ArrayList<>(e.getValue()));
                }
            }
            return true;
        }
    }

    /** ISO 8601 with or without zone (UTC assumed). */
    static Instant parseInstant(String s) {
        String t = s.strip();
        try {
            return Instant.parse(t);
        } catch (DateTimeParseException e) {
            return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
        }
    }

    // ------------------------------------------------------------------------------------------------ UWS XML

    private static String xmlHead() {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    }

    private static String namespaces() {
        return "xmlns:uws=\"" + UWS_NS + "\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" "
                + "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"";
    }

    /** The UWS 1.1 job document (elements in the schema's order). */
    String jobXml(Job job) {
        synchronized (job) {
            StringBuilder sb = new StringBuilder(xmlHead());
            sb.append("<uws:job ").append(namespaces()).append(" version=\"1.1\">\n");
            sb.append("  <uws:jobId>").append(VoTables.esc(job.id)).append("</uws:jobId>\n");
            if (job.runId != null) {
                sb.append("  <uws:runId>").append(VoTables.esc(job.runId)).append("</uws:runId>\n");
            }
            sb.append("  <uws:ownerId xsi:nil=\"true\"/>\n");
            sb.append("  <uws:phase>").append(job.phase).append("</uws:phase>\n");
            sb.append("  <uws:quote xsi:nil=\"true\"/>\n");
            sb.append("  <uws:creationTime>").append(job.creation).append("</uws:creationTime>\n");
            sb.append(time("startTime", job.start));
            sb.append(time("endTime", job.end));
            sb.append("  <uws:executionDuration>").append(job.executionDuration).append("</uws:executionDuration>\n");
            sb.append("  <uws:destruction>").append(job.destruction).append("</uws:destruction>\n");
            sb.append(parametersXml(job, "  "));
            sb.append(resultsXml(job, "  "));
            if (job.error != null && (job.phase == Phase.ERROR || job.phase == Phase.ABORTED)) {
                sb.append("  <uws:errorSummary type=\"").append(job.phase == Phase.ERROR ? "fatal" : "transient")
                        .append("\" hasDetail=\"true\">\n");
                sb.append("    <uws:message>").append(VoTables.esc(job.error)).append("</uws:message>\n");
                sb.append("  </uws:errorSummary>\n");
            }
            sb.append("</uws:job>\n");
            return sb.toString();
        }
    }

    private static String time(String name, Instant t) {
        return t == null ? "  <uws:" + name + " xsi:nil=\"true\"/>\n" : "  <uws:" + name + ">" + t + "</uws:" + name + ">\n";
    }

    private static String parametersXml(Job job, String indent) {
        synchronized (job) {
            StringBuilder sb = new StringBuilder(indent + "<uws:parameters>\n");
            for (Map.Entry<String, List<String>> e : job.params.entrySet()) {
                for (String v : e.getValue()) {
                    sb.append(indent).append("  <uws:parameter id=\"").append(VoTables.esc(e.getKey())).append("\">")
                            .append(VoTables.esc(v)).append("</uws:parameter>\n");
                }
            }
            return sb.append(indent).append("</uws:parameters>\n").toString();
        }
    }

    private static String resultsXml(Job job, String indent) {
        synchronized (job) {
            if (job.result == null) {
                return indent + "<uws:results></uws:results>\n";
            }
            return indent + "<uws:results>\n" + indent + "  <uws:result id=\"result\" xlink:type=\"simple\" xlink:href=\""
                    + VoTables.esc(job.url() + "/results/result") + "\" mime-type=\"" + VoTables.esc(job.resultType)
                    + "\" size=\"" + job.result.length + "\"/>\n" + indent + "</uws:results>\n";
        }
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
        sb.append("    <retentionPeriod>\n      <default>").append(RETENTION.toSeconds()).append("</default>\n      <hard>")
                .append(MAX_RETENTION.toSeconds()).append("</hard>\n    </retentionPeriod>\n");
        sb.append("    <executionDuration>\n      <default>").append(DEFAULT_EXECUTION_DURATION)
                .append("</default>\n      <hard>").append(MAX_EXECUTION_DURATION).append("</hard>\n    </executionDuration>\n");
        sb.append("    <outputLimit>\n      <default unit=\"row\">").append(DEFAULT_MAXREC)
                .append("</default>\n      <hard unit=\"row\">").append(MAX_MAXREC).append("</hard>\n    </outputLimit>\n");
        sb.append("  </capability>\n");
        return sb.append(Vosi.capabilitiesEnd()).toString();
    }
}
