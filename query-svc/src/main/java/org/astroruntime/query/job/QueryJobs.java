package org.astroruntime.query.job;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The query jobs of this instance and the bounded pool that runs them. Creation is idempotent on the job id: a
 * request sent twice (Kafka delivers at least once) is one job.
 */
@ApplicationScoped
public class QueryJobs {

    private final ConcurrentMap<String, QueryJob> jobs = new ConcurrentHashMap<>();
    private final ExecutorService workers;
    private final Duration retention;
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "query-job-sweeper");
        t.setDaemon(true);
        return t;
    });

    @Inject
    QueryExecution execution;

    @Inject
    JobNotifications notifications;

    public QueryJobs(@ConfigProperty(name = "query.workers") int workers,
                     @ConfigProperty(name = "query.jobs.retention") Duration retention) {
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(workers, r -> new Thread(r, "query-worker-" + n.incrementAndGet()));
        this.retention = retention;
        long period = Math.max(1, Math.min(60, retention.toSeconds() / 10));
        sweeper.scheduleWithFixedDelay(this::destroyExpired, period, period, TimeUnit.SECONDS);
    }

    /** When UWS destroys {@code job}: its creation plus {@code query.jobs.retention}. Its stored results stay. */
    public Instant destruction(QueryJobView job) {
        return job.creationTime().plus(retention);
    }

    /** Forgets jobs past their destruction time (aborting any still running), so memory does not grow for ever. */
    void destroyExpired() {
        Instant now = Instant.now();
        for (QueryJob job : jobs.values()) {
            if (destruction(job.view()).isBefore(now)) {
                delete(job);
            }
        }
    }

    /**
     * Creates a PENDING job for a validated request, or returns the existing job with that id.
     *
     * @return the job, and whether this call created it
     */
    public Created create(QuerySpec spec) {
        QueryJob fresh = new QueryJob(spec);
        QueryJob existing = jobs.putIfAbsent(spec.jobId(), fresh);
        if (existing != null) {
            return new Created(existing, false);
        }
        notifications.phaseChanged(fresh);
        return new Created(fresh, true);
    }

    /** Records a refused request as an ERROR job so that the client can see why (unless the id is taken). */
    public QueryJob refuse(String jobId, String owner, String protocol, String target, Map<String, String> parameters,
                           String reason) {
        QueryJob refused = new QueryJob(jobId, owner, protocol, target, parameters, reason);
        QueryJob existing = jobs.putIfAbsent(jobId, refused);
        if (existing != null) {
            return existing;
        }
        notifications.phaseChanged(refused);
        return refused;
    }

    /** Queues a PENDING job for execution; does nothing in any other phase. */
    public void run(QueryJob job) {
        synchronized (job) {
            if (job.phase() != org.astroruntime.common.event.Phase.PENDING) {
                return;
            }
            Future<?> future = workers.submit(() -> execution.execute(job));
            if (job.queue(future)) {
                notifications.phaseChanged(job);
            }
        }
    }

    /** Aborts a job that has not ended; a running remote request is interrupted. */
    public void abort(QueryJob job) {
        if (job.abort("aborted at the owner's request")) {
            notifications.phaseChanged(job);
        }
    }

    /** Aborts the job if needed and forgets it. */
    public void delete(QueryJob job) {
        abort(job);
        jobs.remove(job.id(), job);
    }

    public Optional<QueryJob> find(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    /** The owner's jobs, newest first. */
    public List<QueryJob> list(String owner) {
        return jobs.values().stream().filter(j -> j.owner().equals(owner))
                .sorted(Comparator.comparing((QueryJob j) -> j.view().creationTime()).reversed())
                .toList();
    }

    @PreDestroy
    void stop() {
        sweeper.shutdownNow();
        workers.shutdownNow();
    }

    /** A job and whether the call created it. */
    public record Created(QueryJob job, boolean isNew) {
    }
}
