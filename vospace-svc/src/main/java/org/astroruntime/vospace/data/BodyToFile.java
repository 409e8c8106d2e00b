package org.astroruntime.vospace.data;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.Executor;
import org.astroruntime.vospace.store.UploadFailedException;
import org.astroruntime.vospace.store.UploadRefusedException;

/**
 * Streams an HTTP request body into a file in three overlapping stages: the event loop reads the body and gathers
 * it into 1 MiB blocks, one ordered task queue computes the MD5 of each block, and another writes the blocks to disk
 * ({@link BlockFile}) and syncs at the end. The request pauses while {@value #BLOCKS_IN_FLIGHT} blocks are waiting
 * (back-pressure), so memory stays bounded whatever the size, and no stage waits for another's CPU work.
 */
final class BodyToFile {

    /**
     * What arrived.
     *
     * @param length bytes written
     * @param md5Hex their MD5
     */
    record Received(long length, String md5Hex) {
    }

    /** Blocks that may wait for hashing and the disk before the request is paused. */
    private static final int BLOCKS_IN_FLIGHT = 8;

    private final Context eventLoop;
    private final UploadBlocks blocks;
    private final HttpServerRequest request;
    private final Path file;
    private final long maxBytes;
    private final String what;
    private final UniEmitter<? super Received> emitter;
    private final OrderedTasks hashing;
    private final OrderedTasks disk;

    // Event-loop state.
    private long length;
    private boolean finished;
    private boolean paused;
    private int blocksInFlight;
    private ByteBuffer block;

    // Touched by the hashing tasks only.
    private final MessageDigest md5 = md5();

    // Touched by the disk tasks only.
    private BlockFile out;
    private IOException writeFailure;

    private BodyToFile(Context eventLoop, Executor workers, UploadBlocks blocks, HttpServerRequest request, Path file,
                       long maxBytes, String what, UniEmitter<? super Received> emitter) {
        this.eventLoop = eventLoop;
        this.blocks = blocks;
        this.request = request;
        this.file = file;
        this.maxBytes = maxBytes;
        this.what = what;
        this.emitter = emitter;
        this.hashing = new OrderedTasks(workers);
        this.disk = new OrderedTasks(workers);
    }

    /**
     * Completes when the whole body is durably in {@code file}; fails with the reason otherwise (the file may then
     * hold part of the body and is the caller's to delete). Must be called on the request's event loop.
     *
     * @param workers runs the hashing and the file work; each upload's tasks of one kind run one at a time, in order
     */
    static Uni<Received> receive(Context eventLoop, Executor workers, UploadBlocks blocks, HttpServerRequest request,
                                 Path file, long maxBytes, String what) {
        return Uni.createFrom().emitter(emitter ->
                new BodyToFile(eventLoop, workers, blocks, request, file, maxBytes, what, emitter).start());
    }

    private void start() {
        if (request.response().closed()) {
            // The client went away while the upload was being prepared: no handler would ever fire.
            emitter.fail(new UploadFailedException("upload of " + what + " broke off before its bytes were read", null));
            return;
        }
        disk.submit(this::open);
        block = blocks.take();
        if ("100-continue".equalsIgnoreCase(request.getHeader("Expect"))) {
            // The checks have passed, so the client may send the body now (curl would otherwise wait a second for
            // this before sending anything). A refused upload is answered without it, before a byte is sent.
            request.response().writeContinue();
        }
        request.handler(this::chunk);
        request.exceptionHandler(e -> fail(new UploadFailedException("upload of " + what + " broke off after " + length
                + " bytes: " + e.getMessage(), e)));
        request.endHandler(v -> {
            if (!finished) {
                send(true);
            }
        });
        request.resume();
    }

    private void chunk(Buffer chunk) {
        if (finished) {
            return;
        }
        length += chunk.length();
        if (length > maxBytes) {
            fail(new UploadRefusedException(UploadRefusedException.Reason.QUOTA_EXCEEDED,
                    "the upload of " + what + " goes past the owner's quota (" + maxBytes + " bytes left)"));
            return;
        }
        ByteBuffer bytes = chunk.getByteBuf().nioBuffer();
        while (bytes.hasRemaining()) {
            int n = Math.min(bytes.remaining(), block.remaining());
            block.put(bytes.slice(bytes.position(), n));
            bytes.position(bytes.position() + n);
            if (!block.hasRemaining()) {
                send(false);
            }
        }
    }

    /** Passes the gathered block on to hashing, then to the disk; the last one also syncs and closes the file. */
    private void send(boolean last) {
        ByteBuffer full = block;
        block = last ? null : blocks.take();
        blocksInFlight++;
        hashing.submit(() -> {
            md5.update(full.duplicate().flip());
            String md5Hex = last ? HexFormat.of().formatHex(md5.digest()) : null;
            disk.submit(() -> {
                write(full, last);
                IOException failure = writeFailure;
                eventLoop.runOnContext(v -> written(full, last, md5Hex, failure));
            });
        });
        if (!last && blocksInFlight >= BLOCKS_IN_FLIGHT && !paused) {
            paused = true;
            request.pause();
        }
    }

    private void written(ByteBuffer done, boolean last, String md5Hex, IOException failure) {
        blocksInFlight--;
        blocks.give(done);
        if (finished) {
            return;
        }
        if (failure != null) {
            fail(new UploadFailedException("the bytes of " + what + " could not be stored: " + failure.getMessage(), failure));
        } else if (last) {
            finished = true;
            emitter.complete(new Received(length, md5Hex));
        } else if (paused && blocksInFlight < BLOCKS_IN_FLIGHT) {
            paused = false;
            request.resume();
        }
    }

    private void fail(Exception reason) {
        if (finished) {
            return;
        }
        finished = true;
        if (block != null) {
            blocks.give(block);
            block = null;
        }
        disk.submit(this::closeQuietly);
        emitter.fail(reason);
    }

    // ---- disk side: run by the ordered disk tasks

    private void open() {
        try {
            out = BlockFile.create(file);
        } catch (IOException e) {
            writeFailure = e;
        }
    }

    private void write(ByteBuffer full, boolean last) {
        if (writeFailure != null || out == null) {
            return;
        }
        try {
            out.write(full);
            if (last) {
                out.finish();
                out.close();
            }
        } catch (IOException e) {
            writeFailure = e;
            closeQuietly();
        }
    }

    private void closeQuietly() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                // the upload has failed already; the caller deletes the file
            }
        }
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
