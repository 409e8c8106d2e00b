package org.astroruntime.query.remote;

/**
 * A failure of the remote host itself (unreachable, timed out, HTTP 5xx), as opposed to a well-formed answer that
 * reports an error: these count towards the host's circuit breaker, and the transient ones are retried.
 */
public class RemoteHostException extends RemoteQueryException {

    private final boolean transientFailure;

    public RemoteHostException(String message, boolean transientFailure, Throwable cause) {
        super(message, cause);
        this.transientFailure = transientFailure;
    }

    /** True for failures worth retrying after a pause (HTTP 502, 503, 504). */
    public boolean isTransient() {
        return transientFailure;
    }
}
