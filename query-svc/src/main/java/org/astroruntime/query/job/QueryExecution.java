package org.astroruntime.query.job;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.astroruntime.query.fanout.FanOutExecution;
import org.astroruntime.query.remote.RemoteQueryException;
import org.jboss.logging.Logger;

/**
 * Runs one query job: a single service ({@link ServiceQuery}), or several at once ({@link FanOutExecution}).
 * Any failure ends the job in ERROR with a reason and leaves nothing stored.
 */
@ApplicationScoped
public class QueryExecution {

    private static final Logger LOG = Logger.getLogger(QueryExecution.class);

    @Inject
    ServiceQuery serviceQuery;

    @Inject
    FanOutExecution fanOut;

    @Inject
    JobNotifications notifications;

    void execute(QueryJob job) {
        if (!job.start()) {
            return;
        }
        notifications.phaseChanged(job);
        QuerySpec spec = job.spec();
        try {
            if (spec.targets().isSingle()) {
                ServiceQuery.Answer answer = serviceQuery.run(spec, spec.target(), spec.destination(), "result", job.id());
                if (job.complete(answer.all(), answer.note())) {
                    notifications.phaseChanged(job);
                    notifications.resultReady(job, answer.result(), spec.destination().path().name());
                }
            } else {
                FanOutExecution.Outcome outcome = fanOut.run(job);
                if (job.complete(outcome.results(), outcome.note())) {
                    notifications.phaseChanged(job);
                    notifications.resultReady(job, outcome.results().get(0), outcome.summaryName());
                }
            }
        } catch (RemoteQueryException e) {
            fail(job, e.getMessage());
        } catch (RuntimeException e) {
            LOG.errorf(e, "query job %s failed unexpectedly", job.id());
            fail(job, "internal error in query-svc: " + e);
        }
    }

    private void fail(QueryJob job, String reason) {
        if (job.fail(reason)) {
            LOG.infof("query job %s ended in ERROR: %s", job.id(), reason);
            notifications.phaseChanged(job);
        }
    }
}
