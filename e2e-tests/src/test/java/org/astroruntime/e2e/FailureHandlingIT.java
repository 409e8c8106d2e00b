package org.astroruntime.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.astroruntime.common.event.EventCodec;
import org.astroruntime.common.event.JobEvent;
import org.astroruntime.common.event.Phase;
import org.astroruntime.common.event.QueryRequest;
import org.astroruntime.common.event.Topics;
import org.astroruntime.common.testkit.KafkaTestClient;
import org.astroruntime.e2e.suite.DemoRecords;
import org.astroruntime.e2e.suite.Suite;
import org.astroruntime.e2e.suite.SuiteAccounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bad input and remote failures against the running suite: each ends in a clear error (a 400 naming the parameter,
 * or an ERROR job with the reason) within the deadline, and nothing is left in storage.
 */
@ExtendWith(SuiteExtension.class)
class FailureHandlingIT {

    @Test
    void invalidPositionIs400NamingTheParameter(Suite suite) throws Exception {
        SuiteHttp.Answer a = SuiteHttp.postForm(suite.url("query-svc") + "/queries", carol(suite), Map.of(
                "service", DemoRecords.DEMO_CONE, "RA", "12", "DEC", "-95", "SR", "0.1", "PHASE", "RUN"));
        assertEquals(400, a.status());
        assertEquals("DEC", a.json().get("parameter").asText());
        assertTrue(a.json().get("message").asText().contains("between -90 and 90"));
    }

