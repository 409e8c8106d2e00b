package org.astroruntime.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.astroruntime.common.votable.VoTableChecker;
import org.astroruntime.common.votable.VoTableReport;
import org.astroruntime.e2e.peers.Catalogue;
import org.astroruntime.e2e.suite.DemoRecords;
import org.astroruntime.e2e.suite.Suite;
import org.astroruntime.e2e.suite.SuiteAccounts;
import org.junit.jupiter.api.Test;
import uk.ac.starlink.table.RowSequence;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.StarTableFactory;
import uk.ac.starlink.util.ByteArrayDataSource;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * SIA 1.0, SIA 2.0 and TAP (sync and async) through query-svc against the suite's peer, which implements each
 * protocol with real filtering; result formats, the shared cache, and TAP job clean-up on the remote side.
 */
@ExtendWith(SuiteExtension.class)
class DalProtocolsIT {

    private static final String CONE_ADQL = "SELECT id, ra, dec, vmag FROM demo.stars "
            + "WHERE CONTAINS(POINT('ICRS', ra, dec), CIRCLE('ICRS', 180.0, 2.0, 0.5)) = 1";

    private static String peer(Suite suite) {
        return suite.coneUrl().replaceAll("/cone$", "");
    }

    /** Submits a job, waits for its end, returns its JSON view. */
    static JsonNode run(Suite suite, String token, Map<String, String> form) throws Exception {
        Map<String, String> all = new HashMap<>(form);
        all.put("PHASE", "RUN");
        SuiteHttp.Answer created = SuiteHttp.postForm(suite.url("query-svc") + "/queries", token, all);
        assertEquals(303, created.status(), created.body());
        return ConeSearchPathIT.waitForEnd(created.header("Location"), token);
    }

    /** Rows the peer itself answers to the same request, counted independently of query-svc. */
    static VoTableReport direct(String url) throws Exception {
        return new VoTableChecker().check(new ByteArrayInputStream(SuiteHttp.getBytes(url)));
    }

    static VoTableReport stored(JsonNode view) throws Exception {
        return new VoTableChecker().check(new ByteArrayInputStream(
                SuiteHttp.getBytes(view.get("results").get(0).get("readUrl").asText())));
    }

    @Test
    void sia1FindsTheImagesThePeerHasAndStoresThemAsBinary2(Suite suite) throws Exception {
        String token = new SuiteAccounts(suite).userToken("sia-user");
        JsonNode view = run(suite, token, Map.of("protocol", "sia1", "service", peer(suite) + "/sia1",
                "POS", "180.0,2.0", "SIZE", "1.0", "INTERSECT", "OVERLAPS"));
        assertEquals("COMPLETED", view.get("phase").asText(), view.toString());
        long expected = direct(peer(suite) + "/sia1?POS=180.0,2.0&SIZE=1.0&INTERSECT=OVERLAPS").rows();
        assertTrue(expected > 0, "the peer should have images there");
        assertEquals(expected, view.get("results").get(0).get("rows").asLong());
        byte[] bytes = SuiteHttp.getBytes(view.get("results").get(0).get("readUrl").asText());
        assertTrue(new String(bytes, StandardCharsets.UTF_8).contains("<BINARY2>"), "stored as BINARY2 by default");
        assertEquals(expected, new VoTableChecker().check(new ByteArrayInputStream(bytes)).rows());
    }

