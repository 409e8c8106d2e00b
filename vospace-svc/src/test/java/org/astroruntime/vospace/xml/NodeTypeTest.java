package org.astroruntime.vospace.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class NodeTypeTest {

    @ParameterizedTest
    @EnumSource(NodeType.class)
    void xsiTypeNamesRoundTrip(NodeType type) throws Exception {
        assertEquals(type, NodeType.fromXsiType(type.xsiType()));
        assertEquals(type, NodeType.fromXsiType(type.localName()));
        assertTrue(type.xsiType().startsWith("vos:"));
    }

    @Test
    void namesAndDataFamily() {
        assertEquals("vos:ContainerNode", NodeType.CONTAINER.xsiType());
        assertEquals("vos:UnstructuredDataNode", NodeType.UNSTRUCTURED_DATA.xsiType());
        assertTrue(NodeType.DATA.isData());
        assertTrue(NodeType.STRUCTURED_DATA.isData());
        assertTrue(NodeType.UNSTRUCTURED_DATA.isData());
        assertFalse(NodeType.CONTAINER.isData());
        assertFalse(NodeType.LINK.isData());
    }

    @Test
    void anyPrefixBoundToTheVoSpaceNamespaceIsAccepted() throws Exception {
        Map<String, String> bindings = Map.of("v", VoSpaceXml.NAMESPACE, "other", "http://example.org/ns");
        assertEquals(NodeType.LINK, NodeType.fromXsiType(" v:LinkNode ", bindings::get));
        assertThrows(VoSpaceDocumentException.class, () -> NodeType.fromXsiType("other:LinkNode", bindings::get));
    }

    @Test
    void unknownOrUnboundTypesAreRefused() {
        VoSpaceDocumentException unknown =
                assertThrows(VoSpaceDocumentException.class, () -> NodeType.fromXsiType("vos:FolderNode"));
        assertTrue(unknown.getMessage().contains("vos:FolderNode"), unknown.getMessage());
        assertTrue(unknown.getMessage().contains("vos:ContainerNode"), unknown.getMessage());
        VoSpaceDocumentException unbound =
                assertThrows(VoSpaceDocumentException.class, () -> NodeType.fromXsiType("q:DataNode"));
        assertTrue(unbound.getMessage().contains("'q'"), unbound.getMessage());
        assertThrows(VoSpaceDocumentException.class, () -> NodeType.fromXsiType(""));
        assertThrows(VoSpaceDocumentException.class, () -> NodeType.fromXsiType(null));
    }
}
