package org.astroruntime.vospace.transfer;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.astroruntime.vospace.nodes.Fault;
import org.astroruntime.vospace.nodes.NodeAccess;
import org.astroruntime.vospace.nodes.VoSpaceFault;
import org.astroruntime.vospace.xml.NodeDocumentReader;
import org.astroruntime.vospace.xml.TransferDocument;
import org.astroruntime.vospace.xml.VoSpaceDocumentException;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * VOSpace 2.1 transfers. {@code POST /synctrans} answers the negotiated transfer document at once (push and pull:
 * a signed endpoint for the bytes). {@code POST /transfers} runs the transfer as a job and answers 303 to it; its
 * {@code results/transferDetails} hold the negotiated document. Moves and copies (direction = a {@code vos://} URI)
 * go either way.
 */
@Path("/")
@Authenticated
public class TransfersResource {

    @Inject
    Transfers transfers;

    @Inject
    NodeAccess access;

    @Context
    UriInfo uriInfo;

    private final NodeDocumentReader reader = new NodeDocumentReader();
    // Jobs are kept for the life of the process: transfers here finish before the answer, so only the record remains.
    private final Map<String, TransferJob> jobs = new ConcurrentHashMap<>();

    @POST
    @Path("synctrans")
    @Consumes({MediaType.TEXT_XML, MediaType.APPLICATION_XML})
    @Produces(MediaType.TEXT_XML)
    @Operation(summary = "Negotiate a push or pull (or run a move or copy) and answer the transfer document")
    public byte[] synchronous(InputStream body) throws IOException {
        return Transfers.xml(transfers.run(read(body), access));
    }

    @POST
    @Path("transfers")
    @Consumes({MediaType.TEXT_XML, MediaType.APPLICATION_XML})
    @Operation(summary = "Run a transfer as a job; answers 303 to the job")
    public Response asynchronous(InputStream body) throws IOException {
        TransferDocument request = read(body);
        String id = UUID.randomUUID().toString();
        TransferJob job;
        try {
            TransferDocument done = transfers.run(request, access);
            job = new TransferJob(id, access.caller(), "COMPLETED", request.direction(), request.target(), null,
                    new String(Transfers.xml(done), StandardCharsets.UTF_8), Instant.now());
        } catch (VoSpaceFault e) {
            job = new TransferJob(id, access.caller(), "ERROR", request.direction(), request.target(),
                    e.fault().label() + ": " + e.getMessage(), null, Instant.now());
        }
        jobs.put(id, job);
        return Response.seeOther(uriInfo.getBaseUriBuilder().path("transfers").path(id).build()).build();
    }

    @GET
    @Path("transfers/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public TransferJob job(@PathParam("id") String id) {
        return find(id);
    }

    @GET
    @Path("transfers/{id}/phase")
    @Produces(MediaType.TEXT_PLAIN)
    public String phase(@PathParam("id") String id) {
        return find(id).phase();
    }

    @GET
    @Path("transfers/{id}/error")
    @Produces(MediaType.TEXT_PLAIN)
    public String error(@PathParam("id") String id) {
        TransferJob job = find(id);
        if (job.errorSummary() == null) {
            throw new VoSpaceFault(Fault.NODE_NOT_FOUND, "transfer " + id + " has no error");
        }
        return job.errorSummary();
    }

    @GET
    @Path("transfers/{id}/results/transferDetails")
    @Produces(MediaType.TEXT_XML)
    public String details(@PathParam("id") String id) {
        TransferJob job = find(id);
        if (job.details() == null) {
            throw new VoSpaceFault(Fault.NODE_NOT_FOUND, "transfer " + id + " has no details");
        }
        return job.details();
    }

    /** Another user's transfer is answered like a missing one. */
    private TransferJob find(String id) {
        TransferJob job = jobs.get(id);
        if (job == null || !job.owner().equals(access.caller())) {
            throw new VoSpaceFault(Fault.NODE_NOT_FOUND, "no transfer " + id);
        }
        return job;
    }

    private TransferDocument read(InputStream body) throws IOException {
        try {
            return reader.readTransfer(body);
        } catch (VoSpaceDocumentException e) {
            throw new VoSpaceFault(Fault.INVALID_ARGUMENT, e.getMessage());
        }
    }
}
