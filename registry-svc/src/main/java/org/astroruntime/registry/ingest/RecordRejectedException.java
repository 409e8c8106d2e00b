package org.astroruntime.registry.ingest;

/** A VOResource record that cannot be ingested; the message says why, for the ingest report. */
public class RecordRejectedException extends Exception {

    public RecordRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
