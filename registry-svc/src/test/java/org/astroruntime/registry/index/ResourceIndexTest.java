package org.astroruntime.registry.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.astroruntime.registry.ingest.ParsedRecord;
import org.astroruntime.registry.ingest.VoResourceParser;
import org.astroruntime.registry.resource.ServiceKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Lucene index on disk: atomic updates, persistence, ranking and filters. */
class ResourceIndexTest {

    @TempDir
    Path dir;

    private ResourceIndex index;

    private ResourceIndex open() throws IOException {
        ResourceIndex opened = new ResourceIndex();
        opened.indexDir = Optional.of(dir);
        opened.json = new ObjectMapper();
        opened.open();
        return opened;
    }

    @AfterEach
    void close() throws IOException {
        if (index != null) {
            index.close();
        }
    }

    static ParsedRecord record(String ivoid, String title, String shortName, String description, String standardId,
                               String waveband) throws Exception {
        String xml = """
                <ri:Resource xmlns:ri="http://www.ivoa.net/xml/RegistryInterface/v1.0"
                   xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:vs="http://www.ivoa.net/xml/VODataService/v1.1"
                   xsi:type="vs:CatalogService" status="active">
                  <title>%s</title><shortName>%s</shortName><identifier>%s</identifier>
                  <curation><publisher>Test Archive</publisher></curation>
                  <content><subject>astronomy</subject><description>%s</description><type>Catalog</type></content>
                  <capability standardID="%s"><interface xsi:type="vs:ParamHTTP" role="std">
                    <accessURL use="base">http://example.org/q?</accessURL></interface></capability>
                  <coverage><waveband>%s</waveband></coverage>
                </ri:Resource>""".formatted(title, shortName, ivoid, description, standardId, waveband);
        return new VoResourceParser().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private void load(ParsedRecord... records) throws Exception {
        try (ResourceIndex.Update u = index.beginUpdate()) {
            for (ParsedRecord r : records) {
                u.upsert(r, "test");
            }
            u.commit(Map.of());
        }
    }

    @Test
    void titleAndShortNameMatchesRankAboveDescriptionMatches() throws Exception {
        index = open();
        load(record("ivo://a.example/mentions", "Galaxy redshifts", "GZ", "Cross-matched with SDSS photometry.",
                        "ivo://ivoa.net/std/ConeSearch", "Optical"),
                record("ivo://b.example/sdss", "SDSS DR16 photometric catalogue", "SDSS-DR16", "Five-band photometry.",
                        "ivo://ivoa.net/std/ConeSearch", "Optical"),
                record("ivo://c.example/xray", "ROSAT sources", "RASS", "X-ray sources.",
                        "ivo://ivoa.net/std/ConeSearch", "X-ray"));
        SearchPage page = index.search(new SearchQuery("sdss", Set.of(), Set.of(), Set.of(), 0, 10));
        assertEquals(2, page.total());
        assertEquals("ivo://b.example/sdss", page.hits().get(0).resource().ivoid());
        assertTrue(page.hits().get(0).score() > page.hits().get(1).score());
        // Stemming: "galaxies" finds "Galaxy".
        assertEquals(1, index.search(new SearchQuery("galaxies", Set.of(), Set.of(), Set.of(), 0, 10)).total());
        // All words must match.
        assertEquals(0, index.search(new SearchQuery("sdss rosat", Set.of(), Set.of(), Set.of(), 0, 10)).total());
    }

    @Test
    void filtersByKindWavebandAndContentType() throws Exception {
        index = open();
        load(record("ivo://a.example/cone", "Cone one", "C1", "d", "ivo://ivoa.net/std/ConeSearch", "Optical"),
                record("ivo://a.example/tap", "TAP one", "T1", "d", "ivo://ivoa.net/std/TAP", "Radio"),
                record("ivo://a.example/sia2", "Images", "S2", "d", "ivo://ivoa.net/std/SIA#query-2.0", "Optical"));
        assertEquals(List.of("ivo://a.example/tap"), ivoids(new SearchQuery("", Set.of(ServiceKind.TAP), Set.of(), Set.of(), 0, 10)));
        assertEquals(List.of("ivo://a.example/sia2"), ivoids(new SearchQuery("", Set.of(ServiceKind.SIA2), Set.of(), Set.of(), 0, 10)));
        assertEquals(0, index.search(new SearchQuery("", Set.of(ServiceKind.SIA1), Set.of(), Set.of(), 0, 10)).total());
        // Listing without keywords is by title; waveband matching ignores case.
        assertEquals(List.of("ivo://a.example/cone", "ivo://a.example/sia2"),
                ivoids(new SearchQuery("", Set.of(), Set.of("OPTICAL"), Set.of("catalog"), 0, 10)));
        assertEquals(List.of("ivo://a.example/sia2"),
                ivoids(new SearchQuery("", Set.of(), Set.of("optical"), Set.of(), 1, 10)));
    }

    private List<String> ivoids(SearchQuery q) {
        return index.search(q).hits().stream().map(h -> h.resource().ivoid()).toList();
    }

    @Test
    void anUpdateClosedWithoutCommitLeavesNothingAndTheNextOneWorks() throws Exception {
        index = open();
        load(record("ivo://a.example/kept", "Kept", "K", "d", "ivo://ivoa.net/std/ConeSearch", "Optical"));
        try (ResourceIndex.Update u = index.beginUpdate()) {
            u.upsert(record("ivo://a.example/lost", "Lost", "L", "d", "ivo://ivoa.net/std/ConeSearch", "Optical"), "t");
            assertTrue(u.delete("ivo://a.example/kept"));
        }
        assertTrue(index.find("ivo://a.example/kept").isPresent());
        assertFalse(index.find("ivo://a.example/lost").isPresent());
        load(record("ivo://a.example/later", "Later", "La", "d", "ivo://ivoa.net/std/ConeSearch", "Optical"));
        assertEquals(2, index.size());
    }

    @Test
    void recordsAndCommitDataSurviveAReopenAndUnchangedRecordsAreRecognised() throws Exception {
        index = open();
        ParsedRecord r = record("ivo://a.example/Persist", "Persisted", "P", "d", "ivo://ivoa.net/std/TAP", "Radio");
        try (ResourceIndex.Update u = index.beginUpdate()) {
            assertEquals(ResourceIndex.Outcome.ADDED, u.upsert(r, "t"));
            assertEquals(1, u.commit(Map.of("harvest.from x", "2026-01-01T00:00:00Z")).size());
        }
        index.close();
        index = open();
        assertEquals("Persisted", index.find("IVO://A.EXAMPLE/persist").orElseThrow().title());
        assertTrue(index.xml("ivo://a.example/persist").orElseThrow().contains("<title>Persisted</title>"));
        assertEquals("2026-01-01T00:00:00Z", index.commitData().get("harvest.from x"));
        try (ResourceIndex.Update u = index.beginUpdate()) {
            assertEquals(ResourceIndex.Outcome.UNCHANGED, u.upsert(r, "t"));
            assertEquals(List.of(), u.commit(Map.of()));
        }
        // Commit data not named in a later commit is kept.
        assertEquals("2026-01-01T00:00:00Z", index.commitData().get("harvest.from x"));
        try (ResourceIndex.Update u = index.beginUpdate()) {
            assertTrue(u.delete("ivo://a.example/persist"));
            assertFalse(u.delete("ivo://a.example/persist"));
            assertEquals(List.of(new Change("ivo://a.example/persist", true, null)), u.commit(Map.of()));
        }
        assertEquals(0, index.size());
    }
}
