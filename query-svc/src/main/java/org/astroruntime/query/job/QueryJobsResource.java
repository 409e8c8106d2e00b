package org.astroruntime.query.job;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.ForbiddenException;
import org.astroruntime.common.auth.Caller;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.astroruntime.common.error.InvalidParameterException;
import org.astroruntime.common.event.Phase;
import org.astroruntime.common.event.QueryRequest;
import org.astroruntime.common.id.IvoId;
import org.astroruntime.common.id.NodeReference;
import org.astroruntime.query.registry.RegistryClient;
import org.astroruntime.query.registry.UnknownServiceException;
import org.astroruntime.query.remote.RemoteQueryException;
import org.astroruntime.common.rest.ContentNegotiation;
import org.astroruntime.common.uws.UwsXml;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Query jobs as UWS 1.1 resources ({@code /queries}): job and job-list documents in UWS XML, as UWS clients
 * (pyvo, TOPCAT) expect, or in JSON for clients that ask for {@code application/json} first. Creation takes form
 * parameters as UWS clients send them; {@code PHASE=RUN} starts the job at once.
 */
@Path("/queries")
@Produces({MediaType.APPLICATION_XML, MediaType.APPLICATION_JSON})
@Authenticated
public class QueryJobsResource {

    /** Form fields that describe the job rather than the protocol. */
    private static final Set<String> CONTROL = Set.of("PHASE", "SERVICE", "PROTOCOL", "OWNER", "SAVEAS", "FORWARDTO");
    /** Longest blocking wait honoured; pyvo's default read timeout is 10 s, so WAIT=-1 means 8 s. */
    private static final int MAX_WAIT_SECONDS = 60;
    private static final int DEFAULT_WAIT_SECONDS = 8;

    @Inject
    QueryJobs jobs;

    @Inject
    Caller caller;

    @Inject
    RegistryClient registry;

    @ConfigProperty(name = "query.vospace-authority")
    String vospaceAuthority;

    /** A job's run-time limit as UWS reports it: the deadline of the remote answer. */
    @ConfigProperty(name = "query.remote.timeout")
    Duration executionDuration;

    @Context
    UriInfo uriInfo;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Create a query job (UWS); PHASE=RUN starts it. Answers 303 to the job.")
    public Response create(MultivaluedMap<String, String> form) {
        Map<String, String> fields = new HashMap<>();
        Map<String, String> parameters = new HashMap<>();
        form.forEach((name, values) -> {
            String value = values.isEmpty() ? "" : values.get(values.size() - 1);
            String upper = name.toUpperCase(Locale.ROOT);
            if (CONTROL.contains(upper)) {
                fields.put(upper, value);
            } else {
                parameters.put(upper, value);
            }
        });
        String owner = caller.user();
        if (fields.containsKey("OWNER") && !fields.get("OWNER").equals(owner)) {
            throw new ForbiddenException("jobs are owned by the token's user (" + owner + "), not " + fields.get("OWNER"));
        }
        String service = require(fields, "SERVICE", "service");
        String phase = fields.getOrDefault("PHASE", "");
        if (!phase.isEmpty() && !phase.equalsIgnoreCase("RUN")) {
            throw new InvalidParameterException("PHASE", "PHASE at creation may only be RUN, got '" + phase + "'");
        }
        String jobId = UUID.randomUUID().toString().substring(0, 18);
        QueryRequest request = new QueryRequest(QueryRequest.SCHEMA_VERSION, jobId, owner,
                fields.getOrDefault("PROTOCOL", "cone"), service, parameters, fields.get("SAVEAS"), fields.get("FORWARDTO"),
                caller.rawToken());
        QuerySpec spec = QuerySpec.from(request, new NodeReference(vospaceAuthority));
        checkServiceKnown(spec);
        QueryJob job = jobs.create(spec).job();
        if (phase.equalsIgnoreCase("RUN")) {
            jobs.run(job);
        }
        return Response.seeOther(jobUri(job)).build();
    }

