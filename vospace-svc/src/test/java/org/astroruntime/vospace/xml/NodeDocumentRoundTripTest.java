package org.astroruntime.vospace.xml;

import static org.astroruntime.vospace.xml.XmlTestSupport.ROOT;
import static org.astroruntime.vospace.xml.XmlTestSupport.readNode;
import static org.astroruntime.vospace.xml.XmlTestSupport.readTransfer;
import static org.astroruntime.vospace.xml.XmlTestSupport.writeNode;
import static org.astroruntime.vospace.xml.XmlTestSupport.writeTransfer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class NodeDocumentRoundTripTest {

    private static final String LENGTH = "ivo://ivoa.net/vospace/core#length";
    private static final String DESCRIPTION = "ivo://ivoa.net/vospace/core#description";

    @ParameterizedTest
    @EnumSource(NodeType.class)
    void everyNodeTypeSurvivesWriteThenRead(NodeType type) throws Exception {
        NodeDocument node = new NodeDocument(ROOT + "/alice/thing", type, type.isData(), List.of(
                new NodeProperty(LENGTH, "1234", true, false),
                NodeProperty.of(DESCRIPTION, "my cones"),
                NodeProperty.deletion("ivo://example.org/x#deleteme")),
                type == NodeType.LINK ? "http://example.org/elsewhere?a=1&b=2" : null);
        Iterator<NodeDocument> children = type == NodeType.CONTAINER
                ? List.of(NodeDocument.child(ROOT + "/alice/thing/a.vot", NodeType.DATA, false)).iterator()
                : null;

        byte[] xml = writeNode(node, children);

        assertEquals(node, readNode(xml));
        String text = new String(xml, StandardCharsets.UTF_8);
        assertTrue(text.contains("xsi:type=\"" + type.xsiType() + "\""), text);
        assertEquals(type.isData(), text.contains("busy=\"true\""), text);
        assertEquals(type.isData(), text.contains("<vos:accepts><vos:view uri=\"" + TransferDocument.VIEW_DEFAULT
                + "\"/></vos:accepts>"), text);
        assertEquals(type.isData(), text.contains("<vos:provides><vos:view uri=\"" + TransferDocument.VIEW_DEFAULT
                + "\"/></vos:provides>"), text);
        assertEquals(type == NodeType.CONTAINER, text.contains("<vos:nodes>"), text);
        assertEquals(type == NodeType.LINK, text.contains("<vos:target>"), text);
        assertTrue(text.contains("xsi:nil=\"true\""), text);
    }

    @Test
    void containerWritesChildrenInMinimalDetail() throws Exception {
        NodeDocument container = new NodeDocument(ROOT + "/alice/cones", NodeType.CONTAINER, false,
                List.of(NodeProperty.of(DESCRIPTION, "cones")), null);
        List<NodeDocument> children = List.of(
                new NodeDocument(ROOT + "/alice/cones/a.vot", NodeType.DATA, true,
                        List.of(NodeProperty.of(DESCRIPTION, "not listed at detail=min")), null),
                NodeDocument.child(ROOT + "/alice/cones/sub", NodeType.CONTAINER, false),
                new NodeDocument(ROOT + "/alice/cones/l", NodeType.LINK, false, List.of(), "vos://x!vospace/y"));

        String text = new String(writeNode(container, children.iterator()), StandardCharsets.UTF_8);

        assertTrue(text.contains("<vos:nodes><vos:node uri=\"" + ROOT + "/alice/cones/a.vot\" xsi:type=\"vos:DataNode\""
                + " busy=\"true\"/><vos:node uri=\"" + ROOT + "/alice/cones/sub\" xsi:type=\"vos:ContainerNode\"/>"
                + "<vos:node uri=\"" + ROOT + "/alice/cones/l\" xsi:type=\"vos:LinkNode\"/></vos:nodes>"), text);
        assertFalse(text.contains("not listed"), text);
        assertTrue(text.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?><vos:node xmlns:vos=\""
                + VoSpaceXml.NAMESPACE + "\" xmlns:xsi=\"" + VoSpaceXml.XSI_NAMESPACE + "\""), text);
    }

    @Test
    void emptyContainerHasAnEmptyNodeList() throws Exception {
        NodeDocument container = NodeDocument.child(ROOT + "/alice", NodeType.CONTAINER, false);
        String text = new String(writeNode(container, null), StandardCharsets.UTF_8);
        assertTrue(text.contains("<vos:properties/><vos:accepts/><vos:provides/><vos:capabilities/><vos:nodes/>"), text);
        assertEquals(container, readNode(text));
    }

    @Test
    void childrenOfANonContainerAreAProgrammingError() {
        NodeDocument data = NodeDocument.child(ROOT + "/alice/a.vot", NodeType.DATA, false);
        assertThrows(IllegalArgumentException.class,
                () -> writeNode(data, List.of(NodeDocument.child(ROOT + "/x", NodeType.DATA, false)).iterator()));
    }

    @Test
    void uploadRequestSurvivesWriteThenRead() throws Exception {
        TransferDocument request = new TransferDocument(ROOT + "/alice/a.vot", TransferDocument.PUSH_TO_VOSPACE,
                TransferDocument.VIEW_DEFAULT, List.of(new TransferProtocol(TransferDocument.PROTOCOL_HTTPS_PUT, null),
                        new TransferProtocol(TransferDocument.PROTOCOL_HTTP_PUT, null)), null);
        byte[] xml = writeTransfer(request);
        assertEquals(request, readTransfer(new String(xml, StandardCharsets.UTF_8)));
        assertTrue(new String(xml, StandardCharsets.UTF_8).contains("version=\"2.1\""));
    }

    @Test
    void downloadResponseWithEndpointsSurvivesWriteThenRead() throws Exception {
        TransferDocument response = new TransferDocument(ROOT + "/alice/a.vot", TransferDocument.PULL_FROM_VOSPACE,
                null, List.of(new TransferProtocol(TransferDocument.PROTOCOL_HTTPS_GET,
                        "https://host/data/alice/a.vot?sig=a%2Bb&exp=17"),
                        new TransferProtocol(TransferDocument.PROTOCOL_HTTP_GET, "http://host/data/alice/a.vot?sig=c&d=<>")),
                null);
        String text = new String(writeTransfer(response), StandardCharsets.UTF_8);
        assertTrue(text.contains("?sig=a%2Bb&amp;exp=17</vos:endpoint>"), text);
        assertEquals(response, readTransfer(text));
    }

    @Test
    void moveAndCopySurviveWriteThenRead() throws Exception {
        TransferDocument move = new TransferDocument(ROOT + "/alice/a.vot", ROOT + "/alice/archive/a.vot", null,
                List.of(), false);
        TransferDocument copy = new TransferDocument(ROOT + "/alice/a.vot", ROOT + "/bob/a.vot", null, null, true);
        TransferDocument readMove = readTransfer(new String(writeTransfer(move), StandardCharsets.UTF_8));
        assertEquals(move, readMove);
        assertTrue(readMove.isMoveOrCopy());
        assertEquals(copy, readTransfer(new String(writeTransfer(copy), StandardCharsets.UTF_8)));
    }
}
