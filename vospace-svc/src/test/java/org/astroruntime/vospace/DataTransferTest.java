package org.astroruntime.vospace;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;
import org.astroruntime.common.testkit.KafkaBrokerTestResource;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaBrokerTestResource.class)
class DataTransferTest {

    @Test
    void uploadThenDownloadGivesTheSameBytes() {
        byte[] data = new byte[300_000];
        new Random(42).nextBytes(data);
        String alice = Logins.tokenFor("alice");
        given().auth().oauth2(alice).body(data).contentType("application/x-votable+xml")
                .put("/data/alice/cones/ned.vot")
                .then().statusCode(201)
                .body("uri", equalTo("vos://astroruntime.local!vospace/alice/cones/ned.vot"))
                .body("length", equalTo(300_000))
                .body("url", startsWith("http://"));
        byte[] back = given().auth().oauth2(alice).get("/data/alice/cones/ned.vot")
                .then().statusCode(200).contentType("application/x-votable+xml").extract().asByteArray();
        assertArrayEquals(data, back);

        given().auth().oauth2(alice).body("v2").put("/data/alice/cones/ned.vot").then().statusCode(200).body("length", equalTo(2));
        given().auth().oauth2(alice).delete("/data/alice/cones/ned.vot").then().statusCode(204);
        given().auth().oauth2(alice).get("/data/alice/cones/ned.vot").then().statusCode(404).body(containsString("NodeNotFound"));
    }

    @Test
    void traversalAndBadNamesAre400() throws IOException {
        String alice = Logins.tokenFor("alice");
        for (String bad : new String[] {"/data/alice/a%00b", "/data/al%20ice/x", "/data/alice/a%0Ab", "/data/alice/" + "n".repeat(300)}) {
            given().auth().oauth2(alice).urlEncodingEnabled(false).body("x").put(bad).then().statusCode(400)
                    .body("error", equalTo("InvalidIdentifier"));
        }
        for (String bad : new String[] {"/data/alice/%2e%2e/bob/x", "/data/alice/../bob/x", "/data/alice/%2E%2e/bob/x",
                "/data/alice/./x", "/data/alice/a%2fb", "/data/alice/a%5Cb"}) {
            // Sent over a raw socket: HTTP client libraries normalise dot segments away before sending.
            String answer = rawPut(bad, "x");
            assertTrue(answer.startsWith("HTTP/1.1 400") && answer.contains("InvalidURI"), bad + " -> " + answer);
        }
        given().auth().oauth2(Logins.tokenFor("bob")).get("/data/bob/x").then().statusCode(404);
    }

    @Test
    void aCutShortUploadLeavesNothingBehind() throws Exception {
        String alice = Logins.tokenFor("alice");
        URI base = URI.create(ConfigProvider.getConfig().getValue("test.url", String.class));
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("PUT /data/alice/partial.vot HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + alice
                    + "\r\nContent-Length: 100000\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[1000]);
            out.flush();
        }
        // The server notices the broken connection asynchronously (later under load): wait for its clean-up, bounded.
        Path incoming = Path.of(ConfigProvider.getConfig().getValue("astroruntime.data-dir", String.class)).resolve("incoming");
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(15).toNanos();
        while (countFiles(incoming) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(0, countFiles(incoming), "a temporary upload file was left behind");
        given().auth().oauth2(alice).get("/data/alice/partial.vot").then().statusCode(404);
    }

    /** Exactly one gathering block (the test quota): the upload ends with an empty last block. */
    @Test
    void anUploadOfExactlyOneBlockKeepsEveryByteAndItsMd5() throws Exception {
        byte[] data = new byte[1 << 20];
        new Random(7).nextBytes(data);
        String md5 = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5").digest(data));
        String alice = Logins.tokenFor("alice");
        given().auth().oauth2(alice).header("Content-MD5", md5).body(data).put("/data/alice/block.bin")
                .then().statusCode(201).body("length", equalTo(1 << 20)).body("md5", equalTo(md5));
        byte[] back = given().auth().oauth2(alice).get("/data/alice/block.bin").then().statusCode(200).extract().asByteArray();
        assertArrayEquals(data, back);
        given().auth().oauth2(alice).delete("/data/alice/block.bin").then().statusCode(204);
    }

    /**
     * {@code Expect: 100-continue} (curl sends it for every upload over 1 MiB): the go-ahead comes once the upload is
     * accepted, and a refused one is answered at once, so the client never sends the bytes.
     */
    @Test
    void expectContinueIsAnsweredAfterTheChecksAndOnlyForAcceptedUploads() throws Exception {
        String alice = Logins.tokenFor("alice");
        URI base = URI.create(ConfigProvider.getConfig().getValue("test.url", String.class));
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write(("PUT /data/alice/continued.txt HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + alice
                    + "\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertEquals("HTTP/1.1 100 Continue", readLine(in));
            assertEquals("", readLine(in));
            out.write("hello".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertEquals("HTTP/1.1 201 Created", readLine(in));
        }
        assertEquals("hello", given().auth().oauth2(alice).get("/data/alice/continued.txt").then().statusCode(200).extract().asString());

        // Refused before the body: past the quota, and without a token.
        for (String auth : new String[] {"Authorization: Bearer " + alice + "\r\n", ""}) {
            try (Socket socket = new Socket(base.getHost(), base.getPort())) {
                socket.setSoTimeout(10_000);
                socket.getOutputStream().write(("PUT /data/alice/refused.bin HTTP/1.1\r\nHost: x\r\n" + auth
                        + "Expect: 100-continue\r\nContent-Length: 50000000\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                String status = readLine(socket.getInputStream());
                assertTrue(status.startsWith(auth.isEmpty() ? "HTTP/1.1 401" : "HTTP/1.1 413"), auth + " -> " + status);
            }
        }
        given().auth().oauth2(alice).get("/data/alice/refused.bin").then().statusCode(404);
        given().auth().oauth2(alice).delete("/data/alice/continued.txt").then().statusCode(204);
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("connection closed after " + line);
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    private static String rawPut(String path, String body) throws IOException {
        URI base = URI.create(ConfigProvider.getConfig().getValue("test.url", String.class));
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.getOutputStream().write(("PUT " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: "
                    + body.length() + "\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static long countFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.count();
        }
    }
}
