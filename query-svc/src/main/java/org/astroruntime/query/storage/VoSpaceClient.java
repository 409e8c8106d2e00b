package org.astroruntime.query.storage;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
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
        URI uri = URI.create(vospaceUrl.replaceAll("/+$", "") + "/data/" + node.encodedUserPath());
        HttpResponse<byte[]> response;
        try {
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(uploadTimeout)
                    .header("Content-Type", mediaType).header("User-Agent", OutboundHttp.USER_AGENT)
                    .header("Authorization", "Bearer " + ownerToken)
                    .PUT(HttpRequest.BodyPublishers.ofFile(file)).build();
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (FileNotFoundException e) {
            throw new IllegalStateException("work file vanished before upload: " + file, e);
        } catch (IOException e) {
            throw new RemoteQueryException("vospace-svc cannot be reached to store " + node + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
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
}
