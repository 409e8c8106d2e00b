package org.astroruntime.query.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.astroruntime.common.event.KafkaEvents;
import org.astroruntime.common.event.RegistryEvent;
import org.astroruntime.common.id.IvoId;
import org.astroruntime.query.remote.OutboundHttp;
import org.astroruntime.query.remote.RemoteQueryException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Resolves {@code ivo://} identifiers to access URLs through registry-svc, with a cache that entries leave after
 * a TTL or as soon as {@code vo.registry.events} says the resource changed.
 */
@ApplicationScoped
public class RegistryClient {

    @Inject
    HttpClient http;

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "query.registry-url")
    String registryUrl;

    @ConfigProperty(name = "query.registry.cache-ttl")
    Duration cacheTtl;

    private final KafkaEvents events = new KafkaEvents();
    private final ConcurrentMap<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(ResolvedResource resource, Instant expires) {
    }

    /**
     * The access URL of the resource's capability with {@code standardId}, preferring the standard interface.
     *
     * @throws RemoteQueryException when the registry does not know the id, the resource lacks the capability, or
     *                              the registry cannot be reached
     */
    public String accessUrl(IvoId id, String standardId) throws RemoteQueryException {
        ResolvedResource resource = resolve(id);
        ResolvedResource.Capability capability = resource.capabilities().stream()
                .filter(c -> c.standardId() != null && c.standardId().equalsIgnoreCase(standardId))
                .findFirst()
                .orElseThrow(() -> new UnknownServiceException(id + " (" + resource.title() + ") has no "
                        + standardId + " capability"));
        return capability.interfaces().stream()
                .sorted(Comparator.comparing((ResolvedResource.Interface i) -> !"std".equals(i.role())))
                .map(ResolvedResource.Interface::accessUrls)
                .filter(Objects::nonNull)
                .flatMap(List::stream)
                .findFirst()
                .orElseThrow(() -> new UnknownServiceException(id + " declares " + standardId + " without an access URL"));
    }

    /** The resource behind {@code id}, from the cache or registry-svc. */
    public ResolvedResource resolve(IvoId id) throws RemoteQueryException {
        String key = id.resource().toString().toLowerCase(Locale.ROOT);
        Cached hit = cache.get(key);
        if (hit != null && hit.expires().isAfter(Instant.now())) {
            return hit.resource();
        }
        URI uri = URI.create(registryUrl.replaceAll("/+$", "") + "/resources/"
                + URLEncoder.encode(id.resource().toString(), StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(uri).GET().timeout(Duration.ofSeconds(10))
                .header("Accept", "application/json").header("User-Agent", OutboundHttp.USER_AGENT).build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new RemoteQueryException("registry-svc cannot be reached to resolve " + id + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RemoteQueryException("the query was aborted", e);
        }
        if (response.statusCode() == 404) {
            throw new UnknownServiceException("registry-svc does not know " + id.resource() + " (404)");
        }
        if (response.statusCode() != 200) {
            throw new RemoteQueryException("registry-svc answered HTTP " + response.statusCode() + " for " + id.resource()
                    + ": " + new String(response.body(), StandardCharsets.UTF_8));
        }
        try {
            ResolvedResource resource = json.readValue(response.body(), ResolvedResource.class);
            cache.put(key, new Cached(resource, Instant.now().plus(cacheTtl)));
            return resource;
        } catch (IOException e) {
            throw new RemoteQueryException("registry-svc sent an unreadable answer for " + id.resource(), e);
        }
    }

    /** Drops a cached resolution when the registry reports a change of that resource. */
    @Incoming("registry-events")
    public CompletionStage<Void> onRegistryEvent(Message<String> message) {
        return events.consume(message, RegistryEvent.class,
                event -> cache.remove(event.ivoid().toLowerCase(Locale.ROOT)));
    }

    /**
     * The identifiers of the services the registry finds for {@code keywords} among those of {@code kind}
     * ({@code cone}, {@code sia1}, ...), best match first.
     */
    public List<String> search(String keywords, String kind, int limit) throws RemoteQueryException {
        URI uri = URI.create(registryUrl.replaceAll("/+$", "") + "/search?q="
                + URLEncoder.encode(keywords, StandardCharsets.UTF_8) + "&kind=" + kind + "&limit=" + limit);
        HttpRequest request = HttpRequest.newBuilder(uri).GET().timeout(Duration.ofSeconds(10))
                .header("Accept", "application/json").header("User-Agent", OutboundHttp.USER_AGENT).build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new RemoteQueryException("registry-svc answered HTTP " + response.statusCode() + " to the search '"
                        + keywords + "': " + new String(response.body(), StandardCharsets.UTF_8));
            }
            List<String> ids = new java.util.ArrayList<>();
            for (com.fasterxml.jackson.databind.JsonNode hit : json.readTree(response.body()).path("hits")) {
                ids.add(hit.path("resource").path("ivoid").asText());
            }
            return ids;
        } catch (IOException e) {
            throw new RemoteQueryException("registry-svc cannot be reached to search for '" + keywords + "': "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RemoteQueryException("the query was aborted", e);
        }
    }
}
