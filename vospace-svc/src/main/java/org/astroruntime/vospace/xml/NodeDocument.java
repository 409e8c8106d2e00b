package org.astroruntime.vospace.xml;

import java.util.List;
import java.util.Objects;

/**
 * A node as exchanged in one document, without its children: what a client sends to create a node or set its
 * properties, or what the service answers (children are streamed separately by the writers).
 *
 * @param uri the node's {@code vos://} URI
 * @param type the node type
 * @param busy whether a data node is being written; always false for other types
 * @param properties the properties in document order, never null
 * @param linkTarget the target URI of a LinkNode, else null
 */
public record NodeDocument(String uri, NodeType type, boolean busy, List<NodeProperty> properties,
        String linkTarget) {

    public NodeDocument {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(type, "type");
        // Only data nodes can be busy; keeping others false lets callers compare documents safely.
        busy = busy && type.isData();
        properties = properties == null ? List.of() : List.copyOf(properties);
    }

    /** A node without properties, as listed among a container's children. */
    public static NodeDocument child(String uri, NodeType type, boolean busy) {
        return new NodeDocument(uri, type, busy, List.of(), null);
    }
}
