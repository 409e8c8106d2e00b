package org.astroruntime.common.error;

/**
 * The JSON body of every 4xx/5xx answer of the suite's REST APIs.
 *
 * @param error     a stable, machine-readable code, e.g. {@code InvalidParameter}, {@code NotFound}
 * @param message   what went wrong, for a human
 * @param parameter the request parameter at fault, or null
 */
public record ErrorBody(String error, String message, String parameter) {

    public static ErrorBody of(String error, String message) {
        return new ErrorBody(error, message, null);
    }
}
