package org.astroruntime.registry.ingest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** What each ingest run and harvest added, changed, deleted and rejected (with reasons). */
@Path("/ingest/reports")
@Produces(MediaType.APPLICATION_JSON)
public class IngestReportsResource {

    @Inject
    IngestReports reports;

    @GET
    @Operation(summary = "Reports of the recent ingest runs and harvests, oldest first")
    public List<IngestReport> reports() {
        return reports.all();
    }
}
