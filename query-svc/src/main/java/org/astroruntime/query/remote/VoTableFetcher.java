package org.astroruntime.query.remote;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import jakarta.annotation.PreDestroy;
import org.astroruntime.common.io.LimitedInputStream;
import org.astroruntime.query.protocol.FormEncoding;
import org.astroruntime.query.protocol.RemoteRequest;
import org.astroruntime.common.votable.QueryStatus;
import org.astroruntime.common.votable.VoTableChecker;
import org.astroruntime.common.votable.VoTableException;
import org.astroruntime.common.votable.VoTableReport;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Fetches a VOTable from a remote service with HTTP GET and streams it through the {@link VoTableChecker} into a
 * work file, in one pass and within one deadline that covers connecting, waiting and reading the whole answer (a
 * service that sends forever is cut off like one that never answers).
 */
@ApplicationScoped
public class VoTableFetcher {

    private final HttpClient http;
    private final Duration timeout;
    private final VoTableChecker checker = new VoTableChecker();
    // Closes a response body when its deadline passes: a blocked read on the JDK client's body stream ignores
    // interrupts but ends at once when another thread closes the stream.
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "query-deadline-watchdog");
        t.setDaemon(true);
        return t;
    });

    private final RemoteHosts hosts;
    private final long maxResultBytes;

    public VoTableFetcher(HttpClient http, @ConfigProperty(name = "query.remote.timeout") Duration timeout,
                          RemoteHosts hosts, @ConfigProperty(name = "query.result.max-bytes") long maxResultBytes) {
        this.http = http;
        this.timeout = timeout;
        this.hosts = hosts;
        this.maxResultBytes = maxResultBytes;
    }

    /**
     * Downloads {@code url} into {@code workFile} and checks it.
     *
     * @throws RemoteQueryException with a message for the user when the service cannot be reached, answers with an
     *                              HTTP error, times out, or sends something that is not a complete VOTable; the
     *                              work file is then deleted
     */
    public CheckedDownload fetch(URI url, Path workFile) throws RemoteQueryException {
        return fetch(new RemoteRequest(url, null), workFile);
    }

    /** Sends {@code remote} (a GET, or a form POST) and saves its checked answer into {@code workFile}. */
    public CheckedDownload fetch(RemoteRequest remote, Path workFile) throws RemoteQueryException {
        try {
            return hosts.call(remote.url(), () -> exchange(remote, workFile));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RemoteQueryException("the query was aborted", e);
        }
    }

    private CheckedDownload exchange(RemoteRequest remote, Path workFile) throws RemoteQueryException {
        URI url = remote.url();
        Deadline deadline = new Deadline();
        ScheduledFuture<?> alarm = watchdog.schedule(deadline::expire, timeout.toMillis(), TimeUnit.MILLISECONDS);
        boolean ok = false;
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(url).timeout(timeout)
                    .header("User-Agent", OutboundHttp.USER_AGENT)
                    .header("Accept", "application/x-votable+xml, text/xml;q=0.9, */*;q=0.1");
            HttpRequest request = remote.form() == null ? builder.GET().build()
                    : builder.header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(FormEncoding.encode(remote.form()))).build();
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                deadline.watch(body);
                int status = response.statusCode();
                if (status != 200) {
                    String message = "the service at " + url.getHost() + " answered HTTP " + status
                            + errorDocumentMessage(body).map(m -> ": " + m).orElse(" instead of a VOTable");
                    throw status >= 500
                            ? new RemoteHostException(message, status == 502 || status == 503 || status == 504, null)
                            : new RemoteQueryException(message);
                }
                VoTableReport report;
                LimitedInputStream capped = new LimitedInputStream(body, maxResultBytes);
                try (OutputStream out = Files.newOutputStream(workFile)) {
                    report = checker.copyAndCheck(capped, out);
                } catch (VoTableException | IOException e) {
                    if (capped.exceeded()) {
                        throw new RemoteQueryException("the answer is larger than the " + maxResultBytes
                                + "-byte limit on a result (query.result.max-bytes); ask for fewer rows", e);
                    }
                    throw e;
                }
                ok = true;
                return new CheckedDownload(workFile, report);
            }
        } catch (VoTableException e) {
            throw deadline.expired() ? timedOut(url) : new RemoteQueryException(
                    "the service at " + url.getHost() + " did not answer with a valid VOTable: " + e.getMessage(), e);
        } catch (HttpTimeoutException e) {
            throw timedOut(url);
        } catch (ConnectException e) {
            throw new RemoteHostException("cannot connect to the service at " + url.getHost() + ":" + port(url)
                    + " (connection refused or unreachable)", false, e);
        } catch (IOException e) {
            throw deadline.expired() ? timedOut(url)
                    : new RemoteHostException("reading from the service at " + url.getHost() + " failed: " + e, false, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RemoteQueryException("the query was aborted", e);
        } finally {
            alarm.cancel(false);
            deadline.finish();
            if (!ok) {
                deleteQuietly(workFile);
            }
        }
    }

    /**
     * DALI services answer errors with an HTTP error status and a VOTable error document; its message is what the
     * user needs to see. Reads at most 64 KiB of the body.
     */
    private Optional<String> errorDocumentMessage(InputStream body) {
        try {
            byte[] head = body.readNBytes(64 * 1024);
            VoTableReport report = checker.check(new ByteArrayInputStream(head));
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

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // A leftover work file is swept with the work directory; it is never visible to users.
        }
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
