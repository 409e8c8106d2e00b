package org.astroruntime.registry.resolve;

import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.astroruntime.common.error.InvalidParameterException;
import org.astroruntime.common.id.IvoId;
import org.astroruntime.registry.resource.VoResource;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Resolution of {@code ivo://} identifiers to resources with their capabilities and access URLs. */
@Path("/resources")
@Produces(MediaType.APPLICATION_JSON)
public class ResourcesResource {

    @Inject
    ResourceStore store;

    @GET
    @Operation(summary = "List resources, ordered by identifier")
    public List<VoResource> list(@QueryParam("offset") @DefaultValue("0") int offset,
                                 @QueryParam("limit") @DefaultValue("100") int limit) {
        if (offset < 0) {
            throw new InvalidParameterException("offset", "offset must be 0 or more, got " + offset);
        }
        if (limit < 1 || limit > 1000) {
            throw new InvalidParameterException("limit", "limit must be between 1 and 1000, got " + limit);
        }
        List<VoResource> all = store.all();
        return all.subList(Math.min(offset, all.size()), Math.min(offset + limit, all.size()));
    }

    /**
     * Resolves an identifier. It may be sent percent-encoded ({@code ivo%3A%2F%2Forg%2Fx}) or as is; proxies that
     * collapse {@code //} to {@code /} are tolerated.
     */
    @GET
    @Path("/{ivoid: .+}")
    @Operation(summary = "Resolve an ivo:// identifier to its resource, capabilities and access URLs")
    public VoResource resolve(@PathParam("ivoid") String raw) {
        String text = raw.matches("(?i)ivo:/[^/].*") ? "ivo://" + raw.substring(5) : raw;
        IvoId id = IvoId.parse(text);
        return store.find(id.resource().toString())
                .orElseThrow(() -> new NotFoundException("no resource " + id.resource() + " in this registry"));
    }
}
