package org.astroruntime.vospace.data;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.QueryParam;
import org.astroruntime.common.auth.Caller;
import org.astroruntime.vospace.presign.PresignedUrls;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Locale;
import org.astroruntime.common.event.VoSpaceEvent;
import org.astroruntime.common.id.NodePath;
import org.astroruntime.common.id.VosUri;
import org.astroruntime.vospace.events.VoSpaceEventPublisher;
import org.astroruntime.vospace.store.FileSystemStore;
import org.astroruntime.vospace.store.StoredData;
import org.astroruntime.vospace.store.UploadFailedException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The direct data URL of a node: {@code /data/{user}/{path}}. Bytes stream both ways; an upload becomes visible
 * only once complete. Only the owner may write or delete; reading needs the owner's token or a pre-signed URL.
 * Any request into another user's home is refused the same way whether the node exists or not.
 */
@Path("/data/{user}/{path: .+}")
public class DataResource {

    @Inject
    Caller caller;

    @Inject
    SecurityIdentity identity;

    @Inject
    PresignedUrls presigned;

    @Inject
    FileSystemStore store;

    @Inject
    VoSpaceEventPublisher events;

    @ConfigProperty(name = "vospace.authority")
    String authority;

    @ConfigProperty(name = "vospace.public-url")
    String publicUrl;

    @PUT
    @Authenticated
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Upload a data node's bytes (parent containers are created)")
    public Response upload(@PathParam("user") String user, @PathParam("path") String path, InputStream body)
            throws IOException {
        VosUri node = ownNode(user, path);
        StoredData stored;
        try {
            stored = store.write(node, body);
        } catch (UploadFailedException e) {
            throw new BadRequestException(e.getMessage(), e);
        }
        events.publish(node, stored.created() ? VoSpaceEvent.Action.CREATED : VoSpaceEvent.Action.CHANGED,
                stored.length(), stored.modified());
        String url = dataUrl(node);
        StoredNode answer = new StoredNode(node.toString(), url, url + "?" + presigned.grant(node), stored.length(), stored.md5());
        return Response.status(stored.created() ? Response.Status.CREATED : Response.Status.OK)
                .location(URI.create(answer.url())).entity(answer).build();
    }

    @GET
    @Operation(summary = "Download a data node's bytes")
    public Response download(@PathParam("user") String user, @PathParam("path") String path,
                             @QueryParam("expires") String expires, @QueryParam("signature") String signature) {
        VosUri node = node(user, path);
        if (expires != null || signature != null) {
            if (!presigned.isValid(node, expires, signature)) {
                throw new ForbiddenException("PermissionDenied: the signed URL is invalid or has expired");
            }
        } else if (identity.isAnonymous()) {
            throw new NotAuthorizedException("a token or a signed URL is required", "Bearer");
        } else {
            checkOwner(node);
        }
        java.nio.file.Path file = store.read(node)
                .orElseThrow(() -> new NotFoundException("no data node " + node));
        return Response.ok(file.toFile(), mediaType(node.path().name())).build();
    }

    @DELETE
    @Authenticated
    @Operation(summary = "Delete a data node")
    public Response delete(@PathParam("user") String user, @PathParam("path") String path) throws IOException {
        VosUri node = ownNode(user, path);
        if (!store.delete(node)) {
            throw new NotFoundException("no data node " + node);
        }
        events.publish(node, VoSpaceEvent.Action.DELETED, 0, java.time.Instant.now());
        return Response.noContent().build();
    }

    private VosUri node(String user, String path) {
        VosUri node = new VosUri(authority, VosUri.checkUser(user), NodePath.parse(path));
        if (node.path().isRoot()) {
            throw new BadRequestException("a data URL must name a node below the user's home");
        }
        return node;
    }

    private VosUri ownNode(String user, String path) {
        VosUri node = node(user, path);
        checkOwner(node);
        return node;
    }

    private void checkOwner(VosUri node) {
        if (!node.user().equals(caller.user())) {
            throw new ForbiddenException("PermissionDenied: " + caller.user() + " may not use " + node);
        }
    }

    private String dataUrl(VosUri node) {
        return publicUrl.replaceAll("/+$", "") + "/data/" + node.encodedUserPath();
    }

    /** Until nodes carry a stored content type (VOSpace 2.1 properties), the name's extension decides. */
    static String mediaType(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".vot") || lower.endsWith(".votable") || lower.endsWith(".xml")) {
            return "application/x-votable+xml";
        }
        if (lower.endsWith(".fits") || lower.endsWith(".fit")) {
            return "application/fits";
        }
        if (lower.endsWith(".csv")) {
            return "text/csv";
        }
        if (lower.endsWith(".txt")) {
            return "text/plain";
        }
        return MediaType.APPLICATION_OCTET_STREAM;
    }
}
