package org.astroruntime.vospace.nodes;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import org.astroruntime.common.event.VoSpaceEvent;
import org.astroruntime.common.id.InvalidIdentifierException;
import org.astroruntime.common.id.VosUri;
import org.astroruntime.vospace.events.VoSpaceEventPublisher;
import org.astroruntime.vospace.store.NodeStore;
import org.astroruntime.vospace.xml.NodeDocument;
import org.astroruntime.vospace.xml.NodeDocumentReader;
import org.astroruntime.vospace.xml.NodeDocumentWriter;
import org.astroruntime.vospace.xml.NodeJsonWriter;
import org.astroruntime.vospace.xml.NodeProperty;
import org.astroruntime.vospace.xml.NodeType;
import org.astroruntime.vospace.xml.VoSpaceDocumentException;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * VOSpace 2.1 nodes: {@code /nodes/{user}/{path}}. GET answers the node document (XML, or JSON on
 * {@code Accept: application/json}) with {@code detail=min|max|properties} and container listings paged by
 * {@code limit} and {@code uri} (the last child already seen); PUT creates a node from a node document; POST sets
 * properties; DELETE removes a node and everything in it.
 */
@Path("/nodes/{path: .*}")
public class NodesResource {

    private static final int PAGE = 1000;

    @Inject
    NodeAccess access;

    @Inject
    NodeCatalog catalog;

    @Inject
    NodeStore store;

    @Inject
    VoSpaceEventPublisher events;

    private final NodeDocumentReader reader = new NodeDocumentReader();

    @GET
    @Operation(summary = "Get a node: its properties and, for a container, its children (paged with limit and uri)")
    public Response get(@PathParam("path") String path, @QueryParam("detail") String detail,
                        @QueryParam("limit") Integer limit, @QueryParam("uri") String after,
                        @HeaderParam("Accept") String accept) {
        VosUri uri = access.node(path);
        NodeRecord node = access.readable(uri);
        String level = detail == null ? "max" : detail.toLowerCase(Locale.ROOT);
        if (!level.equals("min") && !level.equals("max") && !level.equals("properties")) {
            throw new VoSpaceFault(Fault.INVALID_ARGUMENT, "detail must be min, max or properties, not '" + detail + "'");
        }
        if (limit != null && limit < 0) {
            throw new VoSpaceFault(Fault.INVALID_ARGUMENT, "limit must be 0 or more");
        }
        NodeDocument doc = document(uri, node, !level.equals("min"));
        boolean listChildren = node.type() == NodeType.CONTAINER && !level.equals("properties");
        String afterPath = after == null ? null : childPath(uri, after);
        boolean json = accept != null && accept.contains("json");
        StreamingOutput body = out -> {
            Iterator<NodeDocument> children = listChildren ? new ChildPages(uri, afterPath, limit == null ? -1 : limit) : null;
            if (json) {
                new NodeJsonWriter().write(doc, children, out);
            } else {
                new NodeDocumentWriter().write(doc, children, out);
            }
        };
        return Response.ok(body, json ? MediaType.APPLICATION_JSON_TYPE : MediaType.TEXT_XML_TYPE).build();
    }

    @PUT
    @Consumes({MediaType.TEXT_XML, MediaType.APPLICATION_XML})
    @Operation(summary = "Create a ContainerNode, DataNode or LinkNode from a node document; the parent must exist")
    public Response create(@PathParam("path") String path, InputStream body) throws IOException {
        VosUri uri = access.node(path);
        access.checkOwner(uri);
        if (uri.path().isRoot()) {
            throw new VoSpaceFault(Fault.DUPLICATE_NODE, "the home " + uri + " always exists");
        }
        NodeDocument doc = readNode(body, uri);
        if (doc.type() == NodeType.LINK && (doc.linkTarget() == null || doc.linkTarget().isBlank())) {
            throw new VoSpaceFault(Fault.INVALID_ARGUMENT, "a LinkNode needs a target");
        }
        List<NodeProperty> stored = storable(doc.properties());
        Instant now = Instant.now();
        boolean isPublic = isPublic(doc.properties(), false);
        NodeRecord record = new NodeRecord(uri.user(), uri.path(), doc.type(), doc.linkTarget(), 0, null,
                contentType(doc.properties()), access.caller(), isPublic, now, now);
        catalog.create(record, stored);
        events.publish(uri, VoSpaceEvent.Action.CREATED, 0, now);
        return Response.status(Response.Status.CREATED).type(MediaType.TEXT_XML_TYPE)
                .entity(xml(document(uri, catalog.find(uri.user(), uri.path()).orElseThrow(), true))).build();
    }

    @POST
    @Consumes({MediaType.TEXT_XML, MediaType.APPLICATION_XML})
    @Operation(summary = "Set, change or (with xsi:nil) remove properties of a node")
    public Response setProperties(@PathParam("path") String path, InputStream body) throws IOException {
        VosUri uri = access.node(path);
        access.checkOwner(uri);
        NodeRecord node = access.readable(uri);
        NodeDocument doc = readNode(body, uri);
        catalog.updateProperties(uri.user(), uri.path(), storable(doc.properties()));
        boolean isPublic = isPublic(doc.properties(), node.isPublic());
        if (isPublic != node.isPublic()) {
            catalog.setPublic(uri.user(), uri.path(), isPublic);
        }
        events.publish(uri, VoSpaceEvent.Action.CHANGED, node.length(), Instant.now());
        return Response.ok(xml(document(uri, catalog.find(uri.user(), uri.path()).orElseThrow(), true)), MediaType.TEXT_XML_TYPE).build();
    }

