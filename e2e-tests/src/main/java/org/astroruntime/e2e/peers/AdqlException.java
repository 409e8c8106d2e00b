package org.astroruntime.e2e.peers;

/** A query outside the supported ADQL subset, malformed, or referring to unknown tables or columns. */
public class AdqlException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public AdqlException(String message) {
        super(message);
    }
}
