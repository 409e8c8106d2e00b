package org.astroruntime.query.job;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.astroruntime.common.event.JobEvent;
import org.astroruntime.common.event.KafkaEvents;
import org.astroruntime.common.event.ResultEvent;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/** Publishes query jobs' phase changes on {@code vo.job.events} and their results on {@code vo.results}. */
@ApplicationScoped
public class JobNotifications {

    private final KafkaEvents events = new KafkaEvents();

    @Inject
    @Channel("job-events")
    Emitter<String> jobEvents;

    @Inject
    @Channel("results")
    Emitter<String> results;

    /** Publishes the job's current phase. */
    public void phaseChanged(QueryJob job) {
        QueryJobView v = job.view();
        jobEvents.send(events.message(job.id(),
                JobEvent.now(job.id(), job.owner(), "query", v.phase(), v.message(), v.errorSummary())));
    }

    /** Publishes a completed job's result, keyed by owner. */
    public void resultReady(QueryJob job, JobResult result, String name) {
        String forwardTo = job.spec() == null ? null : job.spec().forwardTo();
        results.send(events.message(job.owner(), new ResultEvent(ResultEvent.SCHEMA_VERSION, job.id(), job.owner(),
                result.uri(), result.readUrl(), name, result.mediaType(), result.rows(), result.size(), result.overflow(),
                forwardTo)));
    }
}
