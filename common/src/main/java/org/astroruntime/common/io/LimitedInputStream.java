package org.astroruntime.common.io;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the bytes a reader (typically an XML parser) pulls from a stream and fails the read that passes a limit,
 * so that one document from outside cannot fill the heap.
 *
 * <p>Closing it leaves the underlying stream open: whoever opened that stream closes it (a parser that closes its
 * input early would otherwise surprise them).
 */
public final class LimitedInputStream extends FilterInputStream {

    private final long limit;
    private long count;
    private boolean exceeded;

    /** Wraps {@code in}, allowing at most {@code limit} bytes. */
    public LimitedInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    /** Whether a read failed because the limit was passed (so a parse error can be reported as "too large"). */
    public boolean exceeded() {
        return exceeded;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            add(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            add(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        add(skipped);
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public void close() {
        // See the class comment: the opener closes the underlying stream.
    }

    private void add(long n) throws IOException {
        count += n;
        if (count > limit) {
            exceeded = true;
            throw new IOException("more than " + limit + " bytes");
        }
    }
}
