package org.astroruntime.common.id;

/** An {@code ivo://} identifier, {@code vos://} URI or {@code #path} that does not parse; the message says why. */
public class InvalidIdentifierException extends IllegalArgumentException {

    public InvalidIdentifierException(String message) {
        super(message);
    }
}
