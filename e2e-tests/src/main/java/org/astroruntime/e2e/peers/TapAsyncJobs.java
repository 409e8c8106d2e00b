package org.astroruntime.e2e.peers;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
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
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.astroruntime.e2e.peers.TapJob.Phase;

/**
 * The asynchronous side of the TAP peer: the UWS 1.1 job list at {@code /tap/async} and its jobs, the worker
 * threads that run them, and the timer that enforces executionDuration and destruction. {@link TapService}
 * routes {@code /tap/async...} here and keeps query checking and running, so sync and async answer alike.
 */
final class TapAsyncJobs implements AutoCloseable {

    /**
     * Runs a checked request with the multipart parts its inline uploads name, and renders its result document
     * (the same code path as {@code /tap/sync}).
     */
    @FunctionalInterface
    interface Query {
        byte[] run(TapService.Request r, Map<String, MultipartForm.Part> parts) throws InterruptedException, IOException;
    }

    private final Query query;
    private final String asyncBase;
    private final Map<String, TapJob> jobs = new ConcurrentHashMap<>();
    private final ExecutorService workers = Executors.newFixedThreadPool(TapService.WORKERS, daemon("tap-worker"));
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(daemon("tap-timer"));

    /** @param tapBase public URL of {@code /tap}; job URLs are {@code tapBase/async/id} */
    TapAsyncJobs(String tapBase, Query query) {
        this.query = query;
        this.asyncBase = tapBase + "/async";
        timer.scheduleWithFixedDelay(this::destroyExpired, 10, 10, TimeUnit.SECONDS);
    }

    /** Jobs currently kept (not yet deleted or destroyed). */
    int size() {
        return jobs.size();
    }

    /** Stops the worker and timer threads; running jobs are interrupted. */
    @Override
    public void close() {
        workers.shutdownNow();
        timer.shutdownNow();
    }

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /** Queues a PENDING job (RUN); other phases are left alone. */
    private void run(TapJob job) {
        synchronized (job) {
            if (job.phase != Phase.PENDING) {
                return;
            }
            job.setPhase(Phase.QUEUED);
            job.future = workers.submit(() -> execute(job));
        }
    }

    private void execute(TapJob job) {
        Map<String, List<String>> params;
        Map<String, MultipartForm.Part> parts;
        long duration;
        synchronized (job) {
            if (job.phase != Phase.QUEUED) {
                return;
            }
            job.setPhase(Phase.EXECUTING);
            params = new java.util.LinkedHashMap<>(job.params);
            parts = Map.copyOf(job.parts);
            duration = job.executionDuration;
            if (duration > 0) {
                job.limit = timer.schedule(() -> job.abort("the job ran longer than its executionDuration of "
                        + duration + " s"), duration, TimeUnit.SECONDS);
            }
        }
        try {
            TapService.Request r = TapService.request(params);
            byte[] body = query.run(r, parts);
            synchronized (job) {
                if (job.phase == Phase.EXECUTING) {
                    job.result = body;
                    job.resultType = TapService.type(r);
                    job.setPhase(Phase.COMPLETED);
                }
            }
        } catch (InterruptedException e) {
            job.abort("the job was aborted");
        } catch (IllegalArgumentException | AdqlException e) {
            job.fail(e.getMessage());
        } catch (IOException | RuntimeException e) {
            job.fail("internal error: " + e);
        } finally {
            synchronized (job) {
                if (job.limit != null) {
                    job.limit.cancel(false);
                }
            }
        }
    }

