package org.astroruntime.vospace.xml;

import static org.astroruntime.vospace.xml.XmlTestSupport.ROOT;
import static org.astroruntime.vospace.xml.XmlTestSupport.lazyChildren;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

class NodeJsonWriterTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonNode json(NodeDocument node, Iterator<NodeDocument> children) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new NodeJsonWriter().write(node, children, out);
        return MAPPER.readTree(out.toByteArray());
    }

    @Test
    void containerWithPropertiesAndChildren() throws Exception {
        NodeDocument container = new NodeDocument(ROOT + "/alice/cones", NodeType.CONTAINER, false, List.of(
                new NodeProperty("ivo://ivoa.net/vospace/core#length", "1234", true, false),
                NodeProperty.of("ivo://ivoa.net/vospace/core#description", "<&>\"' é 星 🌌\n\\"),
                NodeProperty.deletion("ivo://example.org/x#deleteme")), null);
        List<NodeDocument> children = List.of(NodeDocument.child(ROOT + "/alice/cones/a.vot", NodeType.DATA, true),
                NodeDocument.child(ROOT + "/alice/cones/sub", NodeType.CONTAINER, false));

        JsonNode root = json(container, children.iterator());

        assertEquals(ROOT + "/alice/cones", root.get("uri").asText());
        assertEquals("ContainerNode", root.get("type").asText());
        assertFalse(root.get("busy").asBoolean());
        JsonNode props = root.get("properties");
        assertEquals("1234", props.get("ivo://ivoa.net/vospace/core#length").asText());
        assertEquals("<&>\"' é 星 🌌\n\\", props.get("ivo://ivoa.net/vospace/core#description").asText());
        assertTrue(props.get("ivo://example.org/x#deleteme").isNull());
        assertEquals(2, root.get("nodes").size());
        JsonNode first = root.get("nodes").get(0);
        assertEquals(ROOT + "/alice/cones/a.vot", first.get("uri").asText());
        assertEquals("DataNode", first.get("type").asText());
        assertTrue(first.get("busy").asBoolean());
        JsonNode second = root.get("nodes").get(1);
        assertEquals("ContainerNode", second.get("type").asText());
        assertFalse(second.has("busy"));
        assertFalse(root.has("target"));
    }

    @Test
    void dataNodeHasNoNodesAndLinkHasTarget() throws Exception {
        JsonNode data = json(new NodeDocument(ROOT + "/alice/a.vot", NodeType.UNSTRUCTURED_DATA, true, List.of(), null),
                null);
        assertEquals("UnstructuredDataNode", data.get("type").asText());
        assertTrue(data.get("busy").asBoolean());
        assertFalse(data.has("nodes"));
        assertFalse(data.has("target"));
        assertEquals(0, data.get("properties").size());

        JsonNode link = json(new NodeDocument(ROOT + "/alice/l", NodeType.LINK, false, List.of(),
                "http://example.org/x?a=1&b=\"2\""), null);
        assertEquals("LinkNode", link.get("type").asText());
        assertEquals("http://example.org/x?a=1&b=\"2\"", link.get("target").asText());
        assertFalse(link.has("nodes"));
    }

    @Test
    void emptyContainerHasEmptyNodesArray() throws Exception {
        JsonNode root = json(NodeDocument.child(ROOT + "/alice", NodeType.CONTAINER, false), null);
        assertTrue(root.get("nodes").isArray());
        assertEquals(0, root.get("nodes").size());
    }

    @Test
    void childrenOfANonContainerAreAProgrammingError() {
        NodeDocument data = NodeDocument.child(ROOT + "/alice/a.vot", NodeType.DATA, false);
        assertThrows(IllegalArgumentException.class, () -> new NodeJsonWriter().write(data,
                List.of(data).iterator(), OutputStream.nullOutputStream()));
    }

    @Test
    void hundredThousandChildrenStreamThroughJson() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new NodeJsonWriter().write(NodeDocument.child(ROOT + "/alice/big", NodeType.CONTAINER, false),
                lazyChildren(ROOT + "/alice/big", 100_000), out);
        int count = 0;
        try (JsonParser p = MAPPER.getFactory().createParser(out.toByteArray())) {
            int depth = 0;
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                    depth++;
                    if (t == JsonToken.START_OBJECT && depth == 3) {
                        count++;
                    }
                } else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    depth--;
                }
            }
        }
        assertEquals(100_000, count);
    }
}
