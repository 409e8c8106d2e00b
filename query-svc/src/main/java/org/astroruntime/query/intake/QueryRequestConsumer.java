package org.astroruntime.query.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;
import org.astroruntime.common.auth.RequestTokenVerifier;
import org.astroruntime.common.auth.UnverifiedRequestException;
import org.astroruntime.common.error.InvalidParameterException;
import org.astroruntime.common.event.KafkaEvents;
import org.astroruntime.common.event.QueryRequest;
import org.astroruntime.common.id.NodeReference;
import org.astroruntime.query.job.QueryJobs;
import org.astroruntime.query.job.QuerySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Takes query requests from {@code vo.query.requests}. A message that is not a query request goes to dead letter;
 * a request whose token does not verify or names someone else, or that has bad parameters, becomes an ERROR job
 * that says why; a resent request (same job id) is not run twice.
 */
@ApplicationScoped
public class QueryRequestConsumer {

    private final KafkaEvents events = new KafkaEvents();

    @Inject
    QueryJobs jobs;

    @Inject
    RequestTokenVerifier verifier;

    @ConfigProperty(name = "query.vospace-authority")
    String vospaceAuthority;

    @Incoming("query-requests")
    public CompletionStage<Void> consume(Message<String> message) {
        return events.consume(message, QueryRequest.class, this::accept);
    }

    private void accept(QueryRequest request) {
        if (!QuerySpec.JOB_ID.matcher(request.jobId()).matches()) {
            // Without a usable id there is no job to report on: the message itself is at fault.
            throw new IllegalArgumentException("jobId '" + request.jobId() + "' must be 1-64 letters, digits, '.', '_' or '-'");
        }
        try {
            verifier.verify(request.token(), request.owner());
        } catch (UnverifiedRequestException e) {
            jobs.refuse(request.jobId(), request.owner(), request.protocol(), request.target(), request.parameters(),
                    e.getMessage());
            return;
        }
        QuerySpec spec;
        try {
            spec = QuerySpec.from(request, new NodeReference(vospaceAuthority));
        } catch (InvalidParameterException e) {
            jobs.refuse(request.jobId(), request.owner(), request.protocol(), request.target(), request.parameters(),
                    "invalid parameter " + e.parameter() + ": " + e.getMessage());
            return;
        }
        QueryJobs.Created created = jobs.create(spec);
        if (created.isNew()) {
            jobs.run(created.job());
        }
    }
}
