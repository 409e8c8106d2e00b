package org.astroruntime.vospace.xml;

import static org.astroruntime.vospace.xml.XmlTestSupport.ROOT;
import static org.astroruntime.vospace.xml.XmlTestSupport.lazyChildren;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A very large container goes through the writer one child at a time and comes back complete. */
class NodeDocumentStreamingTest {

    private static final int CHILDREN = 100_000;

    @Test
    void hundredThousandChildrenAreStreamedAndAllComeBack(@TempDir Path dir) throws Exception {
        String parent = ROOT + "/alice/big";
        NodeDocument container = new NodeDocument(parent, NodeType.CONTAINER, false,
                List.of(NodeProperty.of("ivo://ivoa.net/vospace/core#description", "many")), null);
        Path file = dir.resolve("big.xml");
        long[] bytesWhenHalfwayAsked = {-1};
        try (CountingOutputStream out = new CountingOutputStream(Files.newOutputStream(file))) {
            Iterator<NodeDocument> lazy = lazyChildren(parent, CHILDREN);
            // Notes how much output exists when the writer asks for the middle child: a writer that collected
            // children before writing would have written next to nothing by then.
            Iterator<NodeDocument> watched = new Iterator<>() {
                private int handedOut;

                @Override
                public boolean hasNext() {
                    return lazy.hasNext();
                }

                @Override
                public NodeDocument next() {
                    if (handedOut++ == CHILDREN / 2) {
                        bytesWhenHalfwayAsked[0] = out.count;
                    }
                    return lazy.next();
                }
            };
            new NodeDocumentWriter().write(container, watched, new BufferedOutputStream(out, 8192));
        }
        assertTrue(bytesWhenHalfwayAsked[0] > (CHILDREN / 2) * 60L,
                "only " + bytesWhenHalfwayAsked[0] + " bytes written when half the children were asked for");

        int[] counts = countChildren(file);
        assertEquals(CHILDREN, counts[0]);
        assertEquals(CHILDREN / 10, counts[1], "containers among the children");
        // Listings are far beyond what clients may send; the reader's 4 MiB limit is for input only.
        assertTrue(Files.size(file) > NodeDocumentReader.MAX_DOCUMENT_BYTES);
    }

    /** Children of vos:nodes by a streaming parse: [all, containers]. */
    private static int[] countChildren(Path file) throws Exception {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        int depth = 0;
        int nodes = 0;
        int containers = 0;
        String lastUri = null;
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader r = factory.createXMLStreamReader(in);
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                    if (depth == 3 && VoSpaceXml.NAMESPACE.equals(r.getNamespaceURI())
                            && r.getLocalName().equals("node")) {
                        nodes++;
                        lastUri = r.getAttributeValue(null, "uri");
                        String type = r.getAttributeValue(VoSpaceXml.XSI_NAMESPACE, "type");
                        if (type.equals("vos:ContainerNode")) {
                            containers++;
                        }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                }
            }
            r.close();
        }
        assertEquals(ROOT + "/alice/big/child-" + (CHILDREN - 1) + ".vot", lastUri);
        return new int[] {nodes, containers};
    }

    private static final class CountingOutputStream extends FilterOutputStream {
        volatile long count;

        CountingOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
