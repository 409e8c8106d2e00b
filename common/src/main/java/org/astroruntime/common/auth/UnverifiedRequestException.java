package org.astroruntime.common.auth;

/** A request from a topic whose token is missing, invalid, expired, or names a different owner. */
public class UnverifiedRequestException extends Exception {

    public UnverifiedRequestException(String message, Throwable cause) {
        super(message, cause);
    }
}
