package org.astroruntime.vospace.xml;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;
import java.util.Objects;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes VOSpace 2.1 node and transfer documents as UTF-8 XML with StAX.
 *
 * <p>A container's children are pulled from an iterator and written one at a time, in the detail=min form (uri,
 * xsi:type and, for data nodes, busy), so listing a container of any size needs memory for one child only.
 * Characters XML 1.0 cannot carry are written as U+FFFD so the output is always well-formed. The writer flushes
 * but does not close the output stream. Instances are thread-safe.
 */
public class NodeDocumentWriter {

    private static final String NS = VoSpaceXml.NAMESPACE;
    private static final String XSI = VoSpaceXml.XSI_NAMESPACE;
    private static final String P = VoSpaceXml.PREFIX;

    /**
     * Writes {@code node} as a {@code vos:node} document; for a container, {@code children} (may be null) become
     * its {@code vos:nodes} list.
     *
     * @throws IllegalArgumentException when children are given for a node that is not a container
     * @throws IOException when writing to {@code out} fails
     */
    public void write(NodeDocument node, Iterator<NodeDocument> children, OutputStream out) throws IOException {
        Objects.requireNonNull(node, "node");
        if (node.type() != NodeType.CONTAINER && children != null && children.hasNext()) {
            throw new IllegalArgumentException("only a container node has children, not a " + node.type().xsiType());
        }
        try {
            XMLStreamWriter w = open(out);
            w.writeStartElement(P, "node", NS);
            w.writeNamespace(P, NS);
            w.writeNamespace(VoSpaceXml.XSI_PREFIX, XSI);
            writeNodeAttributes(w, node);

            if (node.properties().isEmpty()) {
                w.writeEmptyElement(P, "properties", NS);
            } else {
                w.writeStartElement(P, "properties", NS);
                for (NodeProperty property : node.properties()) {
                    writeProperty(w, property);
                }
                w.writeEndElement();
            }
            writeViews(w, "accepts", node.type().isData());
            writeViews(w, "provides", node.type().isData());
            w.writeEmptyElement(P, "capabilities", NS);

            if (node.type() == NodeType.LINK && node.linkTarget() != null) {
                w.writeStartElement(P, "target", NS);
                writeText(w, node.linkTarget());
                w.writeEndElement();
            }
            if (node.type() == NodeType.CONTAINER) {
                writeChildren(w, children);
            }
            w.writeEndElement();
            close(w);
        } catch (XMLStreamException e) {
            throw asIOException(e);
        }
    }

    /**
     * Writes a {@code vos:transfer} document declaring version 2.1.
     *
     * @throws IOException when writing to {@code out} fails
     */
    public void writeTransfer(TransferDocument transfer, OutputStream out) throws IOException {
        Objects.requireNonNull(transfer, "transfer");
        try {
            XMLStreamWriter w = open(out);
            w.writeStartElement(P, "transfer", NS);
            w.writeNamespace(P, NS);
            w.writeAttribute("version", TransferDocument.VERSION);
            textElement(w, "target", transfer.target());
            textElement(w, "direction", transfer.direction());
            if (transfer.view() != null) {
                w.writeEmptyElement(P, "view", NS);
                w.writeAttribute("uri", clean(transfer.view()));
            }
            for (TransferProtocol protocol : transfer.protocols()) {
                if (protocol.endpoint() == null) {
                    w.writeEmptyElement(P, "protocol", NS);
                    w.writeAttribute("uri", clean(protocol.uri()));
                } else {
                    w.writeStartElement(P, "protocol", NS);
                    w.writeAttribute("uri", clean(protocol.uri()));
                    textElement(w, "endpoint", protocol.endpoint());
                    w.writeEndElement();
                }
            }
            if (transfer.keepBytes() != null) {
                textElement(w, "keepBytes", transfer.keepBytes().toString());
            }
            w.writeEndElement();
            close(w);
        } catch (XMLStreamException e) {
            throw asIOException(e);
        }
    }

