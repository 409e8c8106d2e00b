package org.astroruntime.registry.resolve;

import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.astroruntime.common.id.IvoId;
import org.astroruntime.registry.index.Paging;
import org.astroruntime.registry.index.ResourceIndex;
import org.astroruntime.registry.resource.VoResource;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Resolution of {@code ivo://} identifiers to resources with their capabilities and access URLs. */
@Path("/resources")
public class ResourcesResource {

    @Inject
    ResourceIndex index;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "List resources, ordered by identifier")
    public List<VoResource> list(@QueryParam("offset") @DefaultValue("0") int offset,
                                 @QueryParam("limit") @DefaultValue("100") int limit) {
        Paging page = Paging.of(offset, limit);
        return index.list(page.offset(), page.limit());
    }

    /**
     * Resolves an identifier to JSON, or to its original VOResource record when the client prefers XML
     * ({@code Accept: application/xml}). It may be sent percent-encoded ({@code ivo%3A%2F%2Forg%2Fx}) or as is;
     * proxies that collapse {@code //} to {@code /} are tolerated.
     */
    @GET
    @Path("/{ivoid: .+}")
    @Produces({MediaType.APPLICATION_JSON, MediaType.APPLICATION_XML, MediaType.TEXT_XML})
    @Operation(summary = "Resolve an ivo:// identifier to its resource, capabilities and access URLs "
            + "(JSON; the VOResource 1.1 record on Accept: application/xml)")
    public Response resolve(@PathParam("ivoid") String raw, @Context HttpHeaders headers) {
        IvoId id = parse(raw);
        String key = id.resource().toString();
        if (prefersXml(headers.getAcceptableMediaTypes())) {
            return Response.ok(index.xml(key).orElseThrow(() -> notFound(id)), MediaType.APPLICATION_XML_TYPE).build();
        }
        return Response.ok(index.find(key).orElseThrow(() -> notFound(id)), MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** JSON unless XML is named before JSON: a bare {@code *}{@code /*} gets JSON. */
    private static boolean prefersXml(List<MediaType> acceptable) {
        for (MediaType type : acceptable) {
            if (type.isWildcardType() || type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
            if (type.getSubtype().equals("xml")) {
                return true;
            }
        }
        return false;
    }

    private static IvoId parse(String raw) {
        String text = raw.matches("(?i)ivo:/[^/].*") ? "ivo://" + raw.substring(5) : raw;
        return IvoId.parse(text);
    }

    private static NotFoundException notFound(IvoId id) {
        return new NotFoundException("no resource " + id.resource() + " in this registry");
    }
}
