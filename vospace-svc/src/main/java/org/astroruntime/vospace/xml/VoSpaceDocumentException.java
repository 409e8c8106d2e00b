package org.astroruntime.vospace.xml;

/**
 * A VOSpace document (node or transfer) that cannot be accepted. The message says what is wrong in terms the
 * sender can fix, and is meant to be passed back to the client as is.
 */
public class VoSpaceDocumentException extends Exception {

    private static final long serialVersionUID = 1L;

    /** A refusal with a message for the sender. */
    public VoSpaceDocumentException(String message) {
        super(message);
    }

    /** A refusal with a message for the sender and the parser error behind it. */
    public VoSpaceDocumentException(String message, Throwable cause) {
        super(message, cause);
    }
}
