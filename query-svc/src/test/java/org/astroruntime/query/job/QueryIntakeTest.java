package org.astroruntime.query.job;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.astroruntime.common.event.EventCodec;
import org.astroruntime.common.event.JobEvent;
import org.astroruntime.common.event.Phase;
import org.astroruntime.common.event.QueryRequest;
import org.astroruntime.common.event.Topics;
import org.astroruntime.common.testkit.KafkaBrokerTestResource;
import org.astroruntime.common.testkit.KafkaTestClient;
import org.astroruntime.common.testkit.TokenTestResource;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** Submission over REST and Kafka, and the answers to bad input (the full query path is in e2e-tests). */
@QuarkusTest
@WithTestResource(KafkaBrokerTestResource.class)
@WithTestResource(TokenTestResource.class)
class QueryIntakeTest {

    private static final String ALICE = TokenTestResource.tokens().issue("alice");
    private static final String BOB = TokenTestResource.tokens().issue("bob");

    private final EventCodec codec = new EventCodec();

    @Test
    void badConeParametersAre400NamingTheParameter() {
        given().auth().oauth2(ALICE).formParams(Map.of("owner", "alice", "service", "http://127.0.0.1:1/cone", "RA", "400", "DEC", "0", "SR", "1"))
                .post("/queries").then().statusCode(400)
                .body("error", equalTo("InvalidParameter")).body("parameter", equalTo("RA"))
                .body("message", containsString("between 0 and 360"));
        given().auth().oauth2(ALICE).formParams(Map.of("owner", "alice", "service", "http://127.0.0.1:1/cone", "RA", "10", "DEC", "-91", "SR", "1"))
                .post("/queries").then().statusCode(400).body("parameter", equalTo("DEC"));
        given().auth().oauth2(ALICE).formParams(Map.of("owner", "alice", "service", "http://127.0.0.1:1/cone", "RA", "10", "DEC", "1", "SR", "-1"))
                .post("/queries").then().statusCode(400).body("parameter", equalTo("SR"));
        given().auth().oauth2(ALICE).formParams(Map.of("owner", "alice", "service", "ftp://x/cone", "RA", "10", "DEC", "1", "SR", "1"))
                .post("/queries").then().statusCode(400).body("parameter", equalTo("service"));
        given().auth().oauth2(ALICE).formParams(Map.of("owner", "alice", "service", "ivo://x", "RA", "10", "DEC", "1", "SR", "1"))
                .post("/queries").then().statusCode(400).body("parameter", equalTo("service"));
        given().auth().oauth2(ALICE).formParams(Map.of("owner", "alice", "service", "http://h/c", "RA", "10", "DEC", "1", "SR", "1", "saveAs", "#../bob/x.vot"))
                .post("/queries").then().statusCode(400).body("parameter", equalTo("saveAs"));
        given().auth().oauth2(ALICE).formParams(Map.of("owner", "bob", "service", "http://h/c", "RA", "10", "DEC", "1", "SR", "1"))
                .post("/queries").then().statusCode(403);
        given().formParams(Map.of("service", "http://h/c", "RA", "10", "DEC", "1", "SR", "1"))
                .post("/queries").then().statusCode(401);
        given().auth().oauth2(ALICE).get("/queries/no-such-job").then().statusCode(404).body("error", equalTo("NotFound"));
    }

