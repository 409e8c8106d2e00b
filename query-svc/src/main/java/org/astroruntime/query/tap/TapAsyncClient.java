package org.astroruntime.query.tap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.astroruntime.common.votable.VoTableChecker;
import org.astroruntime.common.votable.VoTableException;
import org.astroruntime.common.votable.VoTableReport;
import org.astroruntime.query.protocol.RemoteRequest;
import org.astroruntime.query.remote.OutboundHttp;
import org.astroruntime.query.remote.RemoteHosts;
import org.astroruntime.query.remote.RemoteQueryException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Runs an ADQL query as a job on a TAP service's asynchronous endpoint (UWS): creates it with {@code PHASE=RUN},
 * follows it with blocking {@code WAIT} polls, fetches the result through the VOTable checker, and in every case
 * deletes the remote job afterwards, so that the archive is not left holding our results. When our job is aborted
 * (the worker is interrupted), the remote job is aborted and deleted too.
 */
@ApplicationScoped
public class TapAsyncClient {

    private static final Logger LOG = Logger.getLogger(TapAsyncClient.class);

    @Inject
    HttpClient http;

    /** For creating jobs: the 303 to the new job must be seen, not followed. */
    private final HttpClient noRedirects = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();

    @Inject
    RemoteHosts hosts;

    @ConfigProperty(name = "query.tap.async-timeout", defaultValue = "1H")
    Duration asyncTimeout;

    @ConfigProperty(name = "query.tap.poll-wait", defaultValue = "10S")
    Duration pollWait;

    @ConfigProperty(name = "query.remote.timeout")
    Duration requestTimeout;

    /** Reads the result of a completed remote job, e.g. through the VOTable checker into VOSpace. */
    @FunctionalInterface
    public interface ResultReader {
        VoTableReport read(RemoteRequest result) throws RemoteQueryException;
    }

    /**
     * Runs {@code query} on the service at {@code accessUrl} and reads its result with {@code reader}.
     *
     * @param staged the query's VOSpace uploads, fetched into local files, by upload name
     */
    public VoTableReport run(String accessUrl, TapParameters query, Map<String, Path> staged, ResultReader reader)
            throws RemoteQueryException {
        URI asyncEndpoint = TapParameters.endpoint(accessUrl, "async");
        hosts.checkAllowed(asyncEndpoint);
        URI jobUrl = create(query.request(accessUrl, staged).to(asyncEndpoint, Map.of("PHASE", "RUN")));
        try {
            ensureRunning(jobUrl);
            UwsJobDocument job = follow(jobUrl);
            return switch (job.phase()) {
                case "COMPLETED" -> reader.read(new RemoteRequest(resultUrl(jobUrl, job), null));
                case "ERROR" -> throw new RemoteQueryException("the TAP service reported an error: " + errorOf(jobUrl, job));
                case "ABORTED" -> throw new RemoteQueryException("the TAP service aborted the query");
                default -> throw new RemoteQueryException("the TAP job ended in phase " + job.phase());
            };
        } catch (InterruptedException e) {
            // Our job was aborted: stop the remote one as well, then give up.
            send(HttpRequest.newBuilder(URI.create(jobUrl + "/phase")), Map.of("PHASE", "ABORT"));
            Thread.currentThread().interrupt();
            throw new RemoteQueryException("the query was aborted", e);
        } finally {
            delete(jobUrl);
        }
    }

    /**
     * Creates the remote job and returns its URL (from the 303's Location: redirects are not followed here, so the
     * job is known as soon as the POST returns). An abort that arrives meanwhile does not orphan the job: the
     * answer is still awaited (bounded), and the job aborted and deleted before giving up.
     */
    private URI create(RemoteRequest creation) throws RemoteQueryException {
        URI asyncEndpoint = creation.url();
        HttpRequest request;
        try {
            request = creation.applyTo(HttpRequest.newBuilder(asyncEndpoint)
                    .header("User-Agent", OutboundHttp.USER_AGENT).timeout(requestTimeout)).build();
        } catch (java.io.FileNotFoundException e) {
            throw new IllegalStateException("a table to upload vanished: " + e.getMessage(), e);
        }
        java.util.concurrent.CompletableFuture<HttpResponse<String>> pending =
                noRedirects.sendAsync(request, HttpResponse.BodyHandlers.ofString());
        boolean aborted = false;
        HttpResponse<String> response;
        while (true) {
            try {
                response = await(pending, requestTimeout, false);
                break;
            } catch (InterruptedException e) {
                aborted = true;
            }
        }
        int status = response.statusCode();
        String location = response.headers().firstValue("Location").orElse(null);
        if (status / 100 != 3 || location == null) {
            if (aborted) {
                Thread.currentThread().interrupt();
                throw new RemoteQueryException("the query was aborted");
            }
            throw new RemoteQueryException("the TAP service at " + asyncEndpoint.getHost() + " did not create a job "
                    + "(HTTP " + status + " without a redirect to it)");
        }
        URI jobUrl = asyncEndpoint.resolve(location);
        if (aborted) {
            send(HttpRequest.newBuilder(URI.create(jobUrl + "/phase")), Map.of("PHASE", "ABORT"));
            delete(jobUrl);
            Thread.currentThread().interrupt();
            throw new RemoteQueryException("the query was aborted");
        }
        return jobUrl;
    }

