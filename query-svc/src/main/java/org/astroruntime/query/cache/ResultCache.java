package org.astroruntime.query.cache;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The shared cache of query results: a complete result of one user's query answers the same query (same service,
 * protocol, normalised parameters, format) from any user within {@code query.cache.ttl}, without asking the
 * service again; the asker gets their own copy in their VOSpace.
 *
 * <p>Entries are files in query-svc's data directory with an LRU index in memory, bounded by
 * {@code query.cache.max-bytes} and {@code query.cache.max-entries}. Only completed results are offered to it
 * (never errors or jobs still running), and truncated (OVERFLOW) ones only when the request says so.
 */
@ApplicationScoped
public class ResultCache {

    private static final Logger LOG = Logger.getLogger(ResultCache.class);

    /**
     * A cached result.
     *
     * @param file      the result's bytes
     * @param mediaType its media type
     * @param rows      its rows
     * @param size      its size in bytes
     * @param overflow  whether the service truncated it
     * @param created   when it was fetched from the service
     */
    public record Entry(Path file, String mediaType, long rows, long size, boolean overflow, Instant created) {
    }

    private final Path dir;
    private final Duration ttl;
    private final long maxBytes;
    private final int maxEntries;
    private final Clock clock;
    // Access order: the eldest entry is the least recently used.
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long bytes;

    @Inject
    public ResultCache(@ConfigProperty(name = "astroruntime.data-dir") Path dataDir,
                       @ConfigProperty(name = "query.cache.ttl", defaultValue = "1H") Duration ttl,
                       @ConfigProperty(name = "query.cache.max-bytes", defaultValue = "2147483648") long maxBytes,
                       @ConfigProperty(name = "query.cache.max-entries", defaultValue = "10000") int maxEntries)
            throws IOException {
        this(dataDir.resolve("cache"), ttl, maxBytes, maxEntries, Clock.systemUTC());
    }

    ResultCache(Path dir, Duration ttl, long maxBytes, int maxEntries, Clock clock) throws IOException {
        this.dir = Files.createDirectories(dir);
        this.ttl = ttl;
        this.maxBytes = maxBytes;
        this.maxEntries = maxEntries;
        this.clock = clock;
        // The index lives in memory, so files of an earlier run are orphans.
        try (var old = Files.list(this.dir)) {
            old.forEach(ResultCache::deleteQuietly);
        }
    }

    /** The key of a query: a digest of its canonical form, which already holds the service and the format. */
    public static String key(String canonicalQuery) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonicalQuery.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A fresh entry for {@code key}, if any (and not a truncated one unless {@code acceptOverflow}), linked or
     * copied to {@code copyTo} so that an eviction while the caller uses it changes nothing; the entry returned
     * names that copy.
     */
    public synchronized Optional<Entry> lookup(String key, boolean acceptOverflow, Path copyTo) {
        Entry e = entries.get(key);
        if (e == null) {
            return Optional.empty();
        }
        if (e.created().plus(ttl).isBefore(clock.instant())) {
            remove(key);
            return Optional.empty();
        }
        if (e.overflow() && !acceptOverflow) {
            return Optional.empty();
        }
        try {
            linkOrCopy(e.file(), copyTo);
        } catch (IOException failed) {
            LOG.warnf("cannot use a cached result: %s", failed.toString());
            remove(key);
            return Optional.empty();
        }
        return Optional.of(new Entry(copyTo, e.mediaType(), e.rows(), e.size(), e.overflow(), e.created()));
    }

    private static void linkOrCopy(Path from, Path to) throws IOException {
        Files.deleteIfExists(to);
        try {
            Files.createLink(to, from);
        } catch (UnsupportedOperationException | IOException notLinkable) {
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Keeps a copy of a completed result (a hard link when possible: no second copy of the bytes). */
    public void store(String key, Path result, String mediaType, long rows, boolean overflow) {
        Path file = dir.resolve(key + "-" + clock.millis());
        try {
            linkOrCopy(result, file);
            long size = Files.size(file);
            if (size > maxBytes) {
                deleteQuietly(file);
                return;
            }
            synchronized (this) {
                remove(key);
                entries.put(key, new Entry(file, mediaType, rows, size, overflow, clock.instant()));
                bytes += size;
                evict();
            }
        } catch (IOException e) {
            // A result that cannot be cached is still a result; only the next asker pays.
            LOG.warnf("cannot cache a result: %s", e.toString());
            deleteQuietly(file);
        }
    }

    /** Entries held, and their bytes. */
    public synchronized Map<String, Long> stats() {
        return Map.of("entries", (long) entries.size(), "bytes", bytes);
    }

    private void evict() {
        Iterator<Map.Entry<String, Entry>> eldest = entries.entrySet().iterator();
        while ((bytes > maxBytes || entries.size() > maxEntries) && eldest.hasNext()) {
            Entry e = eldest.next().getValue();
            eldest.remove();
            bytes -= e.size();
            deleteQuietly(e.file());
        }
    }

    private void remove(String key) {
        Entry e = entries.remove(key);
        if (e != null) {
            bytes -= e.size();
            deleteQuietly(e.file());
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // A leftover cache file is removed at the next start.
        }
    }
}
