package org.astroruntime.vospace.login;

import java.time.Instant;

/**
 * The answer to a successful login.
 *
 * @param token     the signed token, sent back as {@code Authorization: Bearer <token>}
 * @param tokenType always {@code Bearer}
 * @param expiresAt when the token stops being accepted
 * @param user      the user name
 * @param community the community logged in to
 * @param home      the user's VOSpace home, {@code vos://.../user}
 */
public record IssuedToken(String token, String tokenType, Instant expiresAt, String user, String community, String home) {
}
