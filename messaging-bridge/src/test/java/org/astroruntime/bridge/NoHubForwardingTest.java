package org.astroruntime.bridge;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.astroruntime.common.event.EventCodec;
import org.astroruntime.common.event.ResultEvent;
import org.astroruntime.common.event.Topics;
import org.astroruntime.common.testkit.KafkaBrokerTestResource;
import org.astroruntime.common.testkit.KafkaTestClient;
import org.astroruntime.common.testkit.TokenTestResource;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** Without a SAMP hub the bridge stays ready and records why a result was not sent (e2e-tests cover delivery). */
@QuarkusTest
@WithTestResource(KafkaBrokerTestResource.class)
@WithTestResource(TokenTestResource.class)
class NoHubForwardingTest {

    @Test
    void readyOnceTheResultsConsumerHoldsPartitions() {
        long deadline = System.currentTimeMillis() + 30_000;
        while (given().get("/q/health/ready").statusCode() != 200 && System.currentTimeMillis() < deadline) {
            sleep(200);
        }
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'desktop bridge' }.data.results-partitions", greaterThan(0))
                .body("checks.find { it.name == 'desktop bridge' }.data.samp-hub-connected", equalTo(false));
    }

    @Test
    void aResultWithNoHubIsRecordedAsNotSent() {
        readyOnceTheResultsConsumerHoldsPartitions();
        try (KafkaTestClient kafka = new KafkaTestClient(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class))) {
            kafka.send(Topics.RESULTS, "alice", new EventCodec().encode(new ResultEvent(1, "nohub-1", "alice",
                    "vos://astroruntime.local!vospace/alice/a.vot", "http://127.0.0.1:1/a.vot", "a.vot",
                    "application/x-votable+xml", 3L, 100, false, null)));
        }
        long deadline = System.currentTimeMillis() + Duration.ofSeconds(30).toMillis();
        String alice = TokenTestResource.tokens().issue("alice");
        while (!given().auth().oauth2(alice).get("/forwards").asString().contains("nohub-1") && System.currentTimeMillis() < deadline) {
            sleep(200);
        }
        given().auth().oauth2(TokenTestResource.tokens().issue("bob")).get("/forwards").then().statusCode(200).body("size()", equalTo(0));
        given().get("/forwards").then().statusCode(401);
        given().auth().oauth2(alice).get("/forwards").then().statusCode(200)
                .body("find { it.jobId == 'nohub-1' }.status", equalTo("not-sent"))
                .body("find { it.jobId == 'nohub-1' }.mtype", equalTo("table.load.votable"))
                .body("find { it.jobId == 'nohub-1' }.detail", containsString("no SAMP hub"));
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
