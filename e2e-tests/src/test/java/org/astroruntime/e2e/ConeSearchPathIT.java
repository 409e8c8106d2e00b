package org.astroruntime.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.astroruntime.common.event.Phase;
import org.astroruntime.common.votable.VoTableChecker;
import org.astroruntime.common.votable.VoTableReport;
import org.astroruntime.e2e.demo.ConeDemo;
import org.astroruntime.e2e.peers.Catalogue;
import org.astroruntime.e2e.suite.DemoRecords;
import org.astroruntime.e2e.suite.Suite;
import org.astroruntime.e2e.suite.SuiteAccounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The spine's one real path with every piece a separate process: a cone-search request on Kafka (and over REST)
 * resolved through registry-svc, run against a real cone-search server, checked and stored in vospace-svc,
 * announced on vo.job.events and vo.results, and loaded by a SAMP table viewer through a real hub.
 */
@ExtendWith(SuiteExtension.class)
class ConeSearchPathIT {

    @Test
    void aKafkaRequestEndsInTheDesktopViewerWithTheSameRows(Suite suite) throws Exception {
        String alice = new SuiteAccounts(suite).userToken("alice");
        ConeDemo.DemoOutcome outcome = new ConeDemo(suite).run("alice", alice, "#cones/ned.vot", Duration.ofSeconds(60));

        assertEquals(List.of(Phase.PENDING, Phase.QUEUED, Phase.EXECUTING, Phase.COMPLETED), outcome.phases());
        assertNotNull(outcome.result(), "no result on vo.results");
        long expected = Catalogue.bundled().cone(180.0, 2.0, 0.5).size();
        assertTrue(expected > 50, "the demo field should be populated, found " + expected);
        assertEquals(expected, outcome.result().rows());
        assertEquals("vos://astroruntime.local!vospace/alice/cones/ned.vot", outcome.result().uri());
        assertEquals("alice", outcome.result().owner());

        // The viewer fetched the URL itself and read the table with STIL.
        assertEquals(expected, outcome.viewerRows());

        // The stored bytes are a complete VOTable with the same rows, readable through the pre-signed URL the
        // viewer got, and through the plain data URL only with alice's token.
        byte[] stored = SuiteHttp.getBytes(outcome.result().url());
        String dataUrl = outcome.result().url().substring(0, outcome.result().url().indexOf('?'));
        assertEquals(200, SuiteHttp.get(dataUrl, alice).status());
        assertEquals(401, SuiteHttp.get(dataUrl).status());
        assertEquals(403, SuiteHttp.get(dataUrl, new SuiteAccounts(suite).userToken("bob")).status());
        VoTableReport report = new VoTableChecker().check(new ByteArrayInputStream(stored));
        assertEquals(expected, report.rows());
        assertEquals(stored.length, outcome.result().size());

        // The bridge records the delivery and the viewer's answer.
        JsonNode forwards = SuiteHttp.getJson(suite.url("messaging-bridge") + "/forwards", alice).json();
        JsonNode mine = null;
        for (JsonNode f : forwards) {
            if (f.get("jobId").asText().equals(outcome.jobId())) {
                mine = f;
            }
        }
        assertNotNull(mine, "no forward recorded for " + outcome.jobId());
        assertEquals("samp.ok", mine.get("status").asText());
        assertEquals("e2e-table-viewer", mine.get("recipient").asText());
        assertEquals("table.load.votable", mine.get("mtype").asText());
    }

    @Test
    void aRestRequestAnswersWithAJobUrlAndFiltersByTrueDistance(Suite suite) throws Exception {
        // Around M31, where RA lines converge: a filter on RA/Dec boxes would get a different count.
        String bob = new SuiteAccounts(suite).userToken("bob");
        SuiteHttp.Answer created = SuiteHttp.postForm(suite.url("query-svc") + "/queries", bob, Map.of(
                "service", DemoRecords.DEMO_CONE, "RA", "10.68", "DEC", "41.27", "SR", "1.2",
                "saveAs", "#cones/m31.vot", "PHASE", "RUN"));
        assertEquals(303, created.status(), created.body());
        String job = created.header("Location");
        assertTrue(job.startsWith(suite.url("query-svc") + "/queries/"), job);

        JsonNode view = waitForEnd(job, bob);
        assertEquals("COMPLETED", view.get("phase").asText(), view.toString());
        long expected = Catalogue.bundled().cone(10.68, 41.27, 1.2).size();
        JsonNode result = view.get("results").get(0);
        assertEquals(expected, result.get("rows").asLong());
        assertEquals("vos://astroruntime.local!vospace/bob/cones/m31.vot", result.get("uri").asText());
        assertEquals(expected, new VoTableChecker().check(new ByteArrayInputStream(SuiteHttp.getBytes(result.get("readUrl").asText()))).rows());

        // Only bob's jobs in bob's list; alice cannot see bob's job.
        JsonNode list = SuiteHttp.getJson(suite.url("query-svc") + "/queries", bob).json();
        assertTrue(list.size() >= 1);
        for (JsonNode j : list) {
            assertEquals("bob", j.get("ownerId").asText());
        }
        assertEquals(404, SuiteHttp.get(job, new SuiteAccounts(suite).userToken("alice")).status());
    }

    @Test
    void registryResolvesTheDemoService(Suite suite) throws Exception {
        SuiteHttp.Answer a = SuiteHttp.get(suite.url("registry-svc") + "/resources/"
                + URLEncoder.encode(DemoRecords.DEMO_CONE, StandardCharsets.UTF_8));
        assertEquals(200, a.status());
        assertEquals(suite.coneUrl() + "?", a.json().get("capabilities").get(0).get("interfaces").get(0).get("accessUrls").get(0).asText());
    }

    static JsonNode waitForEnd(String jobUrl, String token) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonNode view = SuiteHttp.getJson(jobUrl, token).json();
        while (System.nanoTime() < deadline && !Phase.valueOf(view.get("phase").asText()).isTerminal()) {
            view = SuiteHttp.getJson(jobUrl + "?WAIT=10", token).json();
        }
        return view;
    }
}
