package org.astroruntime.registry.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.astroruntime.common.event.KafkaEvents;
import org.astroruntime.common.event.RegistryEvent;
import org.astroruntime.registry.index.Change;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/** Publishes every committed change of the resource set on {@code vo.registry.events}, keyed by identifier. */
@ApplicationScoped
public class RegistryEventPublisher {

    private final KafkaEvents events = new KafkaEvents();

    // A full harvest commits tens of thousands of changes at once, faster than Kafka takes them.
    @Inject
    @Channel("registry-events")
    @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
    Emitter<String> emitter;

    public void publish(List<Change> changes) {
        Instant now = Instant.now();
        for (Change c : changes) {
            RegistryEvent.Action action = c.deleted() ? RegistryEvent.Action.DELETED : RegistryEvent.Action.UPSERTED;
            emitter.send(events.message(c.ivoid(),
                    new RegistryEvent(RegistryEvent.SCHEMA_VERSION, c.ivoid(), action, c.title(), now)));
        }
    }
}
