package org.astroruntime.jobs.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;
import org.astroruntime.common.auth.RequestTokenVerifier;
import org.astroruntime.common.auth.UnverifiedRequestException;
import org.astroruntime.common.event.JobEvent;
import org.astroruntime.common.event.JobRequest;
import org.astroruntime.common.event.KafkaEvents;
import org.astroruntime.common.event.Phase;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Takes application run requests from {@code vo.job.requests}. Malformed messages go to dead letter; a request
 * whose token does not verify, or for an application this service does not have, ends at once as an ERROR job,
 * so that the client is told rather than left waiting. (The application catalogue arrives with the applications issue; until then it is empty.)
 */
@ApplicationScoped
public class JobRequestConsumer {

    private static final Logger LOG = Logger.getLogger(JobRequestConsumer.class);

    private final KafkaEvents events = new KafkaEvents();

    @Inject
    @Channel("job-events")
    Emitter<String> jobEvents;

    @Inject
    RequestTokenVerifier verifier;

    @Incoming("job-requests")
    public CompletionStage<Void> consume(Message<String> message) {
        return events.consume(message, JobRequest.class, this::accept);
    }

    private void accept(JobRequest request) {
        String reason;
        try {
            verifier.verify(request.token(), request.owner());
            reason = "no application " + request.application() + " is installed in job-svc";
        } catch (UnverifiedRequestException e) {
            reason = e.getMessage();
        }
        LOG.infof("job %s refused: %s", request.jobId(), reason);
        jobEvents.send(events.message(request.jobId(),
                JobEvent.now(request.jobId(), request.owner(), "application", Phase.ERROR, null, reason)));
    }
}
