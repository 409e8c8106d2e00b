package org.astroruntime.query.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.astroruntime.common.votable.QueryStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fetcher against a real HTTP server on loopback that misbehaves in the ways remote archives do. */
class VoTableFetcherTest {

    private static final String TABLE = "<VOTABLE><RESOURCE><TABLE><FIELD name=\"x\" datatype=\"int\"/>"
            + "<DATA><TABLEDATA><TR><TD>1</TD></TR><TR><TD>2</TD></TR></TABLEDATA></DATA></TABLE></RESOURCE></VOTABLE>";

    @TempDir
    Path dir;
    private HttpServer server;
    private VoTableFetcher fetcher;
    private String base;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.createContext("/ok", ex -> answer(ex, 200, TABLE));
        server.createContext("/html", ex -> answer(ex, 200, "<html><body>Maintenance</body></html>"));
        server.createContext("/503", ex -> {
            requests503.incrementAndGet();
            answer(ex, 503, "down");
        });
        server.createContext("/500", ex -> {
            requests500.incrementAndGet();
            answer(ex, 500, "broken");
        });
        server.createContext("/stall", ex -> {
            ex.sendResponseHeaders(200, 0);
            OutputStream out = ex.getResponseBody();
            out.write("<VOTABLE><RESOURCE>".getBytes(StandardCharsets.UTF_8));
            out.flush();
            sleep(30_000);
        });
        server.createContext("/endless", ex -> {
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                out.write("<VOTABLE><RESOURCE><TABLE><FIELD name=\"x\" datatype=\"int\"/><DATA><TABLEDATA>".getBytes(StandardCharsets.UTF_8));
                for (long i = 0; ; i++) {
                    out.write(("<TR><TD>" + i + "</TD></TR>").getBytes(StandardCharsets.UTF_8));
                }
            } catch (IOException closedByClient) {
                // expected: the fetcher hangs up
            }
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        fetcher = fetcher(List.of(), 2, 4, 1L << 40);
    }

    private RemoteDownloader downloader;
    private final AtomicInteger requests503 = new AtomicInteger();
    private final AtomicInteger requests500 = new AtomicInteger();

    private VoTableFetcher fetcher(List<String> denied, int retries, int breakerVolume, long maxBytes) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        RemoteHosts hosts = new RemoteHosts(denied, 4, retries, Duration.ofMillis(50), breakerVolume, 0.5,
                Duration.ofSeconds(30));
        downloader = new RemoteDownloader(http, Duration.ofSeconds(2), hosts, maxBytes);
        return new VoTableFetcher(downloader);
    }

    @AfterEach
    void stop() {
        server.stop(0);
        downloader.stop();
    }

    @Test
    void fetchesAndChecksAGoodAnswer() throws Exception {
        Path work = dir.resolve("ok.vot");
        CheckedDownload d = fetcher.fetch(URI.create(base + "/ok"), work);
        assertEquals(QueryStatus.OK, d.report().status());
        assertEquals(2, d.report().rows());
        assertEquals(TABLE, Files.readString(work));
    }

    @Test
    void htmlIsRefused() {
        assertFails("/html", "did not answer with a valid VOTable");
    }

    @Test
    void transientHttpErrorsAreRetriedThenReported() {
        assertFails("/503", "answered HTTP 503");
        assertEquals(3, requests503.get(), "one request and two retries");
        fetcher = fetcher(List.of(), 2, 100, 1L << 40);
        assertFails("/500", "answered HTTP 500");
        assertEquals(1, requests500.get(), "HTTP 500 is not retried");
    }

    @Test
    void aHostThatKeepsFailingIsLeftAloneForAWhile() {
        fetcher = fetcher(List.of(), 0, 4, 1L << 40);
        for (int i = 0; i < 4; i++) {
            assertFails("/500", "answered HTTP 500");
        }
        assertFails("/500", "circuit breaker open");
        assertEquals(4, requests500.get(), "an open circuit sends nothing");
    }

    @Test
    void deniedAddressRangesAreNeverCalled() {
        fetcher = fetcher(List.of("10.0.0.0/8", "127.0.0.0/8"), 0, 20, 1L << 40);
        assertFails("/ok", "in the denied range 127.0.0.0/8");
        assertThrows(IllegalArgumentException.class, () -> fetcher(List.of("example.org/8"), 0, 20, 1));
    }

    @Test
    void anAnswerOverTheResultCapIsRefused() {
        fetcher = fetcher(List.of(), 0, 20, 50);
        assertFails("/ok", "larger than the 50-byte limit");
    }

    @Test
    void aStalledAnswerTimesOutWithinTheDeadline() {
        long start = System.nanoTime();
        assertFails("/stall", "did not send a complete answer within 2 s");
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(6).toNanos(), "took too long");
    }

    @Test
    void anEndlessAnswerIsCutOff() {
        long start = System.nanoTime();
        assertFails("/endless", "did not send a complete answer within 2 s");
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(6).toNanos(), "took too long");
        assertFalse(Thread.currentThread().isInterrupted(), "the deadline's interrupt leaked");
    }

    @Test
    void refusedConnectionIsReported() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        Path work = dir.resolve("x.vot");
        RemoteQueryException e = assertThrows(RemoteQueryException.class,
                () -> fetcher.fetch(URI.create("http://127.0.0.1:" + closedPort + "/cone"), work));
        assertTrue(e.getMessage().contains("cannot connect"), e.getMessage());
    }

    @Test
    void onlyHttpSchemes() {
        RemoteQueryException e = assertThrows(RemoteQueryException.class,
                () -> fetcher.fetch(URI.create("file:///etc/passwd"), dir.resolve("x.vot")));
        assertTrue(e.getMessage().contains("only http and https"), e.getMessage());
    }

    private void assertFails(String path, String expected) {
        Path work = dir.resolve("w.vot");
        RemoteQueryException e = assertThrows(RemoteQueryException.class, () -> fetcher.fetch(URI.create(base + path), work));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertFalse(Files.exists(work), "work file left behind");
    }

    private static void answer(com.sun.net.httpserver.HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