    /**
     * An unknown {@code ivo://} id, or a service without the protocol's capability, is a bad request: said now with
     * 400, not later by a failed job. A registry that cannot be reached is not the caller's fault; the job then
     * reports it.
     */
    private void checkServiceKnown(QuerySpec spec) {
        if (!spec.targets().isSingle() || !IvoId.isIvoId(spec.target())) {
            return;
        }
        try {
            registry.accessUrl(IvoId.parse(spec.target()), spec.query().protocol().standardId());
        } catch (UnknownServiceException e) {
            throw new InvalidParameterException("service", e.getMessage());
        } catch (RemoteQueryException registryTrouble) {
            // left to the job
        }
    }

    @GET
    @Operation(summary = "List the caller's query jobs, newest first (UWS filters PHASE, AFTER, LAST)")
    public Response list(@QueryParam("PHASE") List<String> phases, @QueryParam("AFTER") String after,
                         @QueryParam("LAST") Integer last, @Context HttpHeaders headers) {
        Instant afterTime = parseAfter(after);
        if (last != null && last < 1) {
            throw new InvalidParameterException("LAST", "LAST must be 1 or more, got " + last);
        }
        List<QueryJobView> views = jobs.list(caller.user()).stream().map(QueryJob::view)
                .filter(v -> phases == null || phases.isEmpty() || phases.contains(v.phase().name()))
                .filter(v -> afterTime == null || v.creationTime().isAfter(afterTime))
                .limit(last == null ? Long.MAX_VALUE : last)
                .toList();
        if (wantsJson(headers)) {
            return Response.ok(views, MediaType.APPLICATION_JSON_TYPE).build();
        }
        String base = uriInfo.getBaseUriBuilder().path("queries").build().toString();
        return Response.ok(UwsXml.jobs(views.stream().map(v -> v.toUws(executionDuration.toSeconds(), jobs.destruction(v))).toList(), base),
                MediaType.APPLICATION_XML_TYPE).build();
    }

    private static Instant parseAfter(String after) {
        if (after == null || after.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(after.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidParameterException("AFTER", "AFTER must be an ISO-8601 UTC time such as "
                    + "2026-01-01T00:00:00Z, got '" + after + "'");
        }
    }

    private static boolean wantsJson(HttpHeaders headers) {
        return ContentNegotiation.choose(headers.getAcceptableMediaTypes(), MediaType.APPLICATION_XML_TYPE,
                MediaType.APPLICATION_JSON_TYPE).equals(MediaType.APPLICATION_JSON_TYPE);
    }

    private Response job(QueryJobView view, HttpHeaders headers) {
        return wantsJson(headers) ? Response.ok(view, MediaType.APPLICATION_JSON_TYPE).build()
                : Response.ok(UwsXml.job(view.toUws(executionDuration.toSeconds(), jobs.destruction(view))), MediaType.APPLICATION_XML_TYPE).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A job; WAIT=n blocks up to n seconds while the job stays in its active phase")
    public Response get(@PathParam("id") String id, @QueryParam("WAIT") Integer wait,
                        @QueryParam("PHASE") String phase, @Context HttpHeaders headers) throws InterruptedException {
        QueryJob job = find(id);
        if (wait != null) {
            Phase seen = job.phase();
            if (phase == null || phase.equalsIgnoreCase(seen.name())) {
                int seconds = wait < 0 ? DEFAULT_WAIT_SECONDS : Math.min(wait, MAX_WAIT_SECONDS);
                job.awaitChange(seen, Duration.ofSeconds(seconds));
            }
        }
        return job(job.view(), headers);
    }

    @GET
    @Path("/{id}/phase")
    @Produces(MediaType.TEXT_PLAIN)
    public String phase(@PathParam("id") String id) {
        return find(id).phase().name();
    }

    @POST
    @Path("/{id}/phase")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "PHASE=RUN starts a pending job; PHASE=ABORT aborts it")
    public Response changePhase(@PathParam("id") String id, @FormParam("PHASE") String phase) {
        QueryJob job = find(id);
        if ("RUN".equalsIgnoreCase(phase)) {
            jobs.run(job);
        } else if ("ABORT".equalsIgnoreCase(phase)) {
            jobs.abort(job);
        } else {
            throw new InvalidParameterException("PHASE", "PHASE must be RUN or ABORT, got '" + phase + "'");
        }
        return Response.seeOther(jobUri(job)).build();
    }

    @GET
    @Path("/{id}/results")
    public Response results(@PathParam("id") String id, @Context HttpHeaders headers) {
        QueryJobView view = find(id).view();
        if (wantsJson(headers)) {
            return Response.ok(view.results(), MediaType.APPLICATION_JSON_TYPE).build();
        }
        return Response.ok(UwsXml.results(view.toUws(0, null).results()), MediaType.APPLICATION_XML_TYPE).build();
    }

    @GET
    @Path("/{id}/results/{result}")
    @Operation(summary = "A result: redirects to its pre-signed URL")
    public Response result(@PathParam("id") String id, @PathParam("result") String name) {
        JobResult result = find(id).view().results().stream().filter(r -> r.id().equals(name)).findFirst()
                .orElseThrow(() -> new NotFoundException("job " + id + " has no result " + name));
        return Response.seeOther(URI.create(result.readUrl())).build();
    }

    @GET
    @Path("/{id}/parameters")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, String> parameters(@PathParam("id") String id) {
        return find(id).view().toUws(0, null).parameters();
    }

    @GET
    @Path("/{id}/executionduration")
    @Produces(MediaType.TEXT_PLAIN)
    public String executionDuration(@PathParam("id") String id) {
        find(id);
        return Long.toString(executionDuration.toSeconds());
    }

    @GET
    @Path("/{id}/destruction")
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "When the job is destroyed (query.jobs.retention after creation); its stored results stay")
    public String destruction(@PathParam("id") String id) {
        return jobs.destruction(find(id).view()).toString();
    }

