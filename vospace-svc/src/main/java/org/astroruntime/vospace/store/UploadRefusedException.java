package org.astroruntime.vospace.store;

/** An upload the store would not keep; nothing of it remains. */
public class UploadRefusedException extends Exception {

    /** Why the bytes were refused. */
    public enum Reason {
        /** The bytes do not match the Content-MD5 the client sent. */
        CHECKSUM_MISMATCH,
        /** The bytes would take the owner past their quota. */
        QUOTA_EXCEEDED,
        /** The container was deleted while the bytes were arriving. */
        CONTAINER_GONE
    }

    private final Reason reason;

    public UploadRefusedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
