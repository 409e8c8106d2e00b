package org.astroruntime.registry.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import org.astroruntime.common.event.KafkaEvents;
import org.astroruntime.common.event.RegistryEvent;
import org.astroruntime.registry.resource.VoResource;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/** Publishes every change of the resource set on {@code vo.registry.events}, keyed by identifier. */
@ApplicationScoped
public class RegistryEventPublisher {

    private final KafkaEvents events = new KafkaEvents();

    @Inject
    @Channel("registry-events")
    Emitter<String> emitter;

    public void upserted(VoResource resource) {
        emitter.send(events.message(resource.ivoid(), new RegistryEvent(RegistryEvent.SCHEMA_VERSION,
                resource.ivoid(), RegistryEvent.Action.UPSERTED, resource.title(), Instant.now())));
    }

    public void deleted(String ivoid) {
        emitter.send(events.message(ivoid, new RegistryEvent(RegistryEvent.SCHEMA_VERSION, ivoid,
                RegistryEvent.Action.DELETED, null, Instant.now())));
    }
}