    @Test
    void aPendingJobWaitsForRunAndCanBeAborted() {
        String location = given().auth().oauth2(ALICE).redirects().follow(false)
                .formParams(Map.of("owner", "alice", "service", "http://127.0.0.1:1/cone", "RA", "10", "DEC", "1", "SR", "1"))
                .post("/queries").then().statusCode(303).extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        given().auth().oauth2(ALICE).accept(ContentType.JSON).get("/queries/" + id).then().statusCode(200)
                .body("phase", equalTo("PENDING"))
                .body("saveAs", equalTo("vos://astroruntime.local!vospace/alice/queries/" + id + ".vot"));
        // UWS clients (pyvo, TOPCAT) get the UWS 1.1 job document.
        given().auth().oauth2(ALICE).get("/queries/" + id).then().statusCode(200).contentType(ContentType.XML)
                .body("job.jobId", equalTo(id)).body("job.phase", equalTo("PENDING"))
                .body("job.parameters.parameter.find { it.@id == 'RA' }", equalTo("10"))
                .body("job.parameters.parameter.find { it.@id == 'protocol' }", equalTo("cone"));
        given().auth().oauth2(ALICE).get("/queries").then().statusCode(200)
                .body("jobs.jobref.find { it.@id == '" + id + "' }.phase", equalTo("PENDING"));
        String created = given().auth().oauth2(ALICE).get("/queries/" + id).then().extract().path("job.creationTime");
        String destruction = given().auth().oauth2(ALICE).get("/queries/" + id + "/destruction").then().statusCode(200)
                .extract().asString();
        assertEquals(java.time.Instant.parse(created).plus(java.time.Duration.ofHours(168)), java.time.Instant.parse(destruction));
        given().auth().oauth2(ALICE).queryParam("AFTER", "yesterday").get("/queries").then().statusCode(400)
                .body("parameter", equalTo("AFTER"));
        // Bob can neither see nor change alice's job, and cannot tell it exists.
        given().auth().oauth2(BOB).get("/queries/" + id).then().statusCode(404);
        given().auth().oauth2(BOB).formParam("PHASE", "ABORT").post("/queries/" + id + "/phase").then().statusCode(404);
        given().auth().oauth2(BOB).accept(ContentType.JSON).get("/queries").then().statusCode(200).body("size()", equalTo(0));
        given().auth().oauth2(ALICE).redirects().follow(false).formParam("PHASE", "ABORT").post("/queries/" + id + "/phase").then().statusCode(303);
        given().auth().oauth2(ALICE).get("/queries/" + id + "/phase").then().statusCode(200).body(equalTo("ABORTED"));
        given().auth().oauth2(ALICE).formParam("PHASE", "SUSPEND").post("/queries/" + id + "/phase").then().statusCode(400);

        // Deleting, both UWS ways: DELETE, and POST ACTION=DELETE (what pyvo sends); each answers 303 to the list.
        given().auth().oauth2(BOB).redirects().follow(false).formParam("ACTION", "DELETE").post("/queries/" + id)
                .then().statusCode(404);
        given().auth().oauth2(ALICE).formParam("ACTION", "ARCHIVE").post("/queries/" + id).then().statusCode(400)
                .body("parameter", equalTo("ACTION"));
        given().auth().oauth2(ALICE).redirects().follow(false).formParam("ACTION", "DELETE").post("/queries/" + id)
                .then().statusCode(303).header("Location", endsWith("/queries"));
        given().auth().oauth2(ALICE).get("/queries/" + id).then().statusCode(404);
        String other = given().auth().oauth2(ALICE).redirects().follow(false)
                .formParams(Map.of("service", "http://127.0.0.1:1/cone", "RA", "10", "DEC", "1", "SR", "1"))
                .post("/queries").then().statusCode(303).extract().header("Location");
        given().auth().oauth2(ALICE).redirects().follow(false).delete(other).then().statusCode(303);
        given().auth().oauth2(ALICE).get(other).then().statusCode(404);
    }

