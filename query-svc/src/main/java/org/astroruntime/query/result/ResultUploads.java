package org.astroruntime.query.result;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.astroruntime.common.id.VosUri;
import org.astroruntime.query.storage.VoSpaceClient;

/** Opens {@link ResultUpload}s; owns the threads that convert rows and feed uploads. */
@ApplicationScoped
public class ResultUploads {

    @Inject
    VoSpaceClient vospace;

    private final AtomicInteger count = new AtomicInteger();
    // Two threads per streamed result (conversion, upload), each mostly waiting for the other side.
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "result-stream-" + count.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    /**
     * Starts storing a result at {@code node} in {@code format} (which must be {@link ResultFormat#streamable()}).
     *
     * @param storedCopy a local file to receive the stored bytes too, or null
     * @param answerCopy a local file to receive the service's answer too, or null
     */
    public ResultUpload open(VosUri node, ResultFormat format, String ownerToken, Path storedCopy, Path answerCopy) {
        try {
            return new ResultUpload(vospace, threads, node, format, ownerToken, storedCopy, answerCopy);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a work file for the result of " + node, e); // a local fault
        }
    }

    @PreDestroy
    void stop() {
        threads.shutdownNow();
    }
}
