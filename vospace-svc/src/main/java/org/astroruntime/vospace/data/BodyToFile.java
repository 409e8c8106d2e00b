package org.astroruntime.vospace.data;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.AsyncFile;
import io.vertx.core.file.OpenOptions;
import io.vertx.core.http.HttpServerRequest;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.astroruntime.vospace.store.UploadFailedException;
import org.astroruntime.vospace.store.UploadRefusedException;

/**
 * Streams an HTTP request body into a file on the event loop, with back-pressure (the request pauses while the
 * file's write queue is full), computing the MD5 and enforcing a byte limit on the way. This avoids the thread
 * hand-off per chunk of a blocking {@code InputStream}, which made uploads an order of magnitude slower than the disk.
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

    /** Bytes gathered before each file write. */
    private static final int WRITE_SIZE = 1 << 20;

    private BodyToFile() {
    }

    /** Completes when the whole body is in {@code file}; fails with the reason otherwise (the file is then partial). */
    static Uni<Received> receive(Vertx vertx, HttpServerRequest request, Path file, long maxBytes, String what) {
        return Uni.createFrom().emitter(emitter -> vertx.fileSystem().open(file.toString(),
                new OpenOptions().setWrite(true).setCreateNew(true), opened -> {
                    if (opened.failed()) {
                        emitter.fail(opened.cause());
                        return;
                    }
                    AsyncFile out = opened.result();
                    if (request.response().closed()) {
                        // The client went away while the upload was being prepared: no handler would ever fire.
                        out.close();
                        emitter.fail(new UploadFailedException("upload of " + what + " broke off before its bytes were read",
                                null));
                        return;
                    }
                    MessageDigest md5 = md5();
                    long[] length = {0};
                    boolean[] done = {false};
                    // HTTP chunks are small (8 KiB); gathering them into large writes cuts the file writes ~100-fold.
                    Buffer[] pending = {Buffer.buffer(WRITE_SIZE)};
                    request.handler((Buffer chunk) -> {
                        if (done[0]) {
                            return;
                        }
                        length[0] += chunk.length();
                        if (length[0] > maxBytes) {
                            done[0] = true;
                            out.close();
                            emitter.fail(new UploadRefusedException(UploadRefusedException.Reason.QUOTA_EXCEEDED,
                                    "the upload of " + what + " goes past the owner's quota (" + maxBytes + " bytes left)"));
                            return;
                        }
                        md5.update(chunk.getByteBuf().nioBuffer());
                        pending[0].appendBuffer(chunk);
                        if (pending[0].length() < WRITE_SIZE) {
                            return;
                        }
                        out.write(pending[0]);
                        pending[0] = Buffer.buffer(WRITE_SIZE);
                        if (out.writeQueueFull()) {
                            request.pause();
                            out.drainHandler(v -> request.resume());
                        }
                    });
                    request.exceptionHandler(e -> {
                        if (!done[0]) {
                            done[0] = true;
                            out.close();
                            emitter.fail(new UploadFailedException("upload of " + what + " broke off after " + length[0]
                                    + " bytes: " + e.getMessage(), e));
                        }
                    });
                    request.endHandler(v -> {
                        if (done[0]) {
                            return;
                        }
                        done[0] = true;
                        if (pending[0].length() > 0) {
                            out.write(pending[0]);
                        }
                        out.close(closed -> {
                            if (closed.failed()) {
                                emitter.fail(closed.cause());
                            } else {
                                emitter.complete(new Received(length[0], HexFormat.of().formatHex(md5.digest())));
                            }
                        });
                    });
                    request.resume();
                }));
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
