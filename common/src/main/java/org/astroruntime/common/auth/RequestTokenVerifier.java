package org.astroruntime.common.auth;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Verifies the token carried inside a Kafka request. Anyone who can write to a request topic can claim any owner,
 * so services trust the owner only when a token signed by the suite's issuer names the same user (the choice
 * for the embedded default; in production the topic's ACL may stand in for it, see docs/ARCHITECTURE.md).
 */
@ApplicationScoped
public class RequestTokenVerifier {

    @Inject
    JWTParser parser;

    @Inject
    RevokedTokens revoked;

    /**
     * Checks {@code token} and that it names {@code claimedOwner}.
     *
     * @return the verified token
     * @throws UnverifiedRequestException saying what is wrong
     */
    public JsonWebToken verify(String token, String claimedOwner) throws UnverifiedRequestException {
        if (token == null || token.isBlank()) {
            throw new UnverifiedRequestException("the request carries no token, so its owner cannot be verified", null);
        }
        JsonWebToken jwt;
        try {
            jwt = parser.parse(token);
        } catch (ParseException e) {
            throw new UnverifiedRequestException("the request's token is invalid or expired", e);
        }
        if (revoked.isRevoked(jwt.getTokenID())) {
            throw new UnverifiedRequestException("the request's token was revoked by logout", null);
        }
        if (!claimedOwner.equals(jwt.getName())) {
            throw new UnverifiedRequestException("the request's owner '" + claimedOwner + "' is not the token's user", null);
        }
        return jwt;
    }
}