    private void destroyExpired() {
        Instant now = Instant.now();
        for (TapJob job : new ArrayList<>(jobs.values())) {
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
     * creates one (303 to it; {@code PHASE=RUN} starts it). A job answers GET (the job document;
     * {@code WAIT=n} blocks up to n s, at most {@value TapService#MAX_WAIT_SECONDS}, while the phase stays the same
     * active phase, and {@code PHASE=p} makes it return at once unless the job is in p), DELETE and POST
     * {@code ACTION=DELETE} (303 to the list), and POST of parameters while PENDING. Child resources:
     * {@code phase} (POST PHASE=RUN|ABORT; RUN is ignored once started, ABORT once ended),
     * {@code executionduration}, {@code destruction} (POST while PENDING / any time, clamped), {@code quote},
     * {@code owner}, {@code error}, {@code parameters}, {@code results}, {@code results/result}.
     */
    void handle(HttpExchange ex, String path) throws IOException {
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
        TapJob job = jobs.get(parts[0]);
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
                    Http.xml(ex, 200, UwsDocuments.parameters(job));
                }
            }
            case "results" -> Http.xml(ex, 200, UwsDocuments.results(job));
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
        TapJob job = new TapJob(UUID.randomUUID().toString().replace("-", "").substring(0, 16), asyncBase);
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
        job.parts.putAll(p.parts());
        jobs.put(job.id, job);
        if (run) {
            run(job);
        }
        Http.seeOther(ex, job.url());
    }

    private void list(HttpExchange ex, Http.Params p) throws IOException {
        List<TapJob> list = new ArrayList<>(jobs.values());
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
        list.sort(Comparator.comparing((TapJob j) -> j.creation).thenComparing(j -> j.id));
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
        Http.xml(ex, 200, UwsDocuments.jobList(list));
    }

    private void job(HttpExchange ex, String method, Http.Params p, TapJob job) throws IOException {
        if (method.equals("DELETE") || (method.equals("POST") && "DELETE".equalsIgnoreCase(strip(p.first("ACTION"))))) {
            job.abort("the job was deleted");
            jobs.remove(job.id);
            Http.seeOther(ex, asyncBase);
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
            if ((!rest.isEmpty() || !p.parts().isEmpty()) && !job.setParameters(rest, p.parts())) {
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
            if (seconds < 0 || seconds > TapService.MAX_WAIT_SECONDS) {
                seconds = TapService.MAX_WAIT_SECONDS;
            }
            String phase = strip(p.first("PHASE"));
            job.waitForChange(seconds, phase == null ? null : phase.toUpperCase(Locale.ROOT));
        }
        Http.xml(ex, 200, UwsDocuments.job(job));
    }

    /** Applies PHASE=RUN or ABORT; on a bad value answers 400 and returns false. */
    private boolean changePhase(HttpExchange ex, TapJob job, String value) throws IOException {
        switch (value.strip().toUpperCase(Locale.ROOT)) {
            case "RUN" -> run(job);
            case "ABORT" -> job.abort("the job was aborted");
            default -> {
                Http.text(ex, 400, "PHASE must be RUN or ABORT, got '" + value + "'\n");
                return false;
            }
        }
        return true;
    }

    private void phase(HttpExchange ex, String method, Http.Params p, TapJob job) throws IOException {
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

    private void executionDuration(HttpExchange ex, String method, Http.Params p, TapJob job) throws IOException {
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
                job.executionDuration = seconds == 0 ? TapService.MAX_EXECUTION_DURATION : Math.min(seconds, TapService.MAX_EXECUTION_DURATION);
            }
            Http.seeOther(ex, job.url());
        } else {
            Http.text(ex, 200, Long.toString(job.executionDuration));
        }
    }

    private void destruction(HttpExchange ex, String method, Http.Params p, TapJob job) throws IOException {
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
                Instant latest = job.creation.plus(TapService.MAX_RETENTION);
                job.destruction = (t.isAfter(latest) ? latest : t).truncatedTo(ChronoUnit.MILLIS);
            }
            Http.seeOther(ex, job.url());
        } else {
            Http.text(ex, 200, job.destruction.toString());
        }
    }

    private void updateParameters(HttpExchange ex, Http.Params p, TapJob job) throws IOException {
        if (!job.setParameters(p.asMap(), p.parts())) {
            Http.text(ex, 400, "parameters can only be changed while the job is PENDING (it is " + job.phase + ")\n");
            return;
        }
        Http.seeOther(ex, job.url());
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

    private static String strip(String s) {
        return s == null ? null : s.strip();
    }
}