    @Test
    void unreachableServiceEndsInErrorWithTheReason() {
        String location = given().auth().oauth2(ALICE).redirects().follow(false)
                .formParams(Map.of("owner", "alice", "service", "http://127.0.0.1:1/cone", "RA", "10", "DEC", "1", "SR", "1",
                        "PHASE", "RUN"))
                .post("/queries").then().statusCode(303).extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        given().auth().oauth2(ALICE).queryParam("WAIT", 10).queryParam("PHASE", "QUEUED").get("/queries/" + id);
        given().auth().oauth2(ALICE).queryParam("WAIT", 10).queryParam("PHASE", "EXECUTING").get("/queries/" + id);
        given().auth().oauth2(ALICE).accept(ContentType.JSON).get("/queries/" + id).then().body("phase", equalTo("ERROR"))
                .body("errorSummary", containsString("cannot connect to the service at 127.0.0.1:1"));
        given().auth().oauth2(ALICE).get("/queries/" + id + "/error").then().statusCode(200).body(containsString("cannot connect"));
    }

    @Test
    void kafkaRequestsMalformedGoToDeadLetterBadOnesBecomeErrorJobs() {
        try (KafkaTestClient kafka = new KafkaTestClient(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class))) {
            kafka.send(Topics.QUERY_REQUESTS, "garbage-1", "this is not json");
            ConsumerRecord<String, String> dead = kafka.await(Topics.DEAD_LETTER, r -> "garbage-1".equals(r.key()), Duration.ofSeconds(30));
            assertTrue(KafkaTestClient.header(dead, "dead-letter-reason").contains("malformed QueryRequest"));

            kafka.send(Topics.QUERY_REQUESTS, "k-bad-dec", codec.encode(new QueryRequest(1, "k-bad-dec", "alice", "cone",
                    "http://127.0.0.1:1/cone", Map.of("RA", "10", "DEC", "95", "SR", "1"), null, null, ALICE)));
            ConsumerRecord<String, String> event = kafka.await(Topics.JOB_EVENTS, r -> "k-bad-dec".equals(r.key()), Duration.ofSeconds(30));
            JobEvent body = codec.decode(event.value(), JobEvent.class);
            assertEquals(Phase.ERROR, body.phase());
            assertTrue(body.errorSummary().contains("DEC"), body.errorSummary());
            given().auth().oauth2(ALICE).accept(ContentType.JSON).get("/queries/k-bad-dec").then().statusCode(200).body("phase", equalTo("ERROR"));

            kafka.send(Topics.QUERY_REQUESTS, "bad id!", codec.encode(new QueryRequest(1, "bad id!", "alice", "cone",
                    "http://127.0.0.1:1/cone", Map.of("RA", "10", "DEC", "5", "SR", "1"), null, null, ALICE)));
            ConsumerRecord<String, String> dead2 = kafka.await(Topics.DEAD_LETTER, r -> "bad id!".equals(r.key()), Duration.ofSeconds(30));
            assertTrue(KafkaTestClient.header(dead2, "dead-letter-reason").contains("jobId"));

            // A request claiming alice with bob's token, and one with no token, are refused with the reason.
            kafka.send(Topics.QUERY_REQUESTS, "k-forged", codec.encode(new QueryRequest(1, "k-forged", "alice", "cone",
                    "http://127.0.0.1:1/cone", Map.of("RA", "10", "DEC", "5", "SR", "1"), null, null, BOB)));
            JobEvent forged = codec.decode(kafka.await(Topics.JOB_EVENTS, r -> "k-forged".equals(r.key()), Duration.ofSeconds(30)).value(), JobEvent.class);
            assertEquals(Phase.ERROR, forged.phase());
            assertTrue(forged.errorSummary().contains("not the token's user"), forged.errorSummary());
            kafka.send(Topics.QUERY_REQUESTS, "k-tokenless", codec.encode(new QueryRequest(1, "k-tokenless", "alice", "cone",
                    "http://127.0.0.1:1/cone", Map.of("RA", "10", "DEC", "5", "SR", "1"), null, null, null)));
            JobEvent tokenless = codec.decode(kafka.await(Topics.JOB_EVENTS, r -> "k-tokenless".equals(r.key()), Duration.ofSeconds(30)).value(), JobEvent.class);
            assertTrue(tokenless.errorSummary().contains("carries no token"), tokenless.errorSummary());
        }
    }
}
