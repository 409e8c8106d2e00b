package org.astroruntime.vospace.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import org.astroruntime.common.event.KafkaEvents;
import org.astroruntime.common.event.VoSpaceEvent;
import org.astroruntime.common.id.VosUri;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/** Publishes every node creation, change and deletion on {@code vo.vospace.events}, keyed by owner. */
@ApplicationScoped
public class VoSpaceEventPublisher {

    private final KafkaEvents events = new KafkaEvents();

    @Inject
    @Channel("vospace-events")
    Emitter<String> emitter;

    public void publish(VosUri node, VoSpaceEvent.Action action, long length, Instant time) {
        emitter.send(events.message(node.user(),
                new VoSpaceEvent(VoSpaceEvent.SCHEMA_VERSION, node.user(), node.toString(), action, length, time)));
    }
}
