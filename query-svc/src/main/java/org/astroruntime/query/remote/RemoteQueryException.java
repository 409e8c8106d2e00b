package org.astroruntime.query.remote;

/**
 * A query that failed for a reason outside query-svc (the remote service, the registry, VOSpace); the message is
 * the job's error summary, so it is written for the user.
 */
public class RemoteQueryException extends Exception {

    public RemoteQueryException(String message) {
        super(message);
    }

    public RemoteQueryException(String message, Throwable cause) {
        super(message, cause);
    }
}
