package org.astroruntime.registry.ingest;

/** An ingest run that cannot go on; none of its changes are kept. */
public class IngestFailedException extends Exception {

    public IngestFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
