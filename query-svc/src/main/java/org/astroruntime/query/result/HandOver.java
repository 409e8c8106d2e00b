package org.astroruntime.query.result;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A bounded queue between a producing and a consuming thread that either side can end with an error: after
 * {@link #fail(IOException)}, a waiting or later {@code put} or {@code take} throws it (within 50 ms for a waiting
 * one), so neither side is left blocked when the other gives up.
 */
final class HandOver<T> {

    private final BlockingQueue<T> items;
    private volatile IOException failure;

    HandOver(int capacity) {
        items = new ArrayBlockingQueue<>(capacity);
    }

    void put(T item) throws IOException {
        try {
            while (!items.offer(item, 50, TimeUnit.MILLISECONDS)) {
                throwIfFailed();
            }
            throwIfFailed();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while handing over");
        }
    }

    T take() throws IOException {
        try {
            while (true) {
                throwIfFailed();
                T item = items.poll(50, TimeUnit.MILLISECONDS);
                if (item != null) {
                    throwIfFailed(); // an item put after the failure is not delivered
                    return item;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting");
        }
    }

    /** Ends both sides with {@code cause}. */
    void fail(IOException cause) {
        failure = cause;
        items.clear(); // makes room for a waiting producer, which then sees the failure
    }

    void throwIfFailed() throws IOException {
        IOException f = failure;
        if (f != null) {
            throw new IOException(f.getMessage(), f);
        }
    }
}
