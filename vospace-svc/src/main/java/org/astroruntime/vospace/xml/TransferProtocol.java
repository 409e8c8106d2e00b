package org.astroruntime.vospace.xml;

import java.util.Objects;

/**
 * A transfer protocol: in a request only its URI, in a response also the endpoint to use.
 *
 * @param uri the protocol URI, e.g. {@link TransferDocument#PROTOCOL_HTTP_PUT}
 * @param endpoint the URL to transfer the bytes through, or null
 */
public record TransferProtocol(String uri, String endpoint) {

    public TransferProtocol {
        Objects.requireNonNull(uri, "uri");
    }
}
