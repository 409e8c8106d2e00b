package org.astroruntime.vospace.nodes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.astroruntime.vospace.xml.NodeProperty;

/**
 * The VOSpace core properties ({@code ivo://ivoa.net/vospace/core#...}): which the service maintains (read-only to
 * clients) and how they are derived from the catalogue, merged with the node's stored properties.
 */
public final class CoreProperties {

    public static final String PREFIX = "ivo://ivoa.net/vospace/core#";
    public static final String LENGTH = PREFIX + "length";
    public static final String MD5 = PREFIX + "MD5";
    public static final String DATE = PREFIX + "date";
    public static final String CTIME = PREFIX + "ctime";
    public static final String MTIME = PREFIX + "mtime";
    public static final String TYPE = PREFIX + "type";
    public static final String CREATOR = PREFIX + "creator";
    public static final String IS_PUBLIC = PREFIX + "ispublic";

    /** Maintained by the service; a client that sets one is refused. */
    public static final Set<String> READ_ONLY = Set.of(LENGTH, MD5, DATE, CTIME, MTIME, CREATOR);

    /** The node's properties: derived ones first, then the stored ones. */
    public static List<NodeProperty> of(NodeRecord node, Map<String, String> stored) {
        List<NodeProperty> props = new ArrayList<>();
        if (node.type().isData()) {
            props.add(new NodeProperty(LENGTH, Long.toString(node.length()), true, false));
            if (node.md5() != null) {
                props.add(new NodeProperty(MD5, node.md5(), true, false));
            }
            if (node.contentType() != null) {
                props.add(new NodeProperty(TYPE, node.contentType(), false, false));
            }
        }
        props.add(new NodeProperty(DATE, node.modified().toString(), true, false));
        props.add(new NodeProperty(CTIME, node.created().toString(), true, false));
        props.add(new NodeProperty(MTIME, node.modified().toString(), true, false));
        props.add(new NodeProperty(CREATOR, node.creator(), true, false));
        props.add(new NodeProperty(IS_PUBLIC, Boolean.toString(node.isPublic()), false, false));
        stored.forEach((uri, value) -> props.add(new NodeProperty(uri, value, false, false)));
        return props;
    }

    private CoreProperties() {
    }
}
