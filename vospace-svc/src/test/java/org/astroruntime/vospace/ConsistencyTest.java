package org.astroruntime.vospace;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.astroruntime.common.event.EventCodec;
import org.astroruntime.common.event.Topics;
import org.astroruntime.common.event.VoSpaceEvent;
import org.astroruntime.common.testkit.KafkaBrokerTestResource;
import org.astroruntime.common.testkit.KafkaTestClient;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** Concurrent writers, a container deleted under an upload, and the events every change publishes. */
@QuarkusTest
@WithTestResource(KafkaBrokerTestResource.class)
class ConsistencyTest {

    @Test
    void ofConcurrentWritersOfOneNodeTheLastCompleteWriteWinsWhole() throws Exception {
        String t = Logins.tokenFor("cara");
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Integer>> writers = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                byte[] content = new byte[200_000];
                Arrays.fill(content, (byte) ('a' + i));
                writers.add(() -> given().auth().oauth2(t).body(content).put("/data/cara/contended.bin").statusCode());
            }
            for (Future<Integer> f : pool.invokeAll(writers)) {
                assertTrue(f.get() == 200 || f.get() == 201);
            }
        } finally {
            pool.shutdownNow();
        }
        byte[] result = given().auth().oauth2(t).get("/data/cara/contended.bin").then().statusCode(200).extract().asByteArray();
        assertEquals(200_000, result.length);
        for (byte b : result) {
            assertEquals(result[0], b, "bytes of two writers were interleaved");
        }
    }

    @Test
    void aContainerDeletedWhileAChildIsWrittenLeavesNoOrphanBytes() throws Exception {
        String t = Logins.tokenFor("dina");
        given().auth().oauth2(t).body("x").put("/data/dina/box/first.txt").then().statusCode(201);
        URI base = URI.create(ConfigProvider.getConfig().getValue("test.url", String.class));
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("PUT /data/dina/box/slow.bin HTTP/1.1\r\nHost: x\r\nConnection: close\r\nAuthorization: Bearer " + t
                    + "\r\nContent-Length: 20000\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[10_000]);
            out.flush();
            Thread.sleep(500);
            given().auth().oauth2(t).delete("/nodes/dina/box").then().statusCode(204);
            out.write(new byte[10_000]);
            out.flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 404") && answer.contains("ContainerNotFound"), answer);
        }
        given().auth().oauth2(t).get("/nodes/dina/box").then().statusCode(404);
        given().auth().oauth2(t).get("/data/dina/box/slow.bin").then().statusCode(404);
    }

    @Test
    void everyCreateChangeAndDeleteIsPublished() {
        String t = Logins.tokenFor("ella");
        given().auth().oauth2(t).body("1").put("/data/ella/e.txt").then().statusCode(201);
        given().auth().oauth2(t).body("22").put("/data/ella/e.txt").then().statusCode(200);
        given().auth().oauth2(t).delete("/data/ella/e.txt").then().statusCode(204);
        EventCodec codec = new EventCodec();
        try (KafkaTestClient kafka = new KafkaTestClient(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class))) {
            for (VoSpaceEvent.Action action : Set.of(VoSpaceEvent.Action.CREATED, VoSpaceEvent.Action.CHANGED, VoSpaceEvent.Action.DELETED)) {
                kafka.await(Topics.VOSPACE_EVENTS, r -> {
                    VoSpaceEvent e = codec.decode(r.value(), VoSpaceEvent.class);
                    return "ella".equals(r.key()) && e.uri().endsWith("/ella/e.txt") && e.action() == action;
                }, Duration.ofSeconds(30));
            }
        }
    }
}