    @GET
    @Path("/{id}/quote")
    @Produces(MediaType.TEXT_PLAIN)
    public String quote(@PathParam("id") String id) {
        find(id);
        return "";
    }

    @GET
    @Path("/{id}/owner")
    @Produces(MediaType.TEXT_PLAIN)
    public String owner(@PathParam("id") String id) {
        return find(id).owner();
    }

    @GET
    @Path("/{id}/error")
    @Produces(MediaType.TEXT_PLAIN)
    public String error(@PathParam("id") String id) {
        String summary = find(id).view().errorSummary();
        if (summary == null) {
            throw new NotFoundException("job " + id + " has no error");
        }
        return summary;
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Abort if running, then delete the job; answers 303 to the job list (UWS 1.1)")
    public Response delete(@PathParam("id") String id) {
        jobs.delete(find(id));
        return Response.seeOther(uriInfo.getBaseUriBuilder().path("queries").build()).build();
    }

    /** UWS's form of delete for clients that only POST (pyvo sends {@code ACTION=DELETE}). */
    @POST
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "ACTION=DELETE deletes the job, as DELETE does (UWS 1.1)")
    public Response action(@PathParam("id") String id, @FormParam("ACTION") String action) {
        if (!"DELETE".equalsIgnoreCase(action)) {
            throw new InvalidParameterException("ACTION", "ACTION must be DELETE, got '" + action + "'");
        }
        return delete(id);
    }

    /** Another user's job is answered exactly like a missing one, so that ids reveal nothing. */
    private QueryJob find(String id) {
        return jobs.find(id).filter(j -> j.owner().equals(caller.user()))
                .orElseThrow(() -> new NotFoundException("no query job " + id));
    }

    private URI jobUri(QueryJob job) {
        return uriInfo.getBaseUriBuilder().path("queries").path(job.id()).build();
    }

    private static String require(Map<String, String> fields, String key, String name) {
        String v = fields.get(key);
        if (v == null || v.isBlank()) {
            throw new InvalidParameterException(name, name + " is required");
        }
        return v;
    }
}
