package org.astroruntime.vospace.login;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import org.astroruntime.common.auth.RevokedTokens;
import org.astroruntime.common.event.KafkaEvents;
import org.astroruntime.common.event.TokenRevoked;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/**
 * Ends a token before its expiry everywhere: in this service's database (durable), in this service's memory
 * (refused from the next request on), and on {@code vo.auth.revocations} for the other services.
 */
@ApplicationScoped
public class Logout {

    private final KafkaEvents events = new KafkaEvents();

    @Inject
    RevocationTable table;

    @Inject
    RevokedTokens revoked;

    @Inject
    @Channel("token-revocations-out")
    Emitter<String> announcements;

    void reload(@Observes StartupEvent start) {
        table.unexpired().forEach(revoked::revoke);
    }

    public void revoke(String tokenId, String subject, Instant expires) {
        table.revoke(tokenId, expires);
        revoked.revoke(tokenId, expires);
        announcements.send(events.message(tokenId, new TokenRevoked(TokenRevoked.SCHEMA_VERSION, tokenId, subject, expires)));
    }
}
