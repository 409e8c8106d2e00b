package org.astroruntime.query.result;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.astroruntime.common.id.VosUri;
import org.astroruntime.query.remote.RemoteQueryException;
import org.astroruntime.query.storage.StoredResult;
import org.astroruntime.query.storage.VoSpaceClient;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.TableSink;

/**
 * A result stored in VOSpace while the service's answer is still being read: the checker hands over the answer's
 * bytes ({@link #raw()}) or its decoded rows ({@link #rows()}, converted by STIL on a thread of their own). A
 * result that stays under {@value #STREAM_THRESHOLD} bytes is held in memory and sent as one PUT at
 * {@link #commit()}; a larger one flows through a {@link BytePipe} into one streamed (chunked) upload, whose end
 * is held back until {@link #commit()}, after the whole answer has been checked. {@link #close()} without a commit
 * cuts the upload short, and vospace-svc discards a cut upload, so a failed or refused answer leaves nothing
 * behind.
 *
 * <p>Optionally the stored bytes are also copied to a local file (for the shared cache) and the answer's own bytes
 * to another (to read the datasets an image query lists).
 */
public final class ResultUpload implements AutoCloseable {

    private final ResultFormat format;
    private final BytePipe pipe = new BytePipe();
    private final OutputStream stored;
    private final OutputStream raw;
    private final RowBatchPipe rows;
    /** Results up to this size are sent as one fixed-length PUT at commit; larger ones stream from this point. */
    static final int STREAM_THRESHOLD = 1 << 20;

    private final ExecutorService threads;
    private final VoSpaceClient vospace;
    private final VosUri node;
    private final String ownerToken;
    private volatile Future<StoredResult> upload;
    private final Future<?> conversion;
    private final List<Path> copies = new ArrayList<>();
    private boolean committed;
    private boolean abandoned;

    /**
     * Starts the upload of {@code node}.
     *
     * @param storedCopy a file to receive the stored bytes as well, or null
     * @param answerCopy a file to receive the service's answer as well, or null
     */
    ResultUpload(VoSpaceClient vospace, ExecutorService threads, VosUri node, ResultFormat format, String ownerToken,
                 Path storedCopy, Path answerCopy) throws IOException {
        if (!format.streamable()) {
            throw new IllegalArgumentException(format + " cannot be streamed");
        }
        this.format = format;
        this.threads = threads;
        this.vospace = vospace;
        this.node = node;
        this.ownerToken = ownerToken;
        OutputStream toVoSpace = new HeldUntilLarge();
        this.stored = storedCopy == null ? toVoSpace : new Tee(toVoSpace, open(storedCopy));
        OutputStream answer = answerCopy == null ? OutputStream.nullOutputStream() : open(answerCopy);
        if (format == ResultFormat.ORIGINAL) {
            this.raw = answerCopy == null ? stored : new Tee(stored, answer);
            this.rows = null;
            this.conversion = null;
        } else {
            this.raw = answer;
            this.rows = new RowBatchPipe();
            this.conversion = threads.submit(this::convert);
        }
    }

    /**
     * Starts streaming {@code head} and what follows through the pipe. If the upload fails (vospace-svc refuses it
     * or is down), the pipe fails too, so that the checker writing into it stops instead of waiting for a reader
     * that is gone.
     */
    private synchronized boolean startStreaming() {
        if (upload != null || abandoned) {
            return false;
        }
        upload = threads.submit(() -> {
            try {
                return vospace.upload(node, pipe.source(), -1, format.mediaType(), ownerToken);
            } catch (RemoteQueryException | RuntimeException e) {
                pipe.fail(new IOException("storing the result failed: " + e.getMessage(), e));
                throw e;
            }
        });
        return true;
    }

    /** A result that stayed small goes as one PUT with its length: no chunking, no pipe, one round trip. */
    private synchronized void uploadWhole(byte[] bytes, int length) {
        if (upload == null && !abandoned) {
            upload = threads.submit(() -> vospace.upload(node, new java.io.ByteArrayInputStream(bytes, 0, length),
                    length, format.mediaType(), ownerToken));
        }
    }

    private OutputStream open(Path file) throws IOException {
        copies.add(file);
        return new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
    }

    /** Writes the rows as they arrive; the stream is flushed but not ended (see {@link #commit()}). */
    private Void convert() throws IOException {
        StarTable table = rows.waitForStarTable();
        ResultConverter.writer(format).writeStarTable(table, new Unclosable(stored));
        stored.flush();
        return null;
    }

