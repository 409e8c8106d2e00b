package org.astroruntime.query.remote;

import jakarta.enterprise.context.ApplicationScoped;
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
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import jakarta.annotation.PreDestroy;
import org.astroruntime.query.protocol.FormEncoding;
import org.astroruntime.query.protocol.RemoteRequest;
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

    public VoTableFetcher(HttpClient http, @ConfigProperty(name = "query.remote.timeout") Duration timeout) {
        this.http = http;
        this.timeout = timeout;
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
        URI url = remote.url();
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new RemoteQueryException("only http and https services can be queried, not '" + url.getScheme() + "'");
        }
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
                if (response.statusCode() != 200) {
                    throw new RemoteQueryException("the service at " + url.getHost() + " answered HTTP "
                            + response.statusCode() + " instead of a VOTable");
                }
                VoTableReport report;
                try (OutputStream out = Files.newOutputStream(workFile)) {
                    report = checker.copyAndCheck(body, out);
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
            throw new RemoteQueryException("cannot connect to the service at " + url.getHost() + ":" + port(url)
                    + " (connection refused or unreachable)", e);
        } catch (IOException e) {
            throw deadline.expired() ? timedOut(url)
                    : new RemoteQueryException("reading from the service at " + url.getHost() + " failed: " + e, e);
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

    private RemoteQueryException timedOut(URI url) {
        return new RemoteQueryException("the service at " + url.getHost() + " did not send a complete answer within "
                + timeout.toSeconds() + " s");
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
