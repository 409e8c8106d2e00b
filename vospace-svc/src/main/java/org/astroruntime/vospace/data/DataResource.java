package org.astroruntime.vospace.data;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.astroruntime.common.event.VoSpaceEvent;
import org.astroruntime.common.id.NodePath;
import org.astroruntime.common.id.VosUri;
import org.astroruntime.vospace.events.VoSpaceEventPublisher;
import org.astroruntime.vospace.nodes.Fault;
import org.astroruntime.vospace.nodes.NodeAccess;
import org.astroruntime.vospace.nodes.NodeCatalog;
import org.astroruntime.vospace.nodes.NodeRecord;
import org.astroruntime.vospace.nodes.VoSpaceFault;
import org.astroruntime.vospace.presign.PresignedUrls;
import org.astroruntime.vospace.store.NodeStore;
import org.astroruntime.vospace.store.StoredData;
import org.astroruntime.vospace.store.UploadFailedException;
import org.astroruntime.vospace.store.UploadRefusedException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The direct data URL of a node: {@code /data/{user}/{path}}. Bytes stream both ways; an upload becomes visible
 * only once complete, and creates the node and any missing containers above it (as MySpace paths did). Only the
 * owner writes or deletes; reading needs the owner's token, a pre-signed URL, or a node marked public.
 */
@Path("/data/{user}/{path: .+}")
public class DataResource {

    @Inject
    NodeStore store;

    @Inject
    NodeCatalog catalog;

    @Inject
    NodeAccess access;

    @Inject
    SecurityIdentity identity;

    @Inject
    PresignedUrls presigned;

    @Inject
    VoSpaceEventPublisher events;

    @Inject
    UploadBlocks uploadBlocks;

    @ConfigProperty(name = "vospace.authority")
    String authority;

    @Inject
    DataUrls urls;

    @ConfigProperty(name = "vospace.quota.bytes-per-user")
    long quotaBytes;

    @PUT
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Upload a data node's bytes with the owner's token or a signed write URL (the node and missing "
            + "parent containers are created; Content-MD5 is checked when sent; the owner's quota applies)")
    public Uni<Response> upload(@PathParam("user") String user, @PathParam("path") String path,
                                @QueryParam("expires") String expires, @QueryParam("signature") String signature,
                                @HeaderParam("Content-Type") String contentType, @HeaderParam("Content-MD5") String contentMd5,
                                @HeaderParam("Content-Length") Long contentLength, @Context HttpServerRequest request) {
        // The body is not a parameter: it is streamed to disk (BodyToFile) once the checks, which need the database,
        // have passed on a worker thread.
        request.pause();
        VosUri node = node(user, path);
        if (expires != null || signature != null) {
            if (!presigned.isValid(node, PresignedUrls.Access.WRITE, expires, signature)) {
                throw new ForbiddenException("PermissionDenied: the signed URL is invalid, expired, or not for writing");
            }
        } else if (identity.isAnonymous()) {
            throw new NotAuthorizedException("a token or a signed URL is required", "Bearer");
        } else {
            access.checkOwner(node);
        }
        String expectedMd5 = md5Hex(contentMd5);
        java.nio.file.Path temp = store.newIncomingFile();
        io.vertx.core.Context requestContext = Vertx.currentContext(); // the request's event loop: its handlers are set there
        return Uni.createFrom().item(() -> room(node, contentLength))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .emitOn(task -> requestContext.runOnContext(v -> task.run()))
                .chain(room -> BodyToFile.receive(requestContext, Infrastructure.getDefaultWorkerPool(), uploadBlocks, request, temp, room,
                        node.toString()))
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(received -> commit(node, temp, received, expectedMd5, contentType))
                .onFailure().invoke(e -> store.discard(temp))
                .onFailure(UploadFailedException.class).transform(e -> new BadRequestException(e.getMessage(), e))
                .onFailure(UploadRefusedException.class).transform(e -> refused((UploadRefusedException) e));
    }

    private static VoSpaceFault refused(UploadRefusedException e) {
        return new VoSpaceFault(switch (e.reason()) {
            case CHECKSUM_MISMATCH -> Fault.INVALID_ARGUMENT;
            case QUOTA_EXCEEDED -> Fault.QUOTA_EXCEEDED;
            case CONTAINER_GONE -> Fault.CONTAINER_NOT_FOUND;
        }, e.getMessage());
    }

    /** Bytes the owner may still store at this node; refuses now when the announced size does not fit. */
    private long room(VosUri node, Long contentLength) {
        long existing = catalog.find(node.user(), node.path()).map(n -> {
            if (!n.type().isData()) {
                throw new VoSpaceFault(Fault.TYPE_NOT_SUPPORTED, node + " is a " + n.type().localName() + ", not a data node");
            }
            return n.length();
        }).orElse(0L);
        long room = quotaBytes - (catalog.usedBytes(node.user()) - existing);
        if (contentLength != null && contentLength > room) {
            // Refused before a byte is read.
            throw new VoSpaceFault(Fault.QUOTA_EXCEEDED, node.user() + " has " + Math.max(room, 0) + " bytes of quota left, the upload has "
                    + contentLength);
        }
        catalog.ensureContainers(node.user(), node.path().parent());
        try {
            store.createContainer(node.withPath(node.path().parent()));
        } catch (IOException e) {
            throw new VoSpaceFault(Fault.INTERNAL_FAULT, "cannot prepare the container of " + node + ": " + e.getMessage());
        }
        return room;
    }