    /** Where the checker copies the answer's bytes. */
    public OutputStream raw() {
        return raw;
    }

    /** Where the checker hands the first table's rows, or null when the answer is stored as it came. */
    public TableSink rows() {
        return rows;
    }

    /**
     * Ends the upload normally once the answer has passed its checks, and waits for vospace-svc to store it.
     *
     * @throws RemoteQueryException when the conversion or the upload failed
     */
    public StoredResult commit() throws RemoteQueryException {
        try {
            if (conversion != null) {
                conversion.get();
            }
            raw.flush();
            stored.close(); // ends a streamed upload, or sends a small result whole
            if (raw != stored) {
                raw.close();
            }
            StoredResult result = upload.get();
            committed = true;
            return result;
        } catch (ExecutionException e) {
            throw failure(e.getCause());
        } catch (IOException e) {
            throw failure(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RemoteQueryException("the query was aborted while storing its result", e);
        }
    }

    /**
     * The reason the upload or the conversion failed, if it has (e.g. vospace-svc refused the upload for quota),
     * else {@code otherwise}: when reading the answer fails because the upload broke, the upload is what to report.
     */
    public RemoteQueryException failureOr(RemoteQueryException otherwise) {
        for (Future<?> side : new Future<?>[] {upload, conversion}) { // upload is null until the first byte
            if (side != null && side.isDone() && !side.isCancelled()) {
                try {
                    side.get();
                } catch (ExecutionException e) {
                    return failure(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        return otherwise;
    }

    private RemoteQueryException failure(Throwable cause) {
        if (cause instanceof RemoteQueryException r) {
            return r;
        }
        return new RemoteQueryException("the result could not be converted to " + format.apiName() + " and stored: "
                + cause.getMessage(), cause);
    }

    /** Without a commit: cuts the upload short (vospace-svc discards it) and deletes the local copies. */
    @Override
    public void close() {
        if (committed) {
            return;
        }
        synchronized (this) {
            abandoned = true; // closing the streams below must not send what is held
        }
        IOException refused = new IOException("the answer was refused; the upload is abandoned");
        pipe.fail(refused);
        if (rows != null) {
            rows.setError(refused);
        }
        // Interrupting the upload's thread cancels its HTTP exchange, whatever the client makes of the failed body.
        for (Future<?> side : new Future<?>[] {conversion, upload}) {
            if (side != null) {
                side.cancel(true);
            }
        }
        for (OutputStream s : new OutputStream[] {stored, raw}) {
            try {
                s.close();
            } catch (IOException ignored) {
                // the pipe is failed; closing the local copies is all that matters here
            }
        }
        for (Path copy : copies) {
            try {
                Files.deleteIfExists(copy);
            } catch (IOException ignored) {
                // work files are swept with the work directory
            }
        }
    }

    /** Writes to two streams. */
    private static final class Tee extends OutputStream {
        private final OutputStream first;
        private final OutputStream second;

        Tee(OutputStream first, OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) throws IOException {
            first.write(b);
            second.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            first.write(b, off, len);
            second.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            first.flush();
            second.flush();
        }

        @Override
        public void close() throws IOException {
            try {
                first.close();
            } finally {
                second.close();
            }
        }
    }

    /**
     * Holds the stored bytes in memory until they pass {@link #STREAM_THRESHOLD}, then streams them through the
     * pipe; closing it while still holding them uploads them whole. Either way nothing reaches vospace-svc before
     * the service has answered, so a service that cannot be reached costs vospace-svc nothing.
     */
    private final class HeldUntilLarge extends OutputStream {
        private java.io.ByteArrayOutputStream held = new java.io.ByteArrayOutputStream(8192);
        private OutputStream streaming;

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (streaming != null) {
                streaming.write(b, off, len);
                return;
            }
            held.write(b, off, len);
            if (held.size() >= STREAM_THRESHOLD && startStreaming()) {
                streaming = pipe.sink();
                held.writeTo(streaming);
                held = null;
            }
        }

        @Override
        public void flush() throws IOException {
            if (streaming != null) {
                streaming.flush();
            }
        }

        @Override
        public void close() throws IOException {
            if (streaming != null) {
                streaming.close();
            } else if (held != null) {
                uploadWhole(held.toByteArray(), held.size());
                held = null;
            }
        }
    }

    /** STIL's writers close the stream they are given; the end of the upload is {@link #commit()}'s to decide. */
    private static final class Unclosable extends java.io.FilterOutputStream {
        Unclosable(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