    /**
     * Some services (DaCHS 2.7 among them) ignore {@code PHASE=RUN} on the creating POST and leave the job
     * PENDING, where it would wait for ever; such a job is started with a separate {@code POST phase=RUN}.
     */
    private void ensureRunning(URI jobUrl) throws RemoteQueryException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(jobUrl + "/phase"))
                .header("User-Agent", OutboundHttp.USER_AGENT).timeout(requestTimeout).GET().build();
        HttpResponse<String> phase = await(http.sendAsync(request, HttpResponse.BodyHandlers.ofString()), requestTimeout);
        if (phase.statusCode() == 200 && phase.body().strip().equalsIgnoreCase("PENDING")) {
            LOG.debugf("TAP job %s stayed PENDING after PHASE=RUN at creation; starting it", jobUrl);
            HttpResponse<String> started = await(http.sendAsync(post(HttpRequest.newBuilder(URI.create(jobUrl + "/phase")),
                    Map.of("PHASE", "RUN")), HttpResponse.BodyHandlers.ofString()), requestTimeout);
            if (started.statusCode() / 100 != 2 && started.statusCode() / 100 != 3) {
                throw new RemoteQueryException("the TAP service did not start job " + jobUrl + " (HTTP "
                        + started.statusCode() + " to PHASE=RUN)");
            }
        }
    }

    /** Polls with blocking WAIT until the job leaves its active phases or our deadline passes. */
    private UwsJobDocument follow(URI jobUrl) throws RemoteQueryException, InterruptedException {
        long deadline = System.nanoTime() + asyncTimeout.toNanos();
        while (true) {
            long left = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(deadline - System.nanoTime()));
            long wait = Math.min(pollWait.toSeconds(), left);
            HttpRequest request = HttpRequest.newBuilder(URI.create(jobUrl + "?WAIT=" + wait))
                    .header("User-Agent", OutboundHttp.USER_AGENT).timeout(Duration.ofSeconds(wait).plus(requestTimeout))
                    .GET().build();
            HttpResponse<InputStream> response = await(http.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream()),
                    Duration.ofSeconds(wait).plus(requestTimeout));
            UwsJobDocument job;
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new RemoteQueryException("the TAP service answered HTTP " + response.statusCode()
                            + " for job " + jobUrl);
                }
                job = UwsJobDocument.read(body);
            } catch (IOException e) {
                throw new RemoteQueryException("the TAP service sent an unreadable job document: " + e.getMessage(), e);
            }
            if (!job.isActive()) {
                return job;
            }
            if (System.nanoTime() > deadline) {
                send(HttpRequest.newBuilder(URI.create(jobUrl + "/phase")), Map.of("PHASE", "ABORT"));
                throw new RemoteQueryException("the TAP job did not finish within " + asyncTimeout.toMinutes()
                        + " min (query.tap.async-timeout); it was aborted");
            }
        }
    }

    private static URI resultUrl(URI jobUrl, UwsJobDocument job) {
        return job.resultHref() != null ? jobUrl.resolve(job.resultHref()) : URI.create(jobUrl + "/results/result");
    }

    /** The job's error summary, or its error document's text when the summary is empty. */
    private String errorOf(URI jobUrl, UwsJobDocument job) {
        if (job.errorSummary() != null && !job.errorSummary().isBlank()) {
            return job.errorSummary();
        }
        try {
            HttpResponse<byte[]> r = await(http.sendAsync(HttpRequest.newBuilder(URI.create(jobUrl + "/error"))
                    .header("User-Agent", OutboundHttp.USER_AGENT).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray()), requestTimeout);
            VoTableReport report = new VoTableChecker().check(new ByteArrayInputStream(r.body()));
            return report.message() != null ? report.message() : "no error message given";
        } catch (IOException | VoTableException e) {
            return "no readable error message (" + e.getMessage() + ")";
        } catch (RemoteQueryException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return "no error summary given";
        }
    }

    private void delete(URI jobUrl) {
        boolean interrupted = Thread.interrupted(); // the clean-up must run even for an aborted job
        try {
            send(HttpRequest.newBuilder(jobUrl).DELETE(), null);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Best effort: a failed clean-up is logged, the remote service expires the job at its destruction time. */
    private void send(HttpRequest.Builder builder, Map<String, String> form) {
        HttpRequest request = form == null ? builder.header("User-Agent", OutboundHttp.USER_AGENT)
                .timeout(requestTimeout).build() : post(builder, form);
        try {
            http.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            LOG.infof("clean-up of TAP job %s failed: %s", request.uri(), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private HttpRequest post(HttpRequest.Builder builder, Map<String, String> form) {
        try {
            return new RemoteRequest(builder.build().uri(), form).applyTo(builder
                    .header("User-Agent", OutboundHttp.USER_AGENT).timeout(requestTimeout)).build();
        } catch (java.io.FileNotFoundException e) {
            throw new IllegalStateException(e); // a form without files reads no file
        }
    }

    /** Waits for a response; unlike a blocking send, this wait ends at once when our job is aborted. */
    private static <T> HttpResponse<T> await(java.util.concurrent.CompletableFuture<HttpResponse<T>> pending,
                                             Duration limit) throws RemoteQueryException, InterruptedException {
        return await(pending, limit, true);
    }

    private static <T> HttpResponse<T> await(java.util.concurrent.CompletableFuture<HttpResponse<T>> pending,
                                             Duration limit, boolean cancelOnInterrupt)
            throws RemoteQueryException, InterruptedException {
        try {
            return pending.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw new RemoteQueryException("the TAP service cannot be reached: " + cause, cause);
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw new RemoteQueryException("the TAP service did not answer within " + limit.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            if (cancelOnInterrupt) {
                pending.cancel(true);
            }
            throw e;
        }
    }
}
