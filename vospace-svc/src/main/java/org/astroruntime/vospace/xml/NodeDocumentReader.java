package org.astroruntime.vospace.xml;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.astroruntime.common.io.LimitedInputStream;
import org.astroruntime.common.xml.SafeXml;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads VOSpace 2.1 (and 2.0) node and transfer documents sent by clients, refusing anything unsafe or oversized.
 *
 * <p>Parsing goes through {@link SafeXml#documentBuilderFactory()}: DOCTYPEs are refused outright, so no entity
 * is ever declared, expanded or fetched. Input is counted while it is read, so an oversized body is cut off at
 * {@link #MAX_DOCUMENT_BYTES} instead of being buffered whole. Child elements may come in any order; unknown
 * elements are ignored. The reader does not close the stream it is given. Instances are thread-safe.
 */
public class NodeDocumentReader {

    /** Largest document accepted, in bytes (4 MiB). */
    public static final long MAX_DOCUMENT_BYTES = 4L * 1024 * 1024;

    /** Most properties one node document may carry. */
    public static final int MAX_PROPERTIES = 1000;

    /** Largest single property value accepted, in UTF-8 bytes (64 KiB). */
    public static final int MAX_PROPERTY_VALUE_BYTES = 64 * 1024;

    private static final String NS = VoSpaceXml.NAMESPACE;

    // Without an explicit handler the JDK parser prints "[Fatal Error]" lines to stderr before throwing.
    private static final ErrorHandler FAIL_ON_ERROR = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };

    private final DocumentBuilderFactory factory = SafeXml.documentBuilderFactory();

    /**
     * Reads a {@code vos:node} document.
     *
     * @throws VoSpaceDocumentException when the document is not a node document this service accepts
     * @throws IOException when reading the stream itself fails
     */
    public NodeDocument readNode(InputStream in) throws VoSpaceDocumentException, IOException {
        Element root = parse(in, "node");
        String uri = attribute(root, "uri");
        if (uri == null || uri.isEmpty()) {
            throw new VoSpaceDocumentException(
                    "the vos:node element has no uri attribute; give the node's URI, e.g. uri=\"vos://authority!vospace/path\"");
        }
        Attr typeAttr = root.getAttributeNodeNS(VoSpaceXml.XSI_NAMESPACE, "type");
        NodeType type = NodeType.fromXsiType(typeAttr == null ? null : typeAttr.getValue(), root::lookupNamespaceURI);
        boolean busy = type.isData() && booleanValue(attribute(root, "busy"), "busy attribute of the node", false);

        List<NodeProperty> properties = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String linkTarget = null;
        for (Element child : vosChildren(root)) {
            switch (child.getLocalName()) {
                case "properties" -> readProperties(child, properties, seen);
                case "target" -> {
                    if (linkTarget != null) {
                        throw new VoSpaceDocumentException("the node has more than one vos:target; a link has exactly one");
                    }
                    linkTarget = text(child).strip();
                }
                default -> {
                    // accepts, provides, capabilities and nodes are decided by the service, not the client.
                }
            }
        }
        return new NodeDocument(uri, type, busy, properties, type == NodeType.LINK ? linkTarget : null);
    }

    /**
     * Reads a {@code vos:transfer} document, version 2.1 or 2.0.
     *
     * @throws VoSpaceDocumentException when the document is not a transfer document this service accepts
     * @throws IOException when reading the stream itself fails
     */
    public TransferDocument readTransfer(InputStream in) throws VoSpaceDocumentException, IOException {
        Element root = parse(in, "transfer");
        String target = null;
        String direction = null;
        String view = null;
        Boolean keepBytes = null;
        List<TransferProtocol> protocols = new ArrayList<>();
        for (Element child : vosChildren(root)) {
            switch (child.getLocalName()) {
                case "target" -> {
                    if (target != null) {
                        throw new VoSpaceDocumentException(
                                "the transfer has more than one vos:target; this service transfers one node per request");
                    }
                    target = text(child).strip();
                }
                case "direction" -> {
                    if (direction != null) {
                        throw new VoSpaceDocumentException("the transfer has more than one vos:direction");
                    }
                    direction = text(child).strip();
                }
                case "view" -> {
                    if (view != null) {
                        throw new VoSpaceDocumentException("the transfer has more than one vos:view");
                    }
                    view = attribute(child, "uri");
                    if (view == null || view.isEmpty()) {
                        throw new VoSpaceDocumentException("vos:view has no uri attribute; use uri=\""
                                + TransferDocument.VIEW_DEFAULT + "\" or leave the view out");
                    }
                }
                case "protocol" -> protocols.add(readProtocol(child));
                case "keepBytes" -> keepBytes = booleanValue(text(child), "vos:keepBytes", null);
                default -> {
                    // param and anything newer are not used by this service.
                }
            }
        }
        if (target == null || target.isEmpty()) {
            throw new VoSpaceDocumentException(
                    "the transfer has no vos:target; give the vos:// URI of the node to transfer");
        }
        if (!TransferDocument.isNodeUri(target)) {
            throw new VoSpaceDocumentException("the transfer target '" + target + "' is not a vos:// URI");
        }
        if (direction == null || direction.isEmpty()) {
            throw new VoSpaceDocumentException("the transfer has no vos:direction; use one of "
                    + directionNames() + ", or a vos:// URI to move or copy the node");
        }
        if (!TransferDocument.isDirectionName(direction) && !TransferDocument.isNodeUri(direction)) {
            throw new VoSpaceDocumentException("unknown transfer direction '" + direction + "'; use one of "
                    + directionNames() + ", or a vos:// URI to move or copy the node");
        }
        return new TransferDocument(target, direction, view, protocols, keepBytes);
    }

    private static TransferProtocol readProtocol(Element protocol) throws VoSpaceDocumentException {
        // 2.0 and 2.1 both carry the protocol URI in the uri attribute.
        String uri = attribute(protocol, "uri");
        if (uri == null || uri.isEmpty()) {
            throw new VoSpaceDocumentException("vos:protocol has no uri attribute; use e.g. uri=\""
                    + TransferDocument.PROTOCOL_HTTPS_PUT + "\"");
        }
        String endpoint = null;
        for (Element child : vosChildren(protocol)) {
            if (child.getLocalName().equals("endpoint")) {
                endpoint = text(child).strip();
            }
        }
        return new TransferProtocol(uri, endpoint);
    }

    private static void readProperties(Element list, List<NodeProperty> properties, Set<String> seen)
            throws VoSpaceDocumentException {
        for (Element element : vosChildren(list)) {
            if (!element.getLocalName().equals("property")) {
                continue;
            }
            if (properties.size() == MAX_PROPERTIES) {
                throw new VoSpaceDocumentException("the node has more than " + MAX_PROPERTIES
                        + " properties; send at most " + MAX_PROPERTIES + " per request");
            }
            String uri = attribute(element, "uri");
            if (uri == null || uri.isEmpty()) {
                throw new VoSpaceDocumentException("property number " + (properties.size() + 1)
                        + " has no uri attribute; every vos:property needs one, e.g. uri=\"ivo://ivoa.net/vospace/core#description\"");
            }
            if (!seen.add(uri)) {
                throw new VoSpaceDocumentException("property " + uri + " appears more than once; give it once");
            }
            Attr nil = element.getAttributeNodeNS(VoSpaceXml.XSI_NAMESPACE, "nil");
            boolean delete = nil != null && booleanValue(nil.getValue(), "xsi:nil of property " + uri, false);
            boolean readOnly = booleanValue(attribute(element, "readOnly"), "readOnly of property " + uri, false);
            String value = null;
            if (!delete) {
                value = text(element);
                long bytes = utf8Length(value);
                if (bytes > MAX_PROPERTY_VALUE_BYTES) {
                    throw new VoSpaceDocumentException("the value of property " + uri + " is " + bytes
                            + " bytes; a property value may be at most 64 KiB (" + MAX_PROPERTY_VALUE_BYTES + " bytes)");
                }
            }
            properties.add(new NodeProperty(uri, value, readOnly, delete));
        }
    }

    private Element parse(InputStream in, String expectedRoot) throws VoSpaceDocumentException, IOException {
        LimitedInputStream limited = new LimitedInputStream(in, MAX_DOCUMENT_BYTES);
        Document document;
        try {
            DocumentBuilder builder;
            synchronized (factory) {
                builder = factory.newDocumentBuilder();
            }
            builder.setErrorHandler(FAIL_ON_ERROR);
            // Second line of defence: even if a DOCTYPE slipped through, nothing outside is ever fetched.
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entities are not allowed (" + systemId + ")");
            });
            document = builder.parse(limited);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("XML parser cannot be configured", e);
        } catch (SAXException e) {
            if (limited.exceeded()) {
                throw tooLarge();
            }
            throw malformed(e);
        } catch (IOException e) {
            if (limited.exceeded()) {
                throw tooLarge();
            }
            throw e;
        }
        Element root = document.getDocumentElement();
        String namespace = root.getNamespaceURI();
        if (!NS.equals(namespace)) {
            throw new VoSpaceDocumentException("the root element <" + root.getTagName() + "> is "
                    + (namespace == null ? "in no namespace" : "in namespace '" + namespace + "'")
                    + "; VOSpace documents must use the namespace " + NS + " (e.g. xmlns:vos=\"" + NS + "\")");
        }
        if (!expectedRoot.equals(root.getLocalName())) {
            throw new VoSpaceDocumentException("expected a vos:" + expectedRoot + " document but the root element is <"
                    + root.getTagName() + ">");
        }
        return root;
    }

    private static VoSpaceDocumentException tooLarge() {
        return new VoSpaceDocumentException("the document is larger than 4 MiB (" + MAX_DOCUMENT_BYTES
                + " bytes); send a smaller document");
    }

    private static VoSpaceDocumentException malformed(SAXException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("DOCTYPE")) {
            return new VoSpaceDocumentException("document type declarations (<!DOCTYPE ...>) and entities are not "
                    + "allowed in VOSpace documents; remove the DOCTYPE", e);
        }
        String where = e instanceof SAXParseException p && p.getLineNumber() > 0
                ? " at line " + p.getLineNumber() + ", column " + p.getColumnNumber() : "";
        return new VoSpaceDocumentException("the document is not well-formed XML" + where + ": " + message, e);
    }

    /** Element children in the VOSpace namespace; text, comments and foreign elements are skipped. */
    private static List<Element> vosChildren(Element parent) {
        List<Element> result = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && NS.equals(e.getNamespaceURI())) {
                result.add(e);
            }
        }
        return result;
    }

    /** Text content of an element that must hold text only. */
    private static String text(Element element) throws VoSpaceDocumentException {
        StringBuilder sb = new StringBuilder();
        for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            switch (n.getNodeType()) {
                case Node.TEXT_NODE, Node.CDATA_SECTION_NODE -> sb.append(n.getNodeValue());
                case Node.ELEMENT_NODE -> throw new VoSpaceDocumentException("<" + element.getTagName()
                        + "> must contain text only, but contains <" + n.getNodeName() + ">");
                default -> {
                    // comments and processing instructions carry no value
                }
            }
        }
        return sb.toString();
    }

    /** An unqualified attribute, trimmed, or null when absent. */
    private static String attribute(Element element, String name) {
        Attr attr = element.getAttributeNodeNS(null, name);
        return attr == null ? null : attr.getValue().strip();
    }

    private static Boolean booleanValue(String value, String what, Boolean absent) throws VoSpaceDocumentException {
        if (value == null) {
            return absent;
        }
        switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "1":
                return Boolean.TRUE;
            case "false", "0":
                return Boolean.FALSE;
            default:
                throw new VoSpaceDocumentException(what + " is '" + value.strip() + "'; use true or false");
        }
    }

    private static String directionNames() {
        return String.join(", ", TransferDocument.PUSH_TO_VOSPACE, TransferDocument.PULL_FROM_VOSPACE,
                TransferDocument.PULL_TO_VOSPACE, TransferDocument.PUSH_FROM_VOSPACE);
    }

    static long utf8Length(String s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n += 1;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }
}
