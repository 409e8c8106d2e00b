package org.astroruntime.common.auth;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.astroruntime.common.event.KafkaEvents;
import org.astroruntime.common.event.TokenRevoked;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * The tokens that their owners have logged out, in this service, until they would have expired anyway.
 *
 * <p>vospace-svc issues and revokes tokens and announces each revocation on {@code vo.auth.revocations}; every
 * service reads that topic from its beginning at start (with a consumer group of its own, so every instance sees
 * every revocation) and {@link RevokedTokenFilter} refuses what is listed here. A logout therefore reaches the other
 * services within the Kafka delivery delay, typically well under a second.
 */
@ApplicationScoped
public class RevokedTokens {

    private final Map<String, Instant> revoked = new ConcurrentHashMap<>();
    private final KafkaEvents events = new KafkaEvents();
    private final Clock clock;

    public RevokedTokens() {
        this(Clock.systemUTC());
    }

    RevokedTokens(Clock clock) {
        this.clock = clock;
    }

    /** Records a revocation; entries past their expiry are dropped on the way. */
    public void revoke(String tokenId, Instant expires) {
        Instant now = clock.instant();
        revoked.values().removeIf(e -> e.isBefore(now));
        if (expires.isAfter(now)) {
            revoked.put(tokenId, expires);
        }
    }

    /** Whether the token with this {@code jti} was revoked; false for a null id. */
    public boolean isRevoked(String tokenId) {
        return tokenId != null && revoked.containsKey(tokenId);
    }

    /** Revocations announced by vospace-svc (its own included). */
    @Incoming("token-revocations")
    public java.util.concurrent.CompletionStage<Void> onRevocation(Message<String> message) {
        return events.consume(message, TokenRevoked.class, event -> revoke(event.tokenId(), event.expires()));
    }
}