    @Test
    void sia1SavesTheImagesItFindsIntoVoSpaceByteForByte(Suite suite) throws Exception {
        String token = new SuiteAccounts(suite).userToken("sia-user");
        String query = "POS=180.0,2.0&SIZE=1.0";
        List<String> links = accessUrls(SuiteHttp.getBytes(peer(suite) + "/sia1?" + query));
        assertTrue(links.size() > 2, "the peer should have more than 2 images there, has " + links.size());
        JsonNode view = run(suite, token, Map.of("protocol", "sia1", "service", peer(suite) + "/sia1",
                "POS", "180.0,2.0", "SIZE", "1.0", "SAVEDATASETS", "#images/centre", "MAXDATASETS", "2",
                "saveAs", "#images/centre.vot"));
        assertEquals("COMPLETED", view.get("phase").asText(), view.toString());
        JsonNode results = view.get("results");
        assertEquals(3, results.size(), "the table and two datasets: " + view);
        assertTrue(view.get("message").asText().contains("saved 2 of 2 datasets"), view.toString());
        for (int i = 1; i <= 2; i++) {
            JsonNode dataset = results.get(i);
            assertEquals("dataset-" + i, dataset.get("id").asText());
            assertTrue(dataset.get("uri").asText().contains("/images/centre/"), dataset.toString());
            assertTrue(dataset.get("uri").asText().endsWith(".fits"), dataset.toString());
            byte[] saved = SuiteHttp.getBytes(dataset.get("readUrl").asText());
            byte[] original = SuiteHttp.getBytes(links.get(i - 1));
            assertArrayEquals(original, saved, "dataset " + i + " differs from " + links.get(i - 1));
            assertEquals(original.length, dataset.get("size").asLong());
            assertTrue(new String(saved, 0, 9, StandardCharsets.US_ASCII).equals("SIMPLE  ="), "a FITS file");
        }

        SuiteHttp.Answer notImages = SuiteHttp.postForm(suite.url("query-svc") + "/queries", token, Map.of(
                "service", suite.coneUrl(), "RA", "180", "DEC", "2", "SR", "0.1", "SAVEDATASETS", "#images/x"));
        assertEquals(400, notImages.status(), notImages.body());
        assertEquals("SAVEDATASETS", notImages.json().get("parameter").asText());
        SuiteHttp.Answer tooMany = SuiteHttp.postForm(suite.url("query-svc") + "/queries", token, Map.of("protocol", "sia1",
                "service", peer(suite) + "/sia1", "POS", "180,2", "SIZE", "1", "SAVEDATASETS", "#i", "MAXDATASETS", "100000"));
        assertEquals("MAXDATASETS", tooMany.json().get("parameter").asText(), tooMany.body());
    }

    /** The access references of an SIA 1.0 answer, in row order, read with STIL. */
    private static List<String> accessUrls(byte[] votable) throws Exception {
        StarTable table = new StarTableFactory(false).makeStarTable(new ByteArrayDataSource("sia", votable), "votable");
        int column = -1;
        for (int i = 0; i < table.getColumnCount(); i++) {
            if ("VOX:Image_AccessReference".equals(table.getColumnInfo(i).getUCD())) {
                column = i;
            }
        }
        assertTrue(column >= 0, "no access reference column");
        List<String> links = new ArrayList<>();
        try (RowSequence rows = table.getRowSequence()) {
            while (rows.next()) {
                links.add(rows.getCell(column).toString());
            }
        }
        return links;
    }

    @Test
    void tableMetadataComesFromTheServicesVosiTables(Suite suite) throws Exception {
        String token = new SuiteAccounts(suite).userToken("tap-user");
        String base = suite.url("query-svc") + "/tables?service=" + URLEncoder.encode(peer(suite) + "/tap", StandardCharsets.UTF_8);
        SuiteHttp.Answer all = SuiteHttp.getJson(base, token);
        assertEquals(200, all.status(), all.body());
        List<String> names = new ArrayList<>();
        all.json().forEach(t -> names.add(t.get("name").asText()));
        assertTrue(names.containsAll(List.of("demo.stars", "ivoa.obscore", "TAP_SCHEMA.columns")), names.toString());

        SuiteHttp.Answer stars = SuiteHttp.getJson(base + "&table=demo.stars", token);
        assertEquals(200, stars.status(), stars.body());
        assertEquals(1, stars.json().size());
        JsonNode ra = null;
        for (JsonNode column : stars.json().get(0).get("columns")) {
            if (column.get("name").asText().equals("ra")) {
                ra = column;
            }
        }
        assertTrue(ra != null, stars.body());
        assertEquals("deg", ra.get("unit").asText());
        assertEquals("pos.eq.ra;meta.main", ra.get("ucd").asText());
        assertEquals("double", ra.get("datatype").asText());

        assertEquals(400, SuiteHttp.getJson(suite.url("query-svc") + "/tables", token).status());
        assertEquals(400, SuiteHttp.getJson(suite.url("query-svc") + "/tables?service=ftp://x/tap", token).status());
        SuiteHttp.Answer offline = SuiteHttp.getJson(suite.url("query-svc") + "/tables?service="
                + URLEncoder.encode("http://127.0.0.1:1/tap", StandardCharsets.UTF_8), token);
        assertEquals(502, offline.status(), offline.body());
        assertTrue(offline.json().get("message").asText().contains("cannot connect"), offline.body());
        SuiteHttp.Answer notTap = SuiteHttp.getJson(suite.url("query-svc") + "/tables?service="
                + URLEncoder.encode(DemoRecords.DEMO_CONE, StandardCharsets.UTF_8), token);
        assertEquals(400, notTap.status(), notTap.body());
        assertTrue(notTap.json().get("message").asText().contains("TAP capability"), notTap.body());
    }

