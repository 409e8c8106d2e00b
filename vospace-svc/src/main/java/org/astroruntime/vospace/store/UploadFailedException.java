package org.astroruntime.vospace.store;

/** An upload that did not complete (the client went away, or the disk failed); nothing of it was kept. */
public class UploadFailedException extends Exception {

    public UploadFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
