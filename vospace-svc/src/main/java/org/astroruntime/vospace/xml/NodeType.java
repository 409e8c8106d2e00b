package org.astroruntime.vospace.xml;

import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The VOSpace node types, named as they appear in {@code xsi:type}. */
public enum NodeType {
    CONTAINER("ContainerNode"),
    DATA("DataNode"),
    UNSTRUCTURED_DATA("UnstructuredDataNode"),
    STRUCTURED_DATA("StructuredDataNode"),
    LINK("LinkNode");

    private final String localName;

    NodeType(String localName) {
        this.localName = localName;
    }

    /** The type with the conventional prefix, e.g. {@code vos:DataNode}. */
    public String xsiType() {
        return VoSpaceXml.PREFIX + ":" + localName;
    }

    /** The type without prefix, e.g. {@code DataNode}; the JSON form. */
    public String localName() {
        return localName;
    }

    /** True for DataNode and its structured and unstructured variants, which carry {@code busy}. */
    public boolean isData() {
        return this == DATA || this == UNSTRUCTURED_DATA || this == STRUCTURED_DATA;
    }

    /**
     * The type named by an {@code xsi:type} value outside any document: the prefix {@code vos} and a missing prefix
     * are both taken to mean the VOSpace namespace. Inside a document use
     * {@link #fromXsiType(String, Function)} so that whatever prefix the document binds is honoured.
     */
    public static NodeType fromXsiType(String xsiType) throws VoSpaceDocumentException {
        return fromXsiType(xsiType, prefix -> prefix == null || prefix.equals(VoSpaceXml.PREFIX)
                ? VoSpaceXml.NAMESPACE : null);
    }

    /**
     * The type named by an {@code xsi:type} QName value, resolving its prefix with {@code namespaceOfPrefix}
     * (given null for an unprefixed value; returning null for an unbound prefix).
     *
     * @throws VoSpaceDocumentException when the value does not name a VOSpace node type
     */
    public static NodeType fromXsiType(String xsiType, Function<String, String> namespaceOfPrefix)
            throws VoSpaceDocumentException {
        if (xsiType == null || xsiType.isBlank()) {
            throw new VoSpaceDocumentException("the node has no xsi:type; expected one of " + known());
        }
        String value = xsiType.strip();
        int colon = value.indexOf(':');
        String prefix = colon < 0 ? null : value.substring(0, colon);
        String local = value.substring(colon + 1);
        String namespace = namespaceOfPrefix.apply(prefix);
        // An unprefixed type with no default namespace is a common slip; it can only mean a VOSpace type.
        if (prefix == null && (namespace == null || namespace.isEmpty())) {
            namespace = VoSpaceXml.NAMESPACE;
        }
        if (prefix != null && namespace == null) {
            throw new VoSpaceDocumentException("xsi:type '" + value + "' uses the prefix '" + prefix
                    + "', which is not declared in the document");
        }
        if (VoSpaceXml.NAMESPACE.equals(namespace)) {
            for (NodeType type : values()) {
                if (type.localName.equals(local)) {
                    return type;
                }
            }
        }
        throw new VoSpaceDocumentException("unknown node type xsi:type='" + value + "'"
                + (VoSpaceXml.NAMESPACE.equals(namespace) ? "" : " (its namespace is '" + namespace + "')")
                + "; expected one of " + known() + " with the prefix bound to " + VoSpaceXml.NAMESPACE);
    }

    private static String known() {
        return Arrays.stream(values()).map(NodeType::xsiType).collect(Collectors.joining(", "));
    }
}