    private static XMLStreamWriter open(OutputStream out) throws XMLStreamException {
        // The JDK's own implementation, so escaping behaves the same whatever StAX provider is on the class path.
        XMLStreamWriter w = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out, "UTF-8");
        w.writeStartDocument("UTF-8", "1.0");
        return w;
    }

    private static void close(XMLStreamWriter w) throws XMLStreamException {
        w.writeEndDocument();
        w.flush();
        w.close();
    }

    private static void writeNodeAttributes(XMLStreamWriter w, NodeDocument node) throws XMLStreamException {
        w.writeAttribute("uri", clean(node.uri()));
        w.writeAttribute(VoSpaceXml.XSI_PREFIX, XSI, "type", node.type().xsiType());
        if (node.type().isData()) {
            w.writeAttribute("busy", Boolean.toString(node.busy()));
        }
    }

    private static void writeProperty(XMLStreamWriter w, NodeProperty property) throws XMLStreamException {
        if (property.delete()) {
            w.writeEmptyElement(P, "property", NS);
        } else {
            w.writeStartElement(P, "property", NS);
        }
        w.writeAttribute("uri", clean(property.uri()));
        if (property.readOnly()) {
            w.writeAttribute("readOnly", "true");
        }
        if (property.delete()) {
            w.writeAttribute(VoSpaceXml.XSI_PREFIX, XSI, "nil", "true");
        } else {
            writeText(w, property.value() == null ? "" : property.value());
            w.writeEndElement();
        }
    }

    private static void writeViews(XMLStreamWriter w, String list, boolean data) throws XMLStreamException {
        if (!data) {
            w.writeEmptyElement(P, list, NS);
            return;
        }
        w.writeStartElement(P, list, NS);
        w.writeEmptyElement(P, "view", NS);
        w.writeAttribute("uri", TransferDocument.VIEW_DEFAULT);
        w.writeEndElement();
    }

    private static void writeChildren(XMLStreamWriter w, Iterator<NodeDocument> children) throws XMLStreamException {
        if (children == null || !children.hasNext()) {
            w.writeEmptyElement(P, "nodes", NS);
            return;
        }
        w.writeStartElement(P, "nodes", NS);
        while (children.hasNext()) {
            NodeDocument child = children.next();
            w.writeEmptyElement(P, "node", NS);
            writeNodeAttributes(w, child);
        }
        w.writeEndElement();
    }

    private static void textElement(XMLStreamWriter w, String name, String text) throws XMLStreamException {
        w.writeStartElement(P, name, NS);
        writeText(w, text);
        w.writeEndElement();
    }

    /** Writes text so a parser gives it back unchanged: a carriage return would otherwise come back as a newline. */
    private static void writeText(XMLStreamWriter w, String text) throws XMLStreamException {
        String s = clean(text);
        int start = 0;
        for (int i = s.indexOf('\r'); i >= 0; i = s.indexOf('\r', start)) {
            if (i > start) {
                w.writeCharacters(s.substring(start, i));
            }
            w.writeEntityRef("#13");
            start = i + 1;
        }
        if (start < s.length()) {
            w.writeCharacters(start == 0 ? s : s.substring(start));
        }
    }

    /** Replaces characters XML 1.0 forbids (controls, lone surrogates, U+FFFE/U+FFFF) with U+FFFD. */
    static String clean(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok;
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                if (sb != null) {
                    sb.append(c).append(s.charAt(i + 1));
                }
                i++;
                continue;
            }
            ok = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
            if (!ok && sb == null) {
                sb = new StringBuilder(s.length()).append(s, 0, i);
            }
            if (sb != null) {
                sb.append(ok ? c : '\uFFFD');
            }
        }
        return sb == null ? s : sb.toString();
    }

    private static IOException asIOException(XMLStreamException e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e.getNestedException();
        return cause instanceof IOException io ? io : new IOException("could not write VOSpace document", e);
    }
}
