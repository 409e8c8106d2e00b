package org.astroruntime.bridge.forward;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** What the bridge sent to which desktop tool, and what the tool answered. */
@Path("/forwards")
@Produces(MediaType.APPLICATION_JSON)
public class ForwardsResource {

    @Inject
    ResultForwarder forwarder;

    @GET
    @Operation(summary = "Recent forwarding attempts, newest first")
    public List<Forward> recent(@QueryParam("owner") String owner) {
        return forwarder.recent(owner);
    }
}