    @Test
    void unknownIdentifierIs400OverRestAndAnErrorJobOverKafka(Suite suite) throws Exception {
        String unknown = "ivo://astroruntime.demo/cone/no-such-service";
        assertEquals(404, SuiteHttp.get(suite.url("registry-svc") + "/resources/"
                + URLEncoder.encode(unknown, StandardCharsets.UTF_8)).status());
        SuiteHttp.Answer refused = SuiteHttp.postForm(suite.url("query-svc") + "/queries", carol(suite), Map.of(
                "service", unknown, "RA", "180", "DEC", "2", "SR", "0.2", "saveAs", "#fail/unknown.vot", "PHASE", "RUN"));
        assertEquals(400, refused.status(), refused.body());
        assertEquals("service", refused.json().get("parameter").asText());
        assertTrue(refused.json().get("message").asText().contains("registry-svc does not know " + unknown), refused.body());
        // A cone-search service asked for ADQL: the registry knows it, but not with that capability.
        SuiteHttp.Answer wrongCapability = SuiteHttp.postForm(suite.url("query-svc") + "/queries", carol(suite), Map.of(
                "service", DemoRecords.DEMO_CONE, "protocol", "tap", "QUERY", "SELECT TOP 1 * FROM demo.stars",
                "PHASE", "RUN"));
        assertEquals(400, wrongCapability.status(), wrongCapability.body());
        assertTrue(wrongCapability.json().get("message").asText().contains("has no ivo://ivoa.net/std/TAP capability"),
                wrongCapability.body());

        EventCodec codec = new EventCodec();
        String jobId = "e2e-unknown-service";
        try (KafkaTestClient kafka = new KafkaTestClient(suite.kafkaBootstrap())) {
            kafka.send(Topics.QUERY_REQUESTS, jobId, codec.encode(new QueryRequest(1, jobId, "carol", "cone", unknown,
                    Map.of("RA", "180", "DEC", "2", "SR", "0.2"), "#fail/unknown.vot", null, carol(suite))));
            ConsumerRecord<String, String> failed = kafka.await(Topics.JOB_EVENTS, r -> jobId.equals(r.key())
                    && codec.decode(r.value(), JobEvent.class).phase().isTerminal(), Duration.ofSeconds(60));
            JobEvent event = codec.decode(failed.value(), JobEvent.class);
            assertEquals(Phase.ERROR, event.phase());
            assertTrue(event.errorSummary().contains("registry-svc does not know " + unknown), event.toString());
        }
        assertNothingStored(suite, "fail/unknown.vot");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "registered server down      | OFFLINE         | cannot connect to the service",
        "HTML instead of a VOTable   | /faults/html    | did not answer with a valid VOTable",
        "VOTable error document      | /faults/error   | reported an error: Catalogue database is offline",
        "truncated VOTable           | /faults/truncated | did not answer with a valid VOTable",
        "truncated after 6.5 MB, while streaming into VOSpace | /faults/truncated-large | did not answer with a valid VOTable",
        "HTTP 500                    | /faults/500     | answered HTTP 500",
        "no answer within the deadline | /faults/slow  | did not send a complete answer within 5 s",
    })
    void remoteFailuresEndInErrorWithTheReasonAndNothingStored(String name, String target, String reason, Suite suite)
            throws Exception {
        String service = target.equals("OFFLINE") ? DemoRecords.OFFLINE_CONE
                : suite.coneUrl().replace("/cone", target);
        String node = "fail/" + target.replaceAll("[^a-z0-9]", "") + ".vot";
        long start = System.nanoTime();
        JsonNode job = runAndWait(suite, service, "#" + node);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertEquals("ERROR", job.get("phase").asText(), job.toString());
        assertTrue(job.get("errorSummary").asText().contains(reason), job.get("errorSummary").asText());
        assertTrue(took.compareTo(SuiteExtension.REMOTE_TIMEOUT.plusSeconds(10)) < 0, name + " took " + took);
        assertNothingStored(suite, node);
    }

    @Test
    void malformedMessagesGoToDeadLetterAndTheNextRequestStillRuns(Suite suite) throws Exception {
        EventCodec codec = new EventCodec();
        String dave = new SuiteAccounts(suite).userToken("dave");
        try (KafkaTestClient kafka = new KafkaTestClient(suite.kafkaBootstrap())) {
            kafka.send(Topics.QUERY_REQUESTS, "e2e-garbage", "{\"schemaVersion\":1, \"jobId\": 42");
            ConsumerRecord<String, String> dead = kafka.await(Topics.DEAD_LETTER, r -> "e2e-garbage".equals(r.key()), Duration.ofSeconds(30));
            assertTrue(KafkaTestClient.header(dead, "dead-letter-reason").contains("malformed QueryRequest"));

            String jobId = "e2e-after-garbage";
            kafka.send(Topics.QUERY_REQUESTS, jobId, codec.encode(new QueryRequest(1, jobId, "dave", "cone",
                    DemoRecords.DEMO_CONE, Map.of("RA", "83.82", "DEC", "-5.39", "SR", "0.3"), null, null, dave)));
            ConsumerRecord<String, String> done = kafka.await(Topics.JOB_EVENTS, r -> jobId.equals(r.key())
                    && codec.decode(r.value(), JobEvent.class).phase().isTerminal(), Duration.ofSeconds(60));
            assertEquals(Phase.COMPLETED, codec.decode(done.value(), JobEvent.class).phase());
            assertEquals("query-svc", KafkaTestClient.header(done, "ce_source"));
            assertEquals("org.astroruntime.job.event", KafkaTestClient.header(done, "ce_type"));

            // Sent again (at-least-once delivery): still one job, not run twice.
            kafka.send(Topics.QUERY_REQUESTS, jobId, codec.encode(new QueryRequest(1, jobId, "dave", "cone",
                    DemoRecords.DEMO_CONE, Map.of("RA", "83.82", "DEC", "-5.39", "SR", "0.3"), null, null, dave)));
            JsonNode view = SuiteHttp.getJson(suite.url("query-svc") + "/queries/" + jobId, dave).json();
            assertEquals("COMPLETED", view.get("phase").asText());
        }
    }

    private static String carol(Suite suite) throws Exception {
        return new SuiteAccounts(suite).userToken("carol");
    }

    private static JsonNode runAndWait(Suite suite, String service, String saveAs) throws Exception {
        Map<String, String> form = new HashMap<>(Map.of("service", service,
                "RA", "180", "DEC", "2", "SR", "0.2", "saveAs", saveAs, "PHASE", "RUN"));
        String token = carol(suite);
        SuiteHttp.Answer created = SuiteHttp.postForm(suite.url("query-svc") + "/queries", token, form);
        assertEquals(303, created.status(), created.body());
        return ConeSearchPathIT.waitForEnd(created.header("Location"), token);
    }

    private static void assertNothingStored(Suite suite, String node) throws Exception {
        assertEquals(404, SuiteHttp.get(suite.url("vospace-svc") + "/data/carol/" + node, carol(suite)).status(),
                node + " was stored");
    }
}