    @Test
    void tapUploadsATableFromTheUsersVoSpace(Suite suite) throws Exception {
        String token = new SuiteAccounts(suite).userToken("upload-user");
        StringBuilder rows = new StringBuilder();
        int bright = 0;
        for (int i = 0; i < 200; i++) {
            double mag = 8 + (i * 37 % 100) / 10.0;
            bright += mag < 12.5 ? 1 : 0;
            rows.append("<TR><TD>t").append(i).append("</TD><TD>").append(i * 1.7 % 360).append("</TD><TD>")
                    .append(i % 90 - 45).append("</TD><TD>").append(mag).append("</TD></TR>\n");
        }
        String targets = """
                <?xml version="1.0"?><VOTABLE version="1.4" xmlns="http://www.ivoa.net/xml/VOTable/v1.3"><RESOURCE><TABLE>
                <FIELD name="name" datatype="char" arraysize="*"/><FIELD name="ra" datatype="double" unit="deg"/>
                <FIELD name="dec" datatype="double" unit="deg"/><FIELD name="mag" datatype="double" unit="mag"/>
                <DATA><TABLEDATA>%s</TABLEDATA></DATA></TABLE></RESOURCE></VOTABLE>""".formatted(rows);
        SuiteHttp.Answer put = SuiteHttp.put(suite.url("vospace-svc") + "/data/upload-user/lists/targets.vot", token,
                "application/x-votable+xml", targets.getBytes(StandardCharsets.UTF_8));
        assertTrue(put.status() == 200 || put.status() == 201, put.body());
        for (String mode : new String[] {"sync", "async"}) {
            JsonNode view = run(suite, token, Map.of("protocol", "tap", "service", peer(suite) + "/tap", "MODE", mode,
                    "QUERY", "SELECT name, mag FROM TAP_UPLOAD.mine WHERE mag < 12.5", "UPLOAD", "mine,#lists/targets.vot",
                    "saveAs", "#tap/upload-" + mode + ".vot"));
            assertEquals("COMPLETED", view.get("phase").asText(), mode + ": " + view);
            assertEquals(bright, view.get("results").get(0).get("rows").asLong(), mode);
            assertEquals(bright, stored(view).rows(), mode);
        }

        JsonNode missing = run(suite, token, Map.of("protocol", "tap", "service", peer(suite) + "/tap",
                "QUERY", "SELECT * FROM TAP_UPLOAD.t", "UPLOAD", "t,#lists/none.vot", "saveAs", "#tap/missing.vot"));
        assertEquals("ERROR", missing.get("phase").asText(), missing.toString());
        assertTrue(missing.get("errorSummary").asText().contains("HTTP 404"), missing.toString());
        SuiteHttp.put(suite.url("vospace-svc") + "/data/upload-user/lists/notes.txt", token, "text/plain",
                "not a table".getBytes(StandardCharsets.UTF_8));
        JsonNode notATable = run(suite, token, Map.of("protocol", "tap", "service", peer(suite) + "/tap",
                "QUERY", "SELECT * FROM TAP_UPLOAD.t", "UPLOAD", "t,#lists/notes.txt", "saveAs", "#tap/notes.vot"));
        assertEquals("ERROR", notATable.get("phase").asText(), notATable.toString());
        assertTrue(notATable.get("errorSummary").asText().contains("is not a readable VOTable"), notATable.toString());
        SuiteHttp.Answer badSyntax = SuiteHttp.postForm(suite.url("query-svc") + "/queries", token, Map.of("protocol", "tap",
                "service", peer(suite) + "/tap", "QUERY", "SELECT 1", "UPLOAD", "t,file:///etc/passwd"));
        assertEquals(400, badSyntax.status(), badSyntax.body());
        assertEquals("UPLOAD", badSyntax.json().get("parameter").asText());
    }

