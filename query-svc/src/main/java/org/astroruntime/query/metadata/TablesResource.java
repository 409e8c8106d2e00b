package org.astroruntime.query.metadata;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.astroruntime.common.error.ErrorBody;
import org.astroruntime.common.error.InvalidParameterException;
import org.astroruntime.common.id.IvoId;
import org.astroruntime.query.registry.UnknownServiceException;
import org.astroruntime.query.remote.RemoteQueryException;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code GET /tables?service=...[&table=...]}: the tables and columns a TAP service offers, as JSON. A service
 * that cannot be reached or answers badly gives 502 with the reason; a bad request gives 400.
 */
@Path("/tables")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class TablesResource {

    @Inject
    TableMetadataClient client;

    @GET
    @Operation(summary = "Table and column metadata of a TAP service (its VOSI /tables), by ivo:// id or TAP base URL")
    public Response tables(@QueryParam("service") String service, @QueryParam("table") String table) {
        if (service == null || service.isBlank()) {
            throw new InvalidParameterException("service", "service is required: an ivo:// id or a TAP base URL");
        }
        String target = service.strip();
        if (!IvoId.isIvoId(target) && !isHttpUrl(target)) {
            throw new InvalidParameterException("service", "service must be an ivo:// id or an http(s) URL, got " + target);
        }
        if (table != null && (table.isBlank() || table.length() > 256)) {
            throw new InvalidParameterException("table", "table must be a table name of at most 256 characters");
        }
        try {
            List<TableMetadata> tables = client.tables(target, table == null ? null : table.strip());
            return Response.ok(tables).build();
        } catch (UnknownServiceException e) {
            throw new InvalidParameterException("service", e.getMessage());
        } catch (RemoteQueryException e) {
            return Response.status(Response.Status.BAD_GATEWAY)
                    .entity(ErrorBody.of("RemoteServiceFailed", e.getMessage())).build();
        }
    }

    private static boolean isHttpUrl(String text) {
        try {
            URI uri = URI.create(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
