package org.astroruntime.vospace.transfer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.astroruntime.common.event.VoSpaceEvent;
import org.astroruntime.common.id.InvalidIdentifierException;
import org.astroruntime.common.id.VosUri;
import org.astroruntime.vospace.data.DataUrls;
import org.astroruntime.vospace.events.VoSpaceEventPublisher;
import org.astroruntime.vospace.nodes.Fault;
import org.astroruntime.vospace.nodes.NodeAccess;
import org.astroruntime.vospace.nodes.NodeCatalog;
import org.astroruntime.vospace.nodes.NodeRecord;
import org.astroruntime.vospace.nodes.NodeTreeMoves;
import org.astroruntime.vospace.nodes.VoSpaceFault;
import org.astroruntime.vospace.presign.PresignedUrls;
import org.astroruntime.vospace.store.NodeStore;
import org.astroruntime.vospace.xml.NodeDocumentWriter;
import org.astroruntime.vospace.xml.NodeType;
import org.astroruntime.vospace.xml.TransferDocument;
import org.astroruntime.vospace.xml.TransferProtocol;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * VOSpace transfers: push and pull negotiate an HTTP endpoint (a signed URL of the node's data, so no token needs
 * to travel with the bytes); a {@code vos://} direction moves or copies a node and everything below it.
 */
@ApplicationScoped
public class Transfers {

    @Inject
    NodeCatalog catalog;

    @Inject
    NodeTreeMoves moves;

    @Inject
    NodeStore store;

    @Inject
    DataUrls urls;

    @Inject
    VoSpaceEventPublisher events;

    @ConfigProperty(name = "vospace.quota.bytes-per-user")
    long quotaBytes;

    /** Carries out a transfer for the caller and answers the transfer document with its endpoints. */
    public TransferDocument run(TransferDocument request, NodeAccess access) throws IOException {
        VosUri target = parse(request.target());
        String direction = request.direction();
        if (request.isMoveOrCopy()) {
            VosUri destination = parse(direction);
            access.checkOwner(target);
            access.checkOwner(destination);
            moveOrCopy(target, destination, Boolean.TRUE.equals(request.keepBytes()));
            return new TransferDocument(request.target(), direction, null, List.of(), request.keepBytes());
        }
        boolean push = TransferDocument.PUSH_TO_VOSPACE.equals(direction);
        boolean pull = TransferDocument.PULL_FROM_VOSPACE.equals(direction);
        if (!push && !pull) {
            throw new VoSpaceFault(Fault.PROTOCOL_NOT_SUPPORTED, "direction " + direction
                    + " is not supported; use pushToVoSpace, pullFromVoSpace or a vos:// URI to move or copy");
        }
        if (push) {
            access.checkOwner(target);
            prepareDataNode(target);
        } else {
            NodeRecord node = access.readable(target);
            if (!node.type().isData()) {
                throw new VoSpaceFault(Fault.TYPE_NOT_SUPPORTED, target + " is a " + node.type().localName() + " and holds no bytes");
            }
        }
        String get = push ? TransferDocument.PROTOCOL_HTTP_PUT : TransferDocument.PROTOCOL_HTTP_GET;
        String gets = push ? TransferDocument.PROTOCOL_HTTPS_PUT : TransferDocument.PROTOCOL_HTTPS_GET;
        String scheme = urls.isHttps() ? gets : get;
        String endpoint = urls.signed(target, push ? PresignedUrls.Access.WRITE : PresignedUrls.Access.READ);
        List<TransferProtocol> offered = new ArrayList<>();
        boolean anyAsked = request.protocols().isEmpty();
        for (TransferProtocol p : request.protocols()) {
            if (p.uri().equals(get) || p.uri().equals(gets)) {
                anyAsked = true;
            }
        }
        if (!anyAsked) {
            throw new VoSpaceFault(Fault.PROTOCOL_NOT_SUPPORTED, "none of the requested protocols is served; this service offers " + scheme);
        }
        offered.add(new TransferProtocol(scheme, endpoint));
        return new TransferDocument(request.target(), direction, request.view(), offered, null);
    }

    static byte[] xml(TransferDocument doc) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new NodeDocumentWriter().writeTransfer(doc, out);
        return out.toByteArray();
    }

    /** For a push: the data node must exist or be creatable (its parent container must exist). */
    private void prepareDataNode(VosUri target) {
        NodeRecord existing = catalog.find(target.user(), target.path()).orElse(null);
        if (existing != null) {
            if (!existing.type().isData()) {
                throw new VoSpaceFault(Fault.TYPE_NOT_SUPPORTED, target + " is a " + existing.type().localName());
            }
            return;
        }
        catalog.ensureHome(target.user());
        Instant now = Instant.now();
        catalog.create(new NodeRecord(target.user(), target.path(), NodeType.DATA, null, 0, null, null, target.user(),
                false, now, now), List.of());
        events.publish(target, VoSpaceEvent.Action.CREATED, 0, now);
    }

    private void moveOrCopy(VosUri from, VosUri to, boolean copy) throws IOException {
        if (from.path().isRoot()) {
            throw new VoSpaceFault(Fault.PERMISSION_DENIED, "a home cannot be moved or copied");
        }
        NodeRecord source = catalog.find(from.user(), from.path())
                .orElseThrow(() -> new VoSpaceFault(Fault.NODE_NOT_FOUND, from.toString()));
        // Into an existing container: keep the name, as file managers do.
        VosUri destination = catalog.find(to.user(), to.path())
                .filter(n -> n.type() == NodeType.CONTAINER)
                .map(n -> to.withPath(to.path().child(from.path().name())))
                .orElse(to);
        String f = from.path().toString();
        String d = destination.path().toString();
        if (d.equals(f) || d.startsWith(f + "/")) {
            throw new VoSpaceFault(Fault.INVALID_ARGUMENT, "cannot move or copy " + from + " into itself");
        }
        Instant now = Instant.now();
        if (copy) {
            long bytes = moves.subtreeBytes(from.user(), from.path());
            if (catalog.usedBytes(from.user()) + bytes > quotaBytes) {
                throw new VoSpaceFault(Fault.QUOTA_EXCEEDED, "copying " + bytes + " bytes would take " + from.user() + " past the quota");
            }
            List<NodeRecord> copies = moves.copy(from.user(), from.path(), destination.path());
            try {
                for (NodeRecord c : copies) {
                    if (c.type().isData()) {
                        String original = f + c.path().toString().substring(d.length());
                        store.copyData(from.withPath(org.astroruntime.common.id.NodePath.parse(original)), destination.withPath(c.path()));
                    }
                }
            } catch (IOException | RuntimeException e) {
                // Bytes that could not be copied leave no half copy behind.
                catalog.delete(destination.user(), destination.path());
                store.deleteTree(destination);
                throw e;
            }
            events.publish(destination, VoSpaceEvent.Action.CREATED, source.length(), now);
            return;
        }
        moves.move(from.user(), from.path(), destination.path());
        store.move(from, destination);
        events.publish(from, VoSpaceEvent.Action.DELETED, 0, now);
        events.publish(destination, VoSpaceEvent.Action.CREATED, source.length(), now);
    }

    private static VosUri parse(String uri) {
        try {
            return VosUri.parse(uri);
        } catch (InvalidIdentifierException e) {
            throw new VoSpaceFault(Fault.INVALID_URI, e.getMessage());
        }
    }
}
