package org.astroruntime.query.job;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import org.astroruntime.common.event.Phase;

/**
 * One query job and its UWS state. State changes are synchronised, and every change wakes the clients blocked in
 * {@link #awaitChange}.
 */
public final class QueryJob {

    private final String id;
    private final String owner;
    private final QuerySpec spec;
    private final Map<String, String> parameters;
    private final String protocol;
    private final String service;
    private final Instant creationTime = Instant.now();
    private Phase phase = Phase.PENDING;
    private Instant startTime;
    private Instant endTime;
    private List<JobResult> results = List.of();
    private String errorSummary;
    private String message;
    private Future<?> execution;

    /** A job for a validated request. */
    QueryJob(QuerySpec spec) {
        this.id = spec.jobId();
        this.owner = spec.owner();
        this.spec = spec;
        this.parameters = spec.parameters();
        this.protocol = spec.protocol();
        this.service = spec.target();
    }

    /** A job whose request was refused: it exists only to tell the client why, in phase ERROR. */
    QueryJob(String id, String owner, String protocol, String service, Map<String, String> parameters, String reason) {
        this.id = id;
        this.owner = owner;
        this.spec = null;
        this.parameters = parameters;
        this.protocol = protocol;
        this.service = service;
        this.phase = Phase.ERROR;
        this.endTime = creationTime;
        this.errorSummary = reason;
    }

    public String id() {
        return id;
    }

    public String owner() {
        return owner;
    }

    /** The validated request; null for a refused one. */
    public QuerySpec spec() {
        return spec;
    }

    public synchronized Phase phase() {
        return phase;
    }

    synchronized boolean queue(Future<?> execution) {
        if (phase != Phase.PENDING) {
            return false;
        }
        this.execution = execution;
        moveTo(Phase.QUEUED);
        return true;
    }

    /** Enters EXECUTING unless the job was aborted meanwhile. */
    public synchronized boolean start() {
        if (phase != Phase.QUEUED) {
            return false;
        }
        startTime = Instant.now();
        moveTo(Phase.EXECUTING);
        return true;
    }

    public synchronized boolean complete(JobResult result, String note) {
        return complete(List.of(result), note);
    }

    /** Completes the job with several results (a fan-out: a summary and one table per service). */
    public synchronized boolean complete(List<JobResult> all, String note) {
        if (phase != Phase.EXECUTING) {
            return false;
        }
        this.results = List.copyOf(all);
        this.message = note;
        end(Phase.COMPLETED);
        return true;
    }

    public synchronized boolean fail(String reason) {
        if (phase.isTerminal()) {
            return false;
        }
        this.errorSummary = reason;
        end(Phase.ERROR);
        return true;
    }

    synchronized boolean abort(String reason) {
        if (phase.isTerminal()) {
            return false;
        }
        this.errorSummary = reason;
        if (execution != null) {
            execution.cancel(true);
        }
        end(Phase.ABORTED);
        return true;
    }

    private void end(Phase terminal) {
        endTime = Instant.now();
        moveTo(terminal);
    }

    private void moveTo(Phase next) {
        phase = next;
        notifyAll();
    }

    /**
     * Blocks while the job is in {@code seen} and still active, for at most {@code wait} (UWS blocking GET).
     */
    public synchronized void awaitChange(Phase seen, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (phase == seen && !phase.isTerminal()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    public synchronized QueryJobView view() {
        return new QueryJobView(id, owner, phase, protocol, service,
                spec == null ? null : spec.destination().toString(), creationTime, startTime, endTime, parameters,
                results, errorSummary, message);
    }
}
