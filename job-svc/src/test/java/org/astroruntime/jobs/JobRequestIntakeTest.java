package org.astroruntime.jobs;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.astroruntime.common.event.EventCodec;
import org.astroruntime.common.event.JobEvent;
import org.astroruntime.common.event.JobRequest;
import org.astroruntime.common.event.Phase;
import org.astroruntime.common.event.Topics;
import org.astroruntime.common.testkit.KafkaBrokerTestResource;
import org.astroruntime.common.testkit.KafkaTestClient;
import org.astroruntime.common.testkit.TokenTestResource;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaBrokerTestResource.class)
@WithTestResource(TokenTestResource.class)
class JobRequestIntakeTest {

    private final EventCodec codec = new EventCodec();

    @Test
    void malformedRequestGoesToDeadLetterAndTheNextIsStillHandled() {
        try (KafkaTestClient kafka = new KafkaTestClient(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class))) {
            kafka.send(Topics.JOB_REQUESTS, "broken-1", "{\"schemaVersion\":1,\"jobId\":\"broken-1\"");
            ConsumerRecord<String, String> dead = kafka.await(Topics.DEAD_LETTER, r -> "broken-1".equals(r.key()), Duration.ofSeconds(30));
            assertTrue(KafkaTestClient.header(dead, "dead-letter-reason").contains("malformed JobRequest JSON"),
                    KafkaTestClient.header(dead, "dead-letter-reason"));

            kafka.send(Topics.JOB_REQUESTS, "job-2", codec.encode(new JobRequest(1, "job-2", "alice",
                    "ivo://astroruntime.local/app/nothing", null, TokenTestResource.tokens().issue("alice"))));
            ConsumerRecord<String, String> event = kafka.await(Topics.JOB_EVENTS, r -> "job-2".equals(r.key()), Duration.ofSeconds(30));
            JobEvent body = codec.decode(event.value(), JobEvent.class);
            assertEquals(Phase.ERROR, body.phase());
            assertEquals("alice", body.owner());
            assertTrue(body.errorSummary().contains("ivo://astroruntime.local/app/nothing"), body.errorSummary());
            assertEquals("org.astroruntime.job.event", KafkaTestClient.header(event, "ce_type"));

            kafka.send(Topics.JOB_REQUESTS, "job-3", codec.encode(new JobRequest(1, "job-3", "alice",
                    "ivo://astroruntime.local/app/nothing", null, TokenTestResource.tokens().issue("mallory"))));
            JobEvent forged = codec.decode(kafka.await(Topics.JOB_EVENTS, r -> "job-3".equals(r.key()), Duration.ofSeconds(30)).value(), JobEvent.class);
            assertEquals(Phase.ERROR, forged.phase());
            assertTrue(forged.errorSummary().contains("not the token's user"), forged.errorSummary());
        }
    }

    @Test
    void readinessChecksKafka() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.find { it.name == 'Kafka connection health check' }.status", equalTo("UP"));
        given().get("/q/openapi").then().statusCode(200);
    }
}