    @DELETE
    @Operation(summary = "Delete a node; a container with everything it holds")
    public Response delete(@PathParam("path") String path) throws IOException {
        VosUri uri = access.node(path);
        access.checkOwner(uri);
        if (uri.path().isRoot()) {
            throw new VoSpaceFault(Fault.PERMISSION_DENIED, "a home cannot be deleted");
        }
        List<NodeRecord> deleted = catalog.delete(uri.user(), uri.path());
        if (deleted.isEmpty()) {
            throw new VoSpaceFault(Fault.NODE_NOT_FOUND, uri.toString());
        }
        store.deleteTree(uri);
        Instant now = Instant.now();
        for (NodeRecord n : deleted) {
            events.publish(uri.withPath(n.path()), VoSpaceEvent.Action.DELETED, 0, now);
        }
        return Response.noContent().build();
    }

    private NodeDocument readNode(InputStream body, VosUri expected) throws IOException {
        NodeDocument doc;
        try {
            doc = reader.readNode(body);
        } catch (VoSpaceDocumentException e) {
            throw new VoSpaceFault(Fault.INVALID_ARGUMENT, e.getMessage());
        }
        VosUri given;
        try {
            given = VosUri.parse(doc.uri());
        } catch (InvalidIdentifierException e) {
            throw new VoSpaceFault(Fault.INVALID_URI, e.getMessage());
        }
        if (!given.equals(expected)) {
            throw new VoSpaceFault(Fault.INVALID_URI, "the document's uri " + doc.uri() + " is not the request's node " + expected);
        }
        return doc;
    }

    /** Properties a client may store; a read-only one is refused. */
    private static List<NodeProperty> storable(List<NodeProperty> properties) {
        List<NodeProperty> stored = new ArrayList<>();
        for (NodeProperty p : properties) {
            if (CoreProperties.READ_ONLY.contains(p.uri())) {
                throw new VoSpaceFault(Fault.PERMISSION_DENIED, p.uri() + " is maintained by the service and cannot be set");
            }
            if (!p.uri().equals(CoreProperties.IS_PUBLIC) && !p.uri().equals(CoreProperties.TYPE)) {
                stored.add(p);
            }
        }
        return stored;
    }

    private static boolean isPublic(List<NodeProperty> properties, boolean current) {
        for (NodeProperty p : properties) {
            if (p.uri().equals(CoreProperties.IS_PUBLIC)) {
                return !p.delete() && Boolean.parseBoolean(p.value());
            }
        }
        return current;
    }

    private static String contentType(List<NodeProperty> properties) {
        return properties.stream().filter(p -> p.uri().equals(CoreProperties.TYPE) && !p.delete())
                .map(NodeProperty::value).findFirst().orElse(null);
    }

    private NodeDocument document(VosUri uri, NodeRecord node, boolean withProperties) {
        List<NodeProperty> props = withProperties
                ? CoreProperties.of(node, catalog.properties(node.owner(), node.path())) : List.of();
        return new NodeDocument(uri.toString(), node.type(), false, props, node.linkTarget());
    }

    private static byte[] xml(NodeDocument doc) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        new NodeDocumentWriter().write(doc, null, out);
        return out.toByteArray();
    }

    private static String childPath(VosUri container, String childUri) {
        try {
            VosUri child = VosUri.parse(childUri);
            if (!child.user().equals(container.user()) || !child.path().parent().equals(container.path())) {
                throw new VoSpaceFault(Fault.INVALID_URI, childUri + " is not a child of " + container);
            }
            return child.path().toString();
        } catch (InvalidIdentifierException e) {
            throw new VoSpaceFault(Fault.INVALID_URI, e.getMessage());
        }
    }

    /** Children read from the catalogue a page at a time, so a huge container is never held in memory. */
    private final class ChildPages implements Iterator<NodeDocument> {
        private final VosUri container;
        private final Deque<NodeRecord> page = new ArrayDeque<>();
        private String last;
        private int left;
        private boolean exhausted;

        ChildPages(VosUri container, String after, int limit) {
            this.container = container;
            this.last = after;
            this.left = limit < 0 ? Integer.MAX_VALUE : limit;
        }

        @Override
        public boolean hasNext() {
            if (page.isEmpty() && !exhausted && left > 0) {
                int want = Math.min(PAGE, left);
                catalog.children(container.user(), container.path(), last, want, page::add);
                exhausted = page.size() < want;
            }
            return !page.isEmpty() && left > 0;
        }

        @Override
        public NodeDocument next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            NodeRecord child = page.removeFirst();
            last = child.path().toString();
            left--;
            return NodeDocument.child(container.withPath(child.path()).toString(), child.type(), false);
        }
    }
}
