package org.astroruntime.query.result;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BytePipeTest {

    @Test
    void carriesEveryByteInOrderAcrossThreads() throws Exception {
        byte[] data = new byte[BytePipe.CHUNK * BytePipe.CHUNKS * 3 + 12_345]; // more than the pipe holds
        new Random(7).nextBytes(data);
        BytePipe pipe = new BytePipe();
        CompletableFuture<byte[]> read = CompletableFuture.supplyAsync(() -> {
            try (InputStream in = pipe.source()) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        try (OutputStream out = pipe.sink()) {
            for (int off = 0; off < data.length; off += 1000) {
                out.write(data, off, Math.min(1000, data.length - off));
            }
            out.write(data, 0, 0);
        }
        assertArrayEquals(data, read.get(10, TimeUnit.SECONDS));
    }

    @Test
    void aFailureEndsAWaitingReaderAndABlockedWriter() throws Exception {
        BytePipe pipe = new BytePipe();
        CompletableFuture<Integer> reader = CompletableFuture.supplyAsync(() -> {
            try {
                return pipe.source().read(new byte[10]);
            } catch (IOException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        });
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            try (OutputStream out = pipe.sink()) {
                out.write(new byte[1000]); // less than a chunk: waits in the buffer, the reader gets nothing yet
                Thread.sleep(200);
                pipe.fail(new IOException("refused"));
                out.write(new byte[BytePipe.CHUNK * 2]);
            } catch (IOException e) {
                throw new IllegalStateException(e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        ExecutionException r = assertThrows(ExecutionException.class, () -> reader.get(5, TimeUnit.SECONDS));
        assertTrue(r.getCause().getMessage().contains("refused"), r.toString());
        ExecutionException w = assertThrows(ExecutionException.class, () -> writer.get(5, TimeUnit.SECONDS));
        assertTrue(w.getCause().getMessage().contains("refused"), w.toString());
    }

    @Test
    void aClosedPipeEndsTheStream() throws Exception {
        BytePipe pipe = new BytePipe();
        pipe.sink().close();
        assertEquals(-1, pipe.source().read());
    }
}
