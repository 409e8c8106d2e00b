package org.astroruntime.vospace.login;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Set;
import org.astroruntime.common.auth.Auth;
import org.astroruntime.common.error.ErrorBody;
import org.astroruntime.common.error.InvalidParameterException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Account administration: an administrator creates users. */
@Path("/admin/accounts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Auth.ROLE_ADMIN)
public class AccountsResource {

    @Inject
    Accounts accounts;

    @ConfigProperty(name = "vospace.community")
    String defaultCommunity;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create an account (administrators only)")
    public Response create(NewAccount request) {
        if (request == null || request.username() == null) {
            throw new InvalidParameterException("username", "username is required");
        }
        String community = request.community() == null ? defaultCommunity : request.community();
        Set<String> roles = request.admin() ? Set.of(Auth.ROLE_USER, Auth.ROLE_ADMIN) : Set.of(Auth.ROLE_USER);
        try {
            return Response.status(Response.Status.CREATED)
                    .entity(accounts.create(request.username(), community, request.password(), roles)).build();
        } catch (DuplicateAccountException e) {
            return Response.status(Response.Status.CONFLICT).entity(ErrorBody.of("DuplicateAccount", e.getMessage())).build();
        }
    }
}
