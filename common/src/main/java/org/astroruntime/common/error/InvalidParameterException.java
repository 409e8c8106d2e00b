package org.astroruntime.common.error;

/** A request parameter with a bad value; services answer it with HTTP 400 naming the parameter. */
public class InvalidParameterException extends IllegalArgumentException {

    private final String parameter;

    public InvalidParameterException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    /** The parameter at fault, as the client spelled it in the API. */
    public String parameter() {
        return parameter;
    }
}
