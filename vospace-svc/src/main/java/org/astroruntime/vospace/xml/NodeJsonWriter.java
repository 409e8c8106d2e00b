package org.astroruntime.vospace.xml;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;
import java.util.Objects;

/**
 * Writes a node as JSON with a streaming generator:
 * {@code {"uri":..,"type":"ContainerNode","busy":false,"properties":{uri:value,..},"nodes":[{"uri":..,"type":..},..]}}.
 *
 * <p>{@code nodes} appears only for containers and {@code target} only for links; a property marked for deletion
 * is written as null; data-node children also carry {@code busy}. Children are written as the iterator yields
 * them, so memory does not grow with their number. The output stream is flushed, not closed. Thread-safe.
 */
public class NodeJsonWriter {

    // Thread-safe and costly to build, so one for all writers.
    private static final JsonFactory JSON = JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

    /**
     * Writes {@code node} and, for a container, {@code children} (may be null).
     *
     * @throws IllegalArgumentException when children are given for a node that is not a container
     * @throws IOException when writing to {@code out} fails
     */
    public void write(NodeDocument node, Iterator<NodeDocument> children, OutputStream out) throws IOException {
        Objects.requireNonNull(node, "node");
        if (node.type() != NodeType.CONTAINER && children != null && children.hasNext()) {
            throw new IllegalArgumentException("only a container node has children, not a " + node.type().xsiType());
        }
        try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeStringField("uri", node.uri());
            g.writeStringField("type", node.type().localName());
            g.writeBooleanField("busy", node.busy());
            g.writeObjectFieldStart("properties");
            for (NodeProperty property : node.properties()) {
                if (property.delete()) {
                    g.writeNullField(property.uri());
                } else {
                    g.writeStringField(property.uri(), property.value() == null ? "" : property.value());
                }
            }
            g.writeEndObject();
            if (node.type() == NodeType.LINK && node.linkTarget() != null) {
                g.writeStringField("target", node.linkTarget());
            }
            if (node.type() == NodeType.CONTAINER) {
                g.writeArrayFieldStart("nodes");
                while (children != null && children.hasNext()) {
                    NodeDocument child = children.next();
                    g.writeStartObject();
                    g.writeStringField("uri", child.uri());
                    g.writeStringField("type", child.type().localName());
                    if (child.type().isData()) {
                        g.writeBooleanField("busy", child.busy());
                    }
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            g.writeEndObject();
        }
    }
}