    private Response commit(VosUri node, java.nio.file.Path temp, BodyToFile.Received received, String expectedMd5,
                            String contentType) {
        StoredData stored;
        try {
            stored = store.commit(node, temp, received.length(), received.md5Hex(), expectedMd5);
        } catch (UploadRefusedException e) {
            throw refused(e);
        } catch (IOException e) {
            throw new VoSpaceFault(Fault.INTERNAL_FAULT, e.getMessage());
        }
        boolean created;
        try {
            created = catalog.recordData(node.user(), node.path(), stored.length(), stored.md5(),
                    mediaType(contentType, node.path().name()), stored.modified());
        } catch (VoSpaceFault e) {
            try {
                store.delete(node); // the container went away meanwhile: no bytes without a node
            } catch (IOException ignored) {
                // nothing more can be done; the fault below tells the client
            }
            throw e;
        }
        events.publish(node, created ? VoSpaceEvent.Action.CREATED : VoSpaceEvent.Action.CHANGED,
                stored.length(), stored.modified());
        StoredNode answer = new StoredNode(node.toString(), urls.plain(node), urls.signed(node, PresignedUrls.Access.READ),
                stored.length(), stored.md5());
        return Response.status(created ? Response.Status.CREATED : Response.Status.OK)
                .location(URI.create(answer.url())).entity(answer).build();
    }

    @GET
    @Operation(summary = "Download a data node's bytes (token, pre-signed URL, or a public node)")
    public Response download(@PathParam("user") String user, @PathParam("path") String path,
                             @QueryParam("expires") String expires, @QueryParam("signature") String signature,
                             @HeaderParam("Range") String range) throws IOException {
        VosUri node = node(user, path);
        NodeRecord record;
        if (expires != null || signature != null) {
            // A read grant only; write grants are checked on PUT.
            if (!presigned.isValid(node, expires, signature)) {
                throw new ForbiddenException("PermissionDenied: the signed URL is invalid or has expired");
            }
            record = catalog.find(node.user(), node.path())
                    .orElseThrow(() -> new VoSpaceFault(Fault.NODE_NOT_FOUND, node.toString()));
        } else if (identity.isAnonymous()) {
            record = catalog.find(node.user(), node.path()).filter(NodeRecord::isPublic)
                    .orElseThrow(() -> new NotAuthorizedException("a token or a signed URL is required", "Bearer"));
        } else {
            record = access.readable(node);
        }
        if (!record.type().isData()) {
            throw new VoSpaceFault(Fault.TYPE_NOT_SUPPORTED, node + " is a " + record.type().localName() + " and holds no bytes");
        }
        String type = record.contentType() == null ? mediaType(null, node.path().name()) : record.contentType();
        java.util.Optional<java.nio.file.Path> file = store.read(node);
        if (file.isEmpty()) {
            return Response.ok(new byte[0], type).build(); // a data node created without bytes yet
        }
        return ByteRanges.respond(file.get(), type, range, record.md5());
    }

    @DELETE
    @Authenticated
    @Operation(summary = "Delete a data node")
    public Response delete(@PathParam("user") String user, @PathParam("path") String path) throws IOException {
        VosUri node = node(user, path);
        access.checkOwner(node);
        List<NodeRecord> deleted = catalog.delete(node.user(), node.path());
        if (deleted.isEmpty()) {
            throw new VoSpaceFault(Fault.NODE_NOT_FOUND, node.toString());
        }
        store.deleteTree(node);
        events.publish(node, VoSpaceEvent.Action.DELETED, 0, Instant.now());
        return Response.noContent().build();
    }

    /** Content-MD5 is base64 of the digest (RFC 1864); hex is accepted too, as some clients send it. */
    static String md5Hex(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String h = header.strip();
        if (h.matches("[0-9a-fA-F]{32}")) {
            return h.toLowerCase(Locale.ROOT);
        }
        try {
            byte[] digest = java.util.Base64.getDecoder().decode(h);
            if (digest.length == 16) {
                return java.util.HexFormat.of().formatHex(digest);
            }
        } catch (IllegalArgumentException ignored) {
            // reported below
        }
        throw new VoSpaceFault(Fault.INVALID_ARGUMENT, "Content-MD5 must be the base64 of a 16-byte MD5 digest");
    }

    private VosUri node(String user, String path) {
        VosUri node = new VosUri(authority, VosUri.checkUser(user), NodePath.parse(path));
        if (node.path().isRoot()) {
            throw new BadRequestException("a data URL must name a node below the user's home");
        }
        return node;
    }

    /** The type the client sent, or one guessed from the name when it sent none or a generic one. */
    static String mediaType(String sent, String name) {
        if (sent != null && !sent.isBlank() && !sent.startsWith(MediaType.APPLICATION_OCTET_STREAM)) {
            return sent;
        }
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
