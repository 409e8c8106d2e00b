package org.astroruntime.query.result;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * A bounded hand-over of bytes from one thread to another, in 64 KiB chunks: the writer blocks when the reader
 * falls {@value #CHUNKS} chunks behind, so memory stays flat however large the stream. Unlike the JDK's piped
 * streams it never sleeps a second to notice the other side, and {@link #fail(IOException)} ends both sides at
 * once with that error: this is how an upload fed by the pipe is cut short so that the receiver discards it.
 */
final class BytePipe {

    static final int CHUNK = 64 * 1024;
    static final int CHUNKS = 16;
    private static final byte[] END = new byte[0];

    private final HandOver<byte[]> chunks = new HandOver<>(CHUNKS);

    /** The writing side; its {@code close()} ends the stream normally. */
    OutputStream sink() {
        return new OutputStream() {
            private byte[] buffer = new byte[CHUNK];
            private int filled;
            private boolean closed;

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                checkOpen();
                while (len > 0) {
                    int n = Math.min(len, CHUNK - filled);
                    System.arraycopy(b, off, buffer, filled, n);
                    filled += n;
                    off += n;
                    len -= n;
                    if (filled == CHUNK) {
                        chunks.put(buffer);
                        buffer = new byte[CHUNK];
                        filled = 0;
                    }
                }
            }

            @Override
            public void flush() throws IOException {
                checkOpen();
                if (filled > 0) {
                    chunks.put(Arrays.copyOf(buffer, filled));
                    filled = 0;
                }
            }

            @Override
            public void close() throws IOException {
                if (!closed) {
                    flush();
                    closed = true;
                    chunks.put(END);
                }
            }

            private void checkOpen() throws IOException {
                if (closed) {
                    throw new IOException("the pipe is closed");
                }
            }
        };
    }

    /** The reading side; it throws the pipe's failure, if any, instead of returning data or the end. */
    InputStream source() {
        return new InputStream() {
            private byte[] current = new byte[0];
            private int position;
            private boolean ended;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (len == 0) {
                    return 0;
                }
                while (position == current.length) {
                    if (ended) {
                        return -1;
                    }
                    byte[] next = chunks.take();
                    if (next == END) {
                        ended = true;
                    } else {
                        current = next;
                        position = 0;
                    }
                }
                int n = Math.min(len, current.length - position);
                System.arraycopy(current, position, b, off, n);
                position += n;
                return n;
            }
        };
    }

    /** Ends both sides with {@code cause}: the reader gets it instead of the rest, the writer on its next write. */
    void fail(IOException cause) {
        chunks.fail(cause);
    }
}