    @Test
    void sia2ReportsATruncatedAnswerAsOverflowNeverSilently(Suite suite) throws Exception {
        String token = new SuiteAccounts(suite).userToken("sia-user");
        String pos = "CIRCLE 180 2 5";
        long all = direct(peer(suite) + "/sia2/query?POS=" + URLEncoder.encode(pos, StandardCharsets.UTF_8)).rows();
        assertTrue(all > 3, "the peer should have more than 3 images in the circle, has " + all);
        JsonNode view = run(suite, token, Map.of("protocol", "sia2", "service", peer(suite) + "/sia2/query",
                "POS", pos, "MAXREC", "3", "RESULTFORMAT", "tabledata"));
        assertEquals("COMPLETED", view.get("phase").asText(), view.toString());
        JsonNode result = view.get("results").get(0);
        assertEquals(3, result.get("rows").asLong());
        assertTrue(result.get("overflow").asBoolean(), view.toString());
        assertTrue(view.get("message").asText().contains("truncated"), view.toString());

        JsonNode bad = SuiteHttp.postForm(suite.url("query-svc") + "/queries", token, Map.of("protocol", "sia2",
                "service", peer(suite) + "/sia2/query", "POS", "BOX 1 2 3 4")).json();
        assertEquals("POS", bad.get("parameter").asText());
    }

    @Test
    void tapSyncAndAsyncGiveTheRowsOfAnIndependentFilter(Suite suite) throws Exception {
        String token = new SuiteAccounts(suite).userToken("tap-user");
        long expected = Catalogue.bundled().cone(180.0, 2.0, 0.5).size();
        Set<String> before = remoteJobs(suite);
        for (String mode : new String[] {"sync", "async"}) {
            JsonNode view = run(suite, token, Map.of("protocol", "tap", "service", peer(suite) + "/tap",
                    "QUERY", CONE_ADQL, "MODE", mode, "CACHE", "bypass", "saveAs", "#tap/cone-" + mode + ".vot"));
            assertEquals("COMPLETED", view.get("phase").asText(), mode + ": " + view);
            assertEquals(expected, view.get("results").get(0).get("rows").asLong(), mode);
            assertEquals(expected, stored(view).rows(), mode);
        }
        // The remote job query-svc created has been deleted there.
        Set<String> left = remoteJobs(suite);
        left.removeAll(before);
        assertEquals(Set.of(), left);
    }

    /** The ids of the jobs the TAP peer holds. */
    private static Set<String> remoteJobs(Suite suite) throws Exception {
        String list = new String(SuiteHttp.getBytes(peer(suite) + "/tap/async"), StandardCharsets.UTF_8);
        Set<String> ids = new HashSet<>();
        Matcher m = Pattern.compile("jobref id=\"([^\"]+)\"").matcher(list);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    @Test
    void aTapErrorBecomesAnErrorJobWithTheServicesMessage(Suite suite) throws Exception {
        String token = new SuiteAccounts(suite).userToken("tap-user");
        for (String mode : new String[] {"sync", "async"}) {
            JsonNode view = run(suite, token, Map.of("protocol", "tap", "service", peer(suite) + "/tap",
                    "QUERY", "SELECT nothing FROM no_such.table", "MODE", mode));
            assertEquals("ERROR", view.get("phase").asText(), mode + ": " + view);
            assertTrue(view.get("errorSummary").asText().contains("no_such.table"), mode + ": " + view);
        }
    }

    @Test
    void abortingAnAsyncTapJobAbortsAndDeletesTheRemoteOne(Suite suite) throws Exception {
        String token = new SuiteAccounts(suite).userToken("tap-user");
        SuiteHttp.Answer created = SuiteHttp.postForm(suite.url("query-svc") + "/queries", token, Map.of(
                "protocol", "tap", "service", peer(suite) + "/tap", "QUERY", "SELECT * FROM demo.slow_stars",
                "MODE", "async", "PHASE", "RUN"));
        String job = created.header("Location");
        Set<String> before = remoteJobs(suite);
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline && !new String(SuiteHttp.getBytes(peer(suite) + "/tap/async"),
                StandardCharsets.UTF_8).contains("EXECUTING")) {
            Thread.sleep(100);
        }
        assertEquals(303, SuiteHttp.postForm(job + "/phase", token, Map.of("PHASE", "ABORT")).status());
        assertEquals("ABORTED", ConeSearchPathIT.waitForEnd(job, token).get("phase").asText());
        // The remote job (the one executing when we aborted) must be gone.
        Set<String> left = remoteJobs(suite);
        while (System.nanoTime() < deadline && !left.isEmpty()) {
            Thread.sleep(100);
            left = remoteJobs(suite);
        }
        assertEquals(Set.of(), left, "the remote job should be gone (there were " + before + ")");
    }

