package org.astroruntime.query.registry;

import org.astroruntime.query.remote.RemoteQueryException;

/**
 * The registry does not know the service named, or the service lacks the capability the query needs: the
 * request is wrong, not the network, so a REST caller gets 400 at once rather than a job that fails later.
 */
public class UnknownServiceException extends RemoteQueryException {

    public UnknownServiceException(String message) {
        super(message);
    }
}
