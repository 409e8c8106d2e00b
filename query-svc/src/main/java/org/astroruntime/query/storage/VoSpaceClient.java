package org.astroruntime.query.storage;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.FileNotFoundException;
import java.io.FilterInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import org.astroruntime.common.io.LimitedInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.astroruntime.common.id.VosUri;
import org.astroruntime.query.remote.OutboundHttp;
import org.astroruntime.query.remote.RemoteQueryException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Stores result files in vospace-svc over HTTP; vospace-svc makes each upload visible only once complete. */
@ApplicationScoped
public class VoSpaceClient {

    @Inject
    HttpClient http;

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "query.vospace-url")
    String vospaceUrl;

    @ConfigProperty(name = "query.vospace.upload-timeout")
    Duration uploadTimeout;

    /**
     * Uploads {@code file} as the bytes of {@code node}, on behalf of the owner whose token is given.
     *
     * @throws RemoteQueryException when vospace-svc refuses the upload or cannot be reached
     */
    public StoredResult upload(VosUri node, Path file, String mediaType, String ownerToken) throws RemoteQueryException {
        try {
            return upload(node, HttpRequest.BodyPublishers.ofFile(file), mediaType, ownerToken);
        } catch (FileNotFoundException e) {
            throw new IllegalStateException("work file vanished before upload: " + file, e);
        }
    }

    /**
     * Uploads what {@code source} yields as the bytes of {@code node}, streamed (chunked when {@code length} is -1).
     * When the source fails part way, the upload is cut short and vospace-svc discards it: no partial node is left.
     *
     * @throws RemoteQueryException when vospace-svc refuses the upload or cannot be reached
     * @throws IOException          when reading {@code source} failed
     */
    public StoredResult upload(VosUri node, InputStream source, long length, String mediaType, String ownerToken)
            throws RemoteQueryException, IOException {
        FailureWatchingStream watched = new FailureWatchingStream(source);
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.ofInputStream(() -> watched);
        try {
            return upload(node, length >= 0 ? HttpRequest.BodyPublishers.fromPublisher(body, length) : body, mediaType,
                    ownerToken);
        } catch (RemoteQueryException e) {
            if (watched.failure != null) {
                throw watched.failure; // the source broke, not vospace-svc
            }
            throw e;
        }
    }

    private StoredResult upload(VosUri node, HttpRequest.BodyPublisher body, String mediaType, String ownerToken)
            throws RemoteQueryException {
        HttpResponse<byte[]> response;
        HttpRequest request = HttpRequest.newBuilder(dataUri(node)).timeout(uploadTimeout)
                .header("Content-Type", mediaType).header("User-Agent", OutboundHttp.USER_AGENT)
                .header("Authorization", "Bearer " + ownerToken).PUT(body).build();
        // Sent asynchronously so that an interrupt (the job aborted, or a streamed answer refused) cancels the
        // exchange at once: vospace-svc then sees the body cut short and discards it.
        CompletableFuture<HttpResponse<byte[]>> pending = http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
        try {
            response = pending.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw new RemoteQueryException("vospace-svc cannot be reached to store " + node + ": " + cause.getMessage(), cause);
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw new RemoteQueryException("the query was aborted while storing its result", e);
        }
        if (response.statusCode() != 200 && response.statusCode() != 201) {
            throw new RemoteQueryException("vospace-svc refused to store " + node + " (HTTP " + response.statusCode()
                    + "): " + new String(response.body(), StandardCharsets.UTF_8));
        }
        try {
            return json.readValue(response.body(), StoredResult.class);
        } catch (IOException e) {
            throw new RemoteQueryException("vospace-svc sent an unreadable answer after storing " + node, e);
        }
    }

    /**
     * Downloads the bytes of {@code node} into {@code target} with the owner's token (VOSpace's own permissions
     * decide whether they may read it).
     *
     * @param maxBytes the most that will be read; a larger node is refused
     * @throws RemoteQueryException when the node cannot be read (missing, not allowed, too large)
     */
    public void download(VosUri node, Path target, long maxBytes, String ownerToken) throws RemoteQueryException {
        HttpRequest request = HttpRequest.newBuilder(dataUri(node)).timeout(uploadTimeout)
                .header("User-Agent", OutboundHttp.USER_AGENT).header("Authorization", "Bearer " + ownerToken)
                .GET().build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    String why = new String(body.readNBytes(4096), StandardCharsets.UTF_8).strip();
                    throw new RemoteQueryException("cannot read " + node + " from VOSpace (HTTP "
                            + response.statusCode() + (why.isEmpty() ? ")" : "): " + why));
                }
                LimitedInputStream capped = new LimitedInputStream(body, maxBytes);
                try {
                    Files.copy(capped, target, StandardCopyOption.REPLACE_EXISTING);
                } catch (IOException e) {
                    if (capped.exceeded()) {
                        throw new RemoteQueryException(node + " is larger than the " + maxBytes
                                + "-byte limit on an uploaded table (query.tap.upload-max-bytes)");
                    }
                    throw e;
                }
            }
        } catch (IOException e) {
            throw new RemoteQueryException("cannot read " + node + " from vospace-svc: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RemoteQueryException("the query was aborted while reading " + node, e);
        }
    }

    private URI dataUri(VosUri node) {
        return URI.create(vospaceUrl.replaceAll("/+$", "") + "/data/" + node.encodedUserPath());
    }

    /** Remembers a read failure of the source, which the HTTP client would report as its own. */
    private static final class FailureWatchingStream extends FilterInputStream {
        private IOException failure;

        FailureWatchingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return super.read(b, off, len);
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        }

        @Override
        public void close() {
            // the caller owns the source
        }
    }
}
