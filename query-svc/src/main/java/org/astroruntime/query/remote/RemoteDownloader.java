package org.astroruntime.query.remote;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.astroruntime.common.io.LimitedInputStream;
import org.astroruntime.common.votable.QueryStatus;
import org.astroruntime.common.votable.VoTableChecker;
import org.astroruntime.common.votable.VoTableException;
import org.astroruntime.common.votable.VoTableReport;
import org.astroruntime.query.protocol.RemoteRequest;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends one request to a remote service under the rules of {@link RemoteHosts} and hands the answer's body, as a
 * stream, to a reader: a VOTable check, or a dataset's way into VOSpace. One deadline covers connecting, waiting
 * and reading the whole body, so a service that sends forever is cut off like one that never answers; the body is
 * capped at {@code query.result.max-bytes}. Every failure becomes a {@link RemoteQueryException} with a message
 * for the user.
 */
@ApplicationScoped
public class RemoteDownloader {

    /** Reads a successful (HTTP 200) answer's body. */
    @FunctionalInterface
    public interface BodyReader<T> {
        /**
         * @param body          the body, capped and under the deadline
         * @param contentLength the length the service announced, or -1
         */
        T read(InputStream body, long contentLength) throws IOException, RemoteQueryException;
    }

    private final HttpClient http;
    private final Duration timeout;
    private final RemoteHosts hosts;
    private final long maxBytes;
    // Closes a response body when its deadline passes: a blocked read on the JDK client's body stream ignores
    // interrupts but ends at once when another thread closes the stream.
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "query-deadline-watchdog");
        t.setDaemon(true);
        return t;
    });

    public RemoteDownloader(HttpClient http, @ConfigProperty(name = "query.remote.timeout") Duration timeout,
                            RemoteHosts hosts, @ConfigProperty(name = "query.result.max-bytes") long maxBytes) {
        this.http = http;
        this.timeout = timeout;
        this.hosts = hosts;
        this.maxBytes = maxBytes;
    }

    /** The deadline of one remote answer ({@code query.remote.timeout}). */
    public Duration timeout() {
        return timeout;
    }

    /**
     * Sends {@code remote} and reads its answer with {@code reader}, retried and guarded per host.
     *
     * @param accept the Accept header
     */
    public <T> T download(RemoteRequest remote, String accept, BodyReader<T> reader) throws RemoteQueryException {
        try {
            return hosts.call(remote.url(), () -> exchange(remote, accept, reader));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RemoteQueryException("the query was aborted", e);
        }
    }

    private <T> T exchange(RemoteRequest remote, String accept, BodyReader<T> reader) throws RemoteQueryException {
        URI url = remote.url();
        Deadline deadline = new Deadline();
        ScheduledFuture<?> alarm = watchdog.schedule(deadline::expire, timeout.toMillis(), TimeUnit.MILLISECONDS);
        try {
            HttpRequest request = remote.applyTo(HttpRequest.newBuilder(url).timeout(timeout)
                    .header("User-Agent", OutboundHttp.USER_AGENT).header("Accept", accept)).build();
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                deadline.watch(body);
                int status = response.statusCode();
                if (status != 200) {
                    String message = "the service at " + url.getHost() + " answered HTTP " + status
                            + errorDocumentMessage(body).map(m -> ": " + m).orElse(" instead of an answer");
                    throw status >= 500
                            ? new RemoteHostException(message, status == 502 || status == 503 || status == 504, null)
                            : new RemoteQueryException(message);
                }
                LimitedInputStream capped = new LimitedInputStream(body, maxBytes);
                try {
                    return reader.read(capped, response.headers().firstValueAsLong("Content-Length").orElse(-1));
                } catch (RemoteQueryException | IOException e) {
                    if (capped.exceeded()) {
                        throw new RemoteQueryException("the answer is larger than the " + maxBytes
                                + "-byte limit on a result (query.result.max-bytes); ask for less", e);
                    }
                    throw e;
                }
            }
        } catch (RemoteHostException e) {
            throw e;
        } catch (RemoteQueryException e) {
            throw deadline.expired() ? timedOut(url) : e;
        } catch (HttpTimeoutException e) {
            throw timedOut(url);
        } catch (ConnectException e) {
            throw new RemoteHostException("cannot connect to the service at " + url.getHost() + ":" + port(url)
                    + " (connection refused or unreachable)", false, e);
        } catch (FileNotFoundException e) {
            throw new IllegalStateException("a file to send vanished: " + e.getMessage(), e);
        } catch (IOException e) {
            throw deadline.expired() ? timedOut(url)
                    : new RemoteHostException("reading from the service at " + url.getHost() + " failed: " + e, false, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RemoteQueryException("the query was aborted", e);
        } finally {
            alarm.cancel(false);
            deadline.finish();
        }
    }

    /**
     * DALI services answer errors with an HTTP error status and a VOTable error document; its message is what the
     * user needs to see. Reads at most 64 KiB of the body.
     */
    private static Optional<String> errorDocumentMessage(InputStream body) {
        try {
            byte[] head = body.readNBytes(64 * 1024);
            VoTableReport report = new VoTableChecker().check(new ByteArrayInputStream(head));
            return Optional.ofNullable(report.status() == QueryStatus.ERROR ? report.message() : null);
        } catch (IOException | VoTableException notAnErrorDocument) {
            return Optional.empty();
        }
    }

    private RemoteQueryException timedOut(URI url) {
        return new RemoteHostException("the service at " + url.getHost() + " did not send a complete answer within "
                + timeout.toSeconds() + " s", false, null);
    }

    private static int port(URI url) {
        return url.getPort() > 0 ? url.getPort() : "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
    }

    @PreDestroy
    void stop() {
        watchdog.shutdownNow();
    }

    /** Closes the watched body once the deadline passes, unless the read finished first. */
    private static final class Deadline {
        private InputStream body;
        private boolean finished;
        private boolean expired;

        synchronized void watch(InputStream stream) {
            body = stream;
            if (expired) {
                closeQuietly(stream);
            }
        }

        synchronized void expire() {
            if (!finished) {
                expired = true;
                closeQuietly(body);
            }
        }

        synchronized boolean expired() {
            return expired;
        }

        synchronized void finish() {
            finished = true;
        }

        private static void closeQuietly(InputStream stream) {
            if (stream == null) {
                return;
            }
            try {
                stream.close();
            } catch (IOException ignored) {
                // closing is how the read is stopped; a failure to close changes nothing for the caller
            }
        }
    }
}
