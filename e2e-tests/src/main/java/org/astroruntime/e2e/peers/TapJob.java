package org.astroruntime.e2e.peers;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One asynchronous TAP job's state (UWS 1.1). Its fields change under its own lock; waiters are notified on
 * phase changes. Kept apart from {@link TapAsyncJobs} so the state and its phase rules read on their own; the
 * threads that run and time jobs belong to {@link TapAsyncJobs}.
 */
final class TapJob {

    /** Job phases of UWS 1.1 that this service uses. */
    enum Phase {
        PENDING, QUEUED, EXECUTING, COMPLETED, ERROR, ABORTED;

        boolean active() {
            return this == PENDING || this == QUEUED || this == EXECUTING;
        }
    }

    final String id;
    final Instant creation = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    final Map<String, List<String>> params = new LinkedHashMap<>();
    /** The multipart parts sent with the job's parameters: the VOTables its {@code UPLOAD=t,param:name} name. */
    final Map<String, MultipartForm.Part> parts = new LinkedHashMap<>();
    /** The job's URL, fixed at creation (the service base does not change). */
    private final String url;
    String runId;
    Phase phase = Phase.PENDING;
    Instant start;
    Instant end;
    Instant destruction = creation.plus(TapService.RETENTION);
    long executionDuration = TapService.DEFAULT_EXECUTION_DURATION;
    byte[] result;
    String resultType;
    String error;
    Future<?> future;
    ScheduledFuture<?> limit;

    TapJob(String id, String asyncBase) {
        this.id = id;
        this.url = asyncBase + "/" + id;
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

    /** Ends an EXECUTING job in ERROR; a job aborted meanwhile keeps its phase. */
    void fail(String message) {
        synchronized (this) {
            if (phase == Phase.EXECUTING) {
                error = message;
                setPhase(Phase.ERROR);
            }
        }
    }

    /**
     * Sets parameters (RUNID sets the runId) and adds multipart parts (later ones replace same-named earlier
     * ones) while PENDING.
     *
     * @return false, changing nothing, once the job has left PENDING
     */
    boolean setParameters(Map<String, List<String>> values, Map<String, MultipartForm.Part> newParts) {
        synchronized (this) {
            if (phase != Phase.PENDING) {
                return false;
            }
            parts.putAll(newParts);
            for (Map.Entry<String, List<String>> e : values.entrySet()) {
                if (e.getKey().equals("RUNID")) {
                    runId = e.getValue().get(0);
                } else {
                    params.put(e.getKey(), new ArrayList<>(e.getValue()));
                }
            }
            return true;
        }
    }

    /** UWS blocking: while the job stays in the active phase it had (and, with PHASE=p, is in p). */
    void waitForChange(long seconds, String wanted) {
        // The deadline is taken before the lock, so time spent waiting for it counts against WAIT.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        synchronized (this) {
            Phase initial = phase;
            if (!initial.active() || (wanted != null && !wanted.equals(initial.name()))) {
                return;
            }
            try {
                long left;
                while (phase == initial && (left = deadline - System.nanoTime()) > 0) {
                    TimeUnit.NANOSECONDS.timedWait(this, left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    String url() {
        return url;
    }
}