    @Test
    void theSameQueryFromAnotherUserIsAnsweredFromTheSharedCache(Suite suite) throws Exception {
        SuiteAccounts accounts = new SuiteAccounts(suite);
        Map<String, String> query = Map.of("protocol", "tap", "service", peer(suite) + "/tap",
                "QUERY", "SELECT TOP 50 id, vmag FROM demo.stars WHERE vmag < 8", "RESULTFORMAT", "fits");
        JsonNode first = run(suite, accounts.userToken("cache-a"), query);
        assertEquals("COMPLETED", first.get("phase").asText(), first.toString());
        assertFalse(first.path("message").asText().contains("cache"), first.toString());
        JsonNode second = run(suite, accounts.userToken("cache-b"), query);
        assertEquals("COMPLETED", second.get("phase").asText(), second.toString());
        assertTrue(second.get("message").asText().contains("shared cache"), second.toString());
        JsonNode result = second.get("results").get(0);
        assertEquals(first.get("results").get(0).get("rows").asLong(), result.get("rows").asLong());
        assertTrue(result.get("uri").asText().contains("/cache-b/"), "a copy in the asker's own space");
        assertEquals("application/fits", result.get("mediaType").asText());
        byte[] fits = SuiteHttp.getBytes(result.get("readUrl").asText());
        assertTrue(new String(fits, 0, 30, StandardCharsets.US_ASCII).startsWith("SIMPLE  ="), "a FITS file");

        Map<String, String> bypass = new HashMap<>(query);
        bypass.put("CACHE", "bypass");
        JsonNode third = run(suite, accounts.userToken("cache-c"), bypass);
        assertFalse(third.path("message").asText().contains("cache"), third.toString());
    }

    @Test
    void aFanOutStoresOneTablePerServiceAndASummaryAndSurvivesAFailingService(Suite suite) throws Exception {
        String token = new SuiteAccounts(suite).userToken("fan-user");
        long expected = Catalogue.bundled().cone(180.0, 2.0, 0.3).size();
        JsonNode view = run(suite, token, Map.of("service", suite.coneUrl() + " " + DemoRecords.OFFLINE_CONE,
                "RA", "180.0", "DEC", "2.0", "SR", "0.3", "saveAs", "#fan/m1", "CACHE", "bypass"));
        assertEquals("COMPLETED", view.get("phase").asText(), view.toString());
        assertTrue(view.get("message").asText().contains("1 of 2 services failed"), view.toString());
        JsonNode results = view.get("results");
        assertEquals(2, results.size(), view.toString());
        assertEquals("vos://astroruntime.local!vospace/fan-user/fan/m1/summary.vot", results.get(0).get("uri").asText());
        assertEquals(expected, results.get(1).get("rows").asLong());
        StarTable summary = new StarTableFactory().makeStarTable(
                new ByteArrayDataSource("summary", SuiteHttp.getBytes(results.get(0).get("readUrl").asText())), "votable");
        assertEquals(2, summary.getRowCount());
        assertEquals("OK", summary.getCell(0, 1));
        assertEquals(expected, ((Number) summary.getCell(0, 2)).longValue());
        assertEquals("ERROR", summary.getCell(1, 1));
        assertTrue(String.valueOf(summary.getCell(1, 4)).contains("cannot connect"), String.valueOf(summary.getCell(1, 4)));
    }
}
