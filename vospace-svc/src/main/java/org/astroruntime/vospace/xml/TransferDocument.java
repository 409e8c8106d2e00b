package org.astroruntime.vospace.xml;

import java.util.List;
import java.util.Objects;

/**
 * A VOSpace transfer request or response ({@code vos:transfer}).
 *
 * @param target the {@code vos://} URI of the node the transfer is about
 * @param direction one of the four direction names, or a {@code vos://} URI for a move or copy
 * @param view the view URI, or null
 * @param protocols the protocols in document order, never null
 * @param keepBytes for a move or copy, false to move and true to copy; null when absent
 */
public record TransferDocument(String target, String direction, String view, List<TransferProtocol> protocols,
        Boolean keepBytes) {

    /** Client uploads to the service. */
    public static final String PUSH_TO_VOSPACE = "pushToVoSpace";
    /** Client downloads from the service. */
    public static final String PULL_FROM_VOSPACE = "pullFromVoSpace";
    /** Service fetches from elsewhere. */
    public static final String PULL_TO_VOSPACE = "pullToVoSpace";
    /** Service sends elsewhere. */
    public static final String PUSH_FROM_VOSPACE = "pushFromVoSpace";

    /** Plain HTTP GET. */
    public static final String PROTOCOL_HTTP_GET = "ivo://ivoa.net/vospace/core#httpget";
    /** Plain HTTP PUT. */
    public static final String PROTOCOL_HTTP_PUT = "ivo://ivoa.net/vospace/core#httpput";
    /** HTTPS GET. */
    public static final String PROTOCOL_HTTPS_GET = "ivo://ivoa.net/vospace/core#httpsget";
    /** HTTPS PUT. */
    public static final String PROTOCOL_HTTPS_PUT = "ivo://ivoa.net/vospace/core#httpsput";

    /** The default view: the bytes as stored. */
    public static final String VIEW_DEFAULT = "ivo://ivoa.net/vospace/core#defaultview";

    /** The protocol version the writer declares. */
    public static final String VERSION = "2.1";

    public TransferDocument {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(direction, "direction");
        protocols = protocols == null ? List.of() : List.copyOf(protocols);
    }

    /** True when the direction is a node URI, i.e. this is a move or copy inside the service. */
    public boolean isMoveOrCopy() {
        return isNodeUri(direction);
    }

    static boolean isNodeUri(String s) {
        return s.regionMatches(true, 0, "vos://", 0, 6);
    }

    static boolean isDirectionName(String s) {
        return s.equals(PUSH_TO_VOSPACE) || s.equals(PULL_FROM_VOSPACE) || s.equals(PULL_TO_VOSPACE)
                || s.equals(PUSH_FROM_VOSPACE);
    }
}
