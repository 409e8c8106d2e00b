package org.astroruntime.common.event;

import java.time.Instant;

/**
 * A login token ended by logout before its expiry, as published on {@code vo.auth.revocations} (key = token id).
 * Every service keeps these until {@code expires}, after which the token is refused for its age anyway.
 *
 * @param schemaVersion body schema version, currently {@value #SCHEMA_VERSION}
 * @param tokenId       the token's {@code jti} claim
 * @param subject       the user the token was issued to
 * @param expires       the token's expiry
 */
public record TokenRevoked(int schemaVersion, String tokenId, String subject, Instant expires) implements EventBody {

    public static final int SCHEMA_VERSION = 1;

    public TokenRevoked {
        Require.version(schemaVersion, SCHEMA_VERSION);
        Require.text(tokenId, "tokenId");
        Require.text(subject, "subject");
        Require.present(expires, "expires");
    }
}
