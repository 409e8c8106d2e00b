package org.astroruntime.common.event;

/** A message body that is not valid JSON for its record, or misses a required field; it goes to dead letter. */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
