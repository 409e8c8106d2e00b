package org.astroruntime.bridge.forward;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import org.astroruntime.common.auth.Caller;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** What the bridge sent to which desktop tool, and what the tool answered: each user sees their own results only. */
@Path("/forwards")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class ForwardsResource {

    @Inject
    ResultForwarder forwarder;

    @Inject
    Caller caller;

    @GET
    @Operation(summary = "The caller's recent forwarding attempts, newest first")
    public List<Forward> recent() {
        return forwarder.recent(caller.user());
    }
}
