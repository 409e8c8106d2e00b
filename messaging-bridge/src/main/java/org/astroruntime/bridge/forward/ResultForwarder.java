package org.astroruntime.bridge.forward;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.astroruntime.bridge.samp.SampHubConnection;
import org.astroruntime.common.event.KafkaEvents;
import org.astroruntime.common.event.ResultEvent;
import org.astrogrid.samp.Message;
import org.astrogrid.samp.Response;
import org.astrogrid.samp.client.SampException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Relays completed results from {@code vo.results} to the SAMP tools on the desktop: a VOTable goes out as
 * {@code table.load.votable} with the result's URL (the tool fetches the bytes itself), a FITS file as
 * {@code image.load.fits}. A {@code forwardTo} hint picks the tools whose SAMP name contains it.
 *
 * <p>A result that cannot be delivered (no hub, no tool listening, a tool that fails) is never lost: it stays in
 * VOSpace, and the attempt is recorded with the reason.
 */
@ApplicationScoped
public class ResultForwarder {

    private static final Logger LOG = Logger.getLogger(ResultForwarder.class);
    private static final int HISTORY = 500;

    private final KafkaEvents events = new KafkaEvents();
    private final Deque<Forward> history = new ArrayDeque<>();

    @Inject
    SampHubConnection samp;

    @ConfigProperty(name = "bridge.owner")
    Optional<String> owner;

    @ConfigProperty(name = "bridge.samp.call-timeout-seconds")
    int callTimeoutSeconds;

    @Incoming("results")
    @Blocking
    public CompletionStage<Void> onResult(org.eclipse.microprofile.reactive.messaging.Message<String> message) {
        return events.consume(message, ResultEvent.class, this::forward);
    }

    /** Forwards one result to every matching tool; records each attempt. */
    public void forward(ResultEvent result) {
        if (owner.isPresent() && !owner.get().equals(result.owner())) {
            return; // another user's result: this bridge serves one desktop
        }
        String mtype = mtypeFor(result.mediaType());
        if (mtype == null) {
            record(result, null, null, "not-sent", "no SAMP message type for " + result.mediaType());
            return;
        }
        List<SampHubConnection.Recipient> recipients;
        try {
            recipients = samp.subscribers(mtype);
        } catch (SampException e) {
            record(result, mtype, null, "not-sent", e.getMessage());
            return;
        }
        if (result.forwardTo() != null && !result.forwardTo().isBlank()) {
            String hint = result.forwardTo().toLowerCase(Locale.ROOT);
            recipients = recipients.stream().filter(r -> r.name().toLowerCase(Locale.ROOT).contains(hint)).toList();
        }
        if (recipients.isEmpty()) {
            record(result, mtype, null, "not-sent", "no SAMP client subscribed to " + mtype
                    + (result.forwardTo() == null ? "" : " with a name matching '" + result.forwardTo() + "'"));
            return;
        }
        Message msg = new Message(mtype, Map.of("url", result.url(), "name", result.name() == null ? result.jobId() : result.name(),
                mtype.startsWith("table.") ? "table-id" : "image-id", result.jobId()));
        for (SampHubConnection.Recipient r : recipients) {
            try {
                Response response = samp.call(r.clientId(), msg, callTimeoutSeconds);
                String detail = response.isOK() ? String.valueOf(response.getResult())
                        : String.valueOf(response.getErrInfo());
                record(result, mtype, r.name(), response.getStatus(), detail);
            } catch (SampException e) {
                record(result, mtype, r.name(), "samp.error", e.getMessage());
            }
        }
    }

    /** The most recent attempts, newest first, optionally only one owner's. */
    public synchronized List<Forward> recent(String ownerFilter) {
        return history.stream().filter(f -> ownerFilter == null || ownerFilter.equals(f.owner())).toList();
    }

    private synchronized void record(ResultEvent result, String mtype, String recipient, String status, String detail) {
        Forward f = new Forward(result.jobId(), result.owner(), mtype, result.url(), recipient, status, detail, Instant.now());
        LOG.infof("result of job %s -> %s: %s %s", result.jobId(), recipient == null ? "(nobody)" : recipient, status, detail);
        history.addFirst(f);
        while (history.size() > HISTORY) {
            history.removeLast();
        }
    }

    static String mtypeFor(String mediaType) {
        String m = mediaType.toLowerCase(Locale.ROOT);
        if (m.contains("votable") || m.equals("text/xml") || m.equals("application/xml")) {
            return "table.load.votable";
        }
        if (m.contains("fits")) {
            return "image.load.fits";
        }
        return null;
    }
}
