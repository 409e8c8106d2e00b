package org.astroruntime.vospace.login;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import org.astroruntime.common.error.ErrorBody;
import org.astroruntime.common.error.InvalidParameterException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The community login: a user name, password and community give a signed, expiring token (the ACR's
 * {@code astrogrid.community.login}); logout revokes it; the public key for verifying tokens is public.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class LoginResource {

    @Inject
    Accounts accounts;

    @Inject
    TokenIssuer issuer;

    @Inject
    Logout logout;

    @Inject
    SigningKeys keys;

    @Inject
    JsonWebToken token;

    @ConfigProperty(name = "vospace.community")
    String defaultCommunity;

    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Log in with username, password and community (default: this service's); answers a token")
    public Response login(@FormParam("username") String username, @FormParam("password") String password,
                          @FormParam("community") String community) {
        if (username == null || username.isBlank()) {
            throw new InvalidParameterException("username", "username is required");
        }
        if (password == null || password.isEmpty()) {
            throw new InvalidParameterException("password", "password is required");
        }
        String c = community == null || community.isBlank() ? defaultCommunity : community;
        return accounts.authenticate(username, password, c)
                .map(a -> Response.ok(issuer.issue(a)).build())
                .orElseGet(() -> Response.status(Response.Status.UNAUTHORIZED)
                        .entity(ErrorBody.of("InvalidCredentials", "unknown user, wrong password or wrong community")).build());
    }

    @POST
    @Path("logout")
    @Authenticated
    @Operation(summary = "Revoke the token this request carries, in every service of the suite")
    public Response logout() {
        logout.revoke(token.getTokenID(), token.getName(), Instant.ofEpochSecond(token.getExpirationTime()));
        return Response.noContent().build();
    }

    @GET
    @Path("auth/jwks")
    @Operation(summary = "The public key that verifies login tokens, as a JSON Web Key Set")
    public String jwks() {
        return keys.jwks();
    }
}
