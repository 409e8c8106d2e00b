package org.astroruntime.registry.ingest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** What each ingest run added, changed and rejected (with reasons). */
@Path("/ingest/reports")
@Produces(MediaType.APPLICATION_JSON)
public class IngestReportsResource {

    @Inject
    DirectoryIngest directoryIngest;

    @GET
    @Operation(summary = "Reports of the ingest runs since start, oldest first")
    public List<IngestReport> reports() {
        return directoryIngest.reports();
    }
}
