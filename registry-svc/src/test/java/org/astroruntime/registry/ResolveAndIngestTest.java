package org.astroruntime.registry;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.astroruntime.common.event.EventCodec;
import org.astroruntime.common.event.RegistryEvent;
import org.astroruntime.common.event.Topics;
import org.astroruntime.common.testkit.KafkaBrokerTestResource;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaBrokerTestResource.class)
class ResolveAndIngestTest {

    @Test
    void resolvesAnEncodedIdentifierToItsConeCapability() {
        given().get("/resources/{id}", "ivo://test.example/rosat/bsc")
                .then().statusCode(200)
                .body("ivoid", equalTo("ivo://test.example/rosat/bsc"))
                .body("title", equalTo("ROSAT All-Sky Survey Bright Source Catalog"))
                .body("shortName", equalTo("RASS-BSC"))
                .body("subjects", hasItem("X-ray sources"))
                .body("capabilities[0].standardId", equalTo("ivo://ivoa.net/std/ConeSearch"))
                .body("capabilities[0].interfaces[0].accessUrls[0]", equalTo("http://127.0.0.1:1/cone?cat=rosat&"));
    }

    @Test
    void resolutionIsCaseInsensitiveAndToleratesUnencodedIds() {
        given().urlEncodingEnabled(false).get("/resources/ivo://TEST.example/ROSAT/bsc")
                .then().statusCode(200).body("ivoid", equalTo("ivo://test.example/rosat/bsc"));
    }

    @Test
    void unknownIdentifierIs404WithAMessage() {
        given().get("/resources/{id}", "ivo://test.example/nothing-here")
                .then().statusCode(404)
                .body("error", equalTo("NotFound"))
                .body("message", containsString("ivo://test.example/nothing-here"));
    }

    @Test
    void invalidIdentifierIs400WithTheReason() {
        given().get("/resources/{id}", "http://not-an-ivoid")
                .then().statusCode(400)
                .body("error", equalTo("InvalidIdentifier"))
                .body("message", containsString("not an ivo:// identifier"));
        given().queryParam("limit", 0).get("/resources").then().statusCode(400).body("parameter", equalTo("limit"));
    }

    @Test
    void badRecordsAreRejectedWithReasonsAndTheRestLoaded() {
        String dirReport = "find { it.source.endsWith('records') }";
        given().get("/ingest/reports").then().statusCode(200)
                .body(dirReport + ".status", equalTo("COMPLETED"))
                .body(dirReport + ".added", equalTo(1))
                .body(dirReport + ".rejected.size()", equalTo(3))
                .body(dirReport + ".rejected.find { it.record == 'bad-no-identifier.xml' }.reason", containsString("no identifier"))
                .body(dirReport + ".rejected.find { it.record == 'bad-xxe.xml' }.reason", containsString("DOCTYPE"))
                .body(dirReport + ".rejected.find { it.record == 'bad-namespace.xml' }.reason", containsString("RegistryInterface"));
        // The one good file, and the four records of the suite's own services (the bundled set is off in tests).
        given().get("/resources").then().statusCode(200).body("size()", equalTo(5))
                .body("ivoid", hasItem("ivo://test.example/rosat/bsc"))
                .body("ivoid", hasItem("ivo://astroruntime.local/vospace"));
    }

    @Test
    void loadedRecordsArePublishedAsCloudEvents() {
        String servers = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.REGISTRY_EVENTS));
            long deadline = System.currentTimeMillis() + 20_000;
            while (System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    if (!r.key().equals("ivo://test.example/rosat/bsc")) {
                        continue;
                    }
                    RegistryEvent event = new EventCodec().decode(r.value(), RegistryEvent.class);
                    assertEquals(RegistryEvent.Action.UPSERTED, event.action());
                    assertEquals("org.astroruntime.registry.event",
                            new String(r.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8));
                    assertEquals("registry-svc",
                            new String(r.headers().lastHeader("ce_source").value(), StandardCharsets.UTF_8));
                    return;
                }
            }
            assertTrue(false, "no registry event within 20 s");
        }
    }
}
