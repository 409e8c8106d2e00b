package org.astroruntime.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
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

/** A logout at vospace-svc ends the token in every service, over REST and in Kafka requests. */
@ExtendWith(SuiteExtension.class)
class LogoutIT {

    @Test
    void aLoggedOutTokenIsRefusedByEveryService(Suite suite) throws Exception {
        SuiteAccounts accounts = new SuiteAccounts(suite);
        String token = accounts.userToken("erin");
        String other = accounts.userToken("erin"); // a second session of the same user stays valid
        String queries = suite.url("query-svc") + "/queries";
        String forwards = suite.url("messaging-bridge") + "/forwards";
        String nodes = suite.url("vospace-svc") + "/nodes/erin";
        for (String url : new String[] {queries, forwards, nodes}) {
            assertEquals(200, SuiteHttp.get(url, token).status(), url);
        }

        assertEquals(204, SuiteHttp.postForm(suite.url("vospace-svc") + "/logout", token, Map.of()).status());

        assertEquals(401, SuiteHttp.get(nodes, token).status(), "vospace-svc refuses at once");
        for (String url : new String[] {queries, forwards}) {
            // The other services learn of it over Kafka: bounded wait.
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            SuiteHttp.Answer answer = SuiteHttp.get(url, token);
            while (answer.status() != 401 && System.nanoTime() < deadline) {
                Thread.sleep(100);
                answer = SuiteHttp.get(url, token);
            }
            assertEquals(401, answer.status(), url + " still accepts the token: " + answer.body());
            assertTrue(answer.body().contains("revoked"), answer.body());
            assertEquals(200, SuiteHttp.get(url, other).status(), "the other session of the user still works at " + url);
        }

        // A Kafka request that carries the revoked token is not run.
        EventCodec codec = new EventCodec();
        String jobId = "e2e-revoked-token";
        try (KafkaTestClient kafka = new KafkaTestClient(suite.kafkaBootstrap())) {
            kafka.send(Topics.QUERY_REQUESTS, jobId, codec.encode(new QueryRequest(1, jobId, "erin", "cone",
                    DemoRecords.DEMO_CONE, Map.of("RA", "83.82", "DEC", "-5.39", "SR", "0.3"), null, null, token)));
            ConsumerRecord<String, String> end = kafka.await(Topics.JOB_EVENTS, r -> jobId.equals(r.key())
                    && codec.decode(r.value(), JobEvent.class).phase().isTerminal(), Duration.ofSeconds(30));
            JobEvent event = codec.decode(end.value(), JobEvent.class);
            assertEquals(Phase.ERROR, event.phase());
            assertTrue(event.errorSummary().contains("revoked"), event.errorSummary());
        }
    }
}
