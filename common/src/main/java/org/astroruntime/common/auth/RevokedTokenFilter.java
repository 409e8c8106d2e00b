package org.astroruntime.common.auth;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.astroruntime.common.error.ErrorBody;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Refuses, in every service, a token that its owner has logged out although its signature and expiry are still
 * good: HTTP 401 with {@code InvalidToken}.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class RevokedTokenFilter implements ContainerRequestFilter {

    @Inject
    JsonWebToken token;

    @Inject
    RevokedTokens revoked;

    @Override
    public void filter(ContainerRequestContext request) {
        if (token.getRawToken() != null && revoked.isRevoked(token.getTokenID())) {
            request.abortWith(Response.status(Response.Status.UNAUTHORIZED).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(ErrorBody.of("InvalidToken", "this token was revoked by logout")).build());
        }
    }
}
