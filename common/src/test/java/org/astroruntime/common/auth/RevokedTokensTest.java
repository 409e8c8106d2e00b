package org.astroruntime.common.auth;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RevokedTokensTest {

    /** A clock the test moves by hand. */
    private static final class ManualClock extends Clock {
        private Instant now = Instant.parse("2026-11-24T12:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void aRevokedTokenIsRefusedUntilItWouldHaveExpiredAndThenForgotten() {
        ManualClock clock = new ManualClock();
        RevokedTokens revoked = new RevokedTokens(clock);
        revoked.revoke("a", clock.now.plus(Duration.ofHours(1)));
        revoked.revoke("b", clock.now.plus(Duration.ofMinutes(5)));
        assertTrue(revoked.isRevoked("a"));
        assertTrue(revoked.isRevoked("b"));
        assertFalse(revoked.isRevoked("c"));
        assertFalse(revoked.isRevoked(null));

        clock.now = clock.now.plus(Duration.ofMinutes(10));
        revoked.revoke("c", clock.now.plus(Duration.ofHours(1))); // purges what has expired
        assertFalse(revoked.isRevoked("b"), "an expired token's entry is dropped (the token is refused for its age)");
        assertTrue(revoked.isRevoked("a"));
        assertTrue(revoked.isRevoked("c"));

        revoked.revoke("old", clock.now.minusSeconds(1)); // already expired when announced, e.g. read back at start
        assertFalse(revoked.isRevoked("old"));
    }
}
