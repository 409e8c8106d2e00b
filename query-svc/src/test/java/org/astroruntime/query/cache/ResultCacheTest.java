package org.astroruntime.query.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.astroruntime.common.error.InvalidParameterException;
import org.astroruntime.query.cone.ConeParameters;
import org.astroruntime.query.tap.TapParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultCacheTest {

    @TempDir
    Path dir;

    /** A clock the test moves by hand. */
    private static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private Path file(String name, int bytes) throws Exception {
        return Files.write(dir.resolve(name), new byte[bytes]);
    }

    @Test
    void aHitIsACopyThatOutlivesEvictionAndEntriesExpire() throws Exception {
        ManualClock clock = new ManualClock();
        ResultCache cache = new ResultCache(dir.resolve("cache"), Duration.ofMinutes(10), 1000, 10, clock);
        Path result = file("r1", 100);
        cache.store("k1", result, "application/x-votable+xml", 5, false);
        Files.delete(result); // the job's own files go; the cache keeps its copy
        Path copy = dir.resolve("copy");
        ResultCache.Entry hit = cache.lookup("k1", false, copy).orElseThrow();
        assertEquals(copy, hit.file());
        assertEquals(100, Files.size(copy));
        assertEquals(5, hit.rows());
        clock.now = clock.now.plus(Duration.ofMinutes(11));
        assertTrue(cache.lookup("k1", false, dir.resolve("copy2")).isEmpty(), "expired");
        assertEquals(0L, cache.stats().get("entries"));
    }

    @Test
    void theLeastRecentlyUsedGoFirstWhenTheCacheIsFull() throws Exception {
        ResultCache cache = new ResultCache(dir.resolve("cache"), Duration.ofHours(1), 250, 10, new ManualClock());
        cache.store("a", file("a", 100), "t", 1, false);
        cache.store("b", file("b", 100), "t", 1, false);
        assertTrue(cache.lookup("a", false, dir.resolve("ca")).isPresent()); // a is now more recent than b
        cache.store("c", file("c", 100), "t", 1, false);
        assertTrue(cache.lookup("b", false, dir.resolve("cb")).isEmpty(), "b was evicted");
        assertTrue(cache.lookup("a", false, dir.resolve("ca2")).isPresent());
        assertTrue(cache.lookup("c", false, dir.resolve("cc")).isPresent());
        assertEquals(200L, cache.stats().get("bytes"));
        cache.store("huge", file("huge", 500), "t", 1, false);
        assertTrue(cache.lookup("huge", false, dir.resolve("ch")).isEmpty(), "larger than the whole cache");
    }

    @Test
    void truncatedResultsAreOnlyForRequestsThatAcceptThem() throws Exception {
        ResultCache cache = new ResultCache(dir.resolve("cache"), Duration.ofHours(1), 1000, 10, new ManualClock());
        cache.store("o", file("o", 10), "t", 1, true);
        assertFalse(cache.lookup("o", false, dir.resolve("x")).isPresent());
        assertTrue(cache.lookup("o", true, dir.resolve("y")).isPresent());
        assertEquals(CachePolicy.INCLUDE_OVERFLOW, CachePolicy.parse("include-overflow"));
        assertEquals(CachePolicy.BYPASS, CachePolicy.parse("false"));
        assertEquals("CACHE", assertThrows(InvalidParameterException.class, () -> CachePolicy.parse("maybe")).parameter());
    }

    @Test
    void keysIgnoreNoiseButNotMeaning() {
        String url = "http://h/cone?";
        assertEquals(new ConeParameters(180, 2, 0.5, null).canonical(url),
                new ConeParameters(180.0000000001, 2, 0.5, null).canonical(url));
        assertNotEquals(new ConeParameters(180, 2, 0.5, null).canonical(url),
                new ConeParameters(180.001, 2, 0.5, null).canonical(url));
        assertEquals(TapParameters.from(Map.of("QUERY", "SELECT *\n  FROM t", "MODE", "async")).canonical("http://h/tap"),
                TapParameters.from(Map.of("QUERY", "SELECT * FROM t")).canonical("http://h/tap"));
        assertNotEquals(ResultCache.key("a"), ResultCache.key("b"));
    }
}
