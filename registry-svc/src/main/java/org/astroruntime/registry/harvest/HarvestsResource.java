package org.astroruntime.registry.harvest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.util.List;
import org.astroruntime.common.auth.Auth;
import org.astroruntime.common.error.InvalidParameterException;
import org.astroruntime.registry.ingest.IngestReport;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The harvested registries, and harvests on demand (administrators only: a harvest rewrites the registry). */
@Path("/harvests")
@Produces(MediaType.APPLICATION_JSON)
public class HarvestsResource {

    /**
     * A configured source.
     *
     * @param url       its OAI-PMH endpoint
     * @param nextFrom  the {@code from} datestamp of its next harvest; null before the first complete one
     */
    public record Source(String url, String nextFrom) {
    }

    @Inject
    HarvestSchedule schedule;

    @Inject
    Harvester harvester;

    @GET
    @Operation(summary = "The configured OAI-PMH sources and where the next incremental harvest of each starts")
    public List<Source> sources() {
        return schedule.sources().stream().map(s -> new Source(s.toString(), harvester.watermark(s))).toList();
    }

    @POST
    @RolesAllowed(Auth.ROLE_ADMIN)
    @Operation(summary = "Harvest now: every configured source, or the one named by 'source'; answers when done")
    public List<IngestReport> harvest(@QueryParam("source") String source) {
        if (source == null || source.isBlank()) {
            return schedule.harvestAll();
        }
        URI wanted = schedule.sources().stream().filter(s -> s.toString().equals(source.strip())).findFirst()
                .orElseThrow(() -> new InvalidParameterException("source", source
                        + " is not a configured source (registry.harvest.sources); configured: " + schedule.sources()));
        return List.of(harvester.harvest(wanted));
    }
}
