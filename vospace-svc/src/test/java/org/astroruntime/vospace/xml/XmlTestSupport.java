package org.astroruntime.vospace.xml;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;

/** Small helpers shared by the codec tests. */
final class XmlTestSupport {

    static final String NS = VoSpaceXml.NAMESPACE;
    static final String XSI = VoSpaceXml.XSI_NAMESPACE;
    static final String ROOT = "vos://astroruntime.local!vospace";

    private XmlTestSupport() {
    }

    static InputStream utf8(String xml) {
        return new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] writeNode(NodeDocument node, Iterator<NodeDocument> children) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new NodeDocumentWriter().write(node, children, out);
        return out.toByteArray();
    }

    static byte[] writeTransfer(TransferDocument transfer) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new NodeDocumentWriter().writeTransfer(transfer, out);
        return out.toByteArray();
    }

    static NodeDocument readNode(byte[] xml) throws Exception {
        return new NodeDocumentReader().readNode(new ByteArrayInputStream(xml));
    }

    static NodeDocument readNode(String xml) throws Exception {
        return new NodeDocumentReader().readNode(utf8(xml));
    }

    static TransferDocument readTransfer(String xml) throws Exception {
        return new NodeDocumentReader().readTransfer(utf8(xml));
    }

    /** Children made on demand, so a test can list any number without holding them. */
    static Iterator<NodeDocument> lazyChildren(String parent, int count) {
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < count;
            }

            @Override
            public NodeDocument next() {
                int i = next++;
                NodeType type = i % 10 == 0 ? NodeType.CONTAINER : NodeType.DATA;
                return NodeDocument.child(parent + "/child-" + i + (type == NodeType.DATA ? ".vot" : ""), type,
                        i % 7 == 0);
            }
        };
    }
}
