package org.astroruntime.registry.resolve;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.astroruntime.registry.resource.VoResource;

/**
 * The registry's current set of resources, keyed by identifier compared case-insensitively (as RegTAP does).
 * Held in memory and rebuilt from the ingest sources at start.
 */
@ApplicationScoped
public class ResourceStore {

    private final ConcurrentMap<String, VoResource> resources = new ConcurrentHashMap<>();

    /** Stores a resource; returns the one it replaced, if any. */
    public Optional<VoResource> upsert(VoResource resource) {
        return Optional.ofNullable(resources.put(key(resource.ivoid()), resource));
    }

    public Optional<VoResource> find(String ivoid) {
        return Optional.ofNullable(resources.get(key(ivoid)));
    }

    /** Every resource, ordered by identifier. */
    public List<VoResource> all() {
        Collection<VoResource> values = resources.values();
        return values.stream().sorted(Comparator.comparing(VoResource::ivoid)).toList();
    }

    public int size() {
        return resources.size();
    }

    private static String key(String ivoid) {
        return ivoid.toLowerCase(Locale.ROOT);
    }
}
