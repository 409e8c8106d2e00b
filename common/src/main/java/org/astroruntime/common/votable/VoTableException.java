package org.astroruntime.common.votable;

/** The input is not a readable VOTable: not XML, not a VOTABLE document, truncated, or malformed inside. */
public class VoTableException extends Exception {

    public VoTableException(String message, Throwable cause) {
        super(message, cause);
    }
}
