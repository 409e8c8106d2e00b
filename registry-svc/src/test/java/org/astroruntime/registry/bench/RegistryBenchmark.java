package org.astroruntime.registry.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.astroruntime.common.testkit.EmbeddedKafkaBroker;
import org.astroruntime.registry.harvest.OaiPmhTestServer;
import org.astroruntime.registry.harvest.SyntheticRecords;

/**
 * Benchmark (prints figures, asserts nothing): registry-svc, started as its own process, harvests N synthetic
 * records over OAI-PMH from a loopback endpoint; then keyword searches over HTTP, timed against a trivial endpoint
 * of the same service as the baseline for HTTP overhead. Run with {@code bench/registry-search.sh [records]}.
 */
public final class RegistryBenchmark {

    private static final int PAGE_SIZE = 500;
    private static final int WARM_UP = 1_000;
    private static final int MEASURED = 5_000;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 30_000;
        Path jar = Path.of(System.getProperty("registry.jar", "registry-svc/target/quarkus-app/quarkus-run.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " not found: build registry-svc first");
        }
        new RegistryBenchmark().run(count, jar);
    }

    private void run(int count, Path jar) throws Exception {
        System.out.printf("generating %,d synthetic VOResource records...%n", count);
        List<SyntheticRecords.Generated> records = SyntheticRecords.generate(count, 42);
        Path dataDir = Files.createTempDirectory("registry-bench");
        try (EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start();
             OaiPmhTestServer oai = OaiPmhTestServer.start(PAGE_SIZE)) {
            Instant stamp = Instant.now().minusSeconds(3600);
            for (SyntheticRecords.Generated r : records) {
                oai.put(r.ivoid(), r.xml(), stamp);
            }
            int port = freePort();
            String base = "http://127.0.0.1:" + port;
            List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-XX:+UseSerialGC",
                    "-Dquarkus.http.port=" + port, "-Dquarkus.http.host=127.0.0.1",
                    "-Dkafka.bootstrap.servers=" + kafka.bootstrapServers(),
                    "-Dastroruntime.data-dir=" + dataDir,
                    "-Dregistry.harvest.sources=" + oai.endpoint(),
                    "-jar", jar.toString());
            Process registry = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(dataDir.resolve("registry.log").toFile()).start();
            try {
                JsonNode report = awaitHarvest(base, oai.endpoint().toString(), Duration.ofMinutes(10));
                System.out.printf("%nharvest of %,d records over OAI-PMH (%d a page, loopback): %s in %,d ms "
                                + "(%d added, %d rejected); %d ListRecords requests%n", count, PAGE_SIZE,
                        report.path("status").asText(), report.path("durationMillis").asLong(),
                        report.path("added").asInt(), report.path("rejected").size(), oai.listRecordsRequests());
                System.out.printf("registry-svc RSS after harvest: %d MiB%n", rssMib(registry.pid()));
                measureSearch(base);
                System.out.printf("registry-svc RSS after searches: %d MiB%n", rssMib(registry.pid()));
            } finally {
                registry.destroy();
                registry.waitFor();
            }
        }
        System.out.println("(service log and index in " + dataDir + ")");
    }

    private JsonNode awaitHarvest(String base, String source, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> r = get(base + "/ingest/reports");
                if (r.statusCode() == 200) {
                    for (JsonNode report : json.readTree(r.body())) {
                        if (report.path("source").asText().equals(source)) {
                            return report;
                        }
                    }
                }
            } catch (IOException notUpYet) {
                // The service is still starting.
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("no harvest report within " + limit);
    }

    private void measureSearch(String base) throws Exception {
        String[] words = {"SDSS", "2MASS", "galaxies", "quasar", "photometry", "variable stars", "radio continuum",
                "Gaia parallax", "spectra", "cluster", "redshift", "infrared survey", "white dwarfs", "X-ray",
                "proper motion", "supernova", "nebula", "catalogue", "GALEX ultraviolet", "WISE"};
        String[] filters = {"", "&kind=cone", "&kind=tap", "&kind=sia1,sia2", "&waveband=optical", "&kind=cone&waveband=infrared"};
        Random random = new Random(7);
        List<String> queries = new ArrayList<>();
        for (int i = 0; i < WARM_UP + MEASURED; i++) {
            queries.add(base + "/search?q=" + URLEncoder.encode(words[random.nextInt(words.length)], StandardCharsets.UTF_8)
                    + filters[random.nextInt(filters.length)]);
        }
        long[] search = time(queries);
        long[] baseline = time(queries.stream().map(q -> base + "/harvests").toList());
        HttpResponse<String> sample = get(base + "/search?q=SDSS&kind=cone");
        System.out.printf("%nsample: /search?q=SDSS&kind=cone -> %s hits in total%n",
                json.readTree(sample.body()).path("total").asText());
        System.out.printf("keyword search over HTTP, %,d requests (20 hits a page, random words and filters):%n", MEASURED);
        System.out.printf("  search     p50 %.2f ms  p99 %.2f ms%n", pct(search, 50), pct(search, 99));
        System.out.printf("  baseline   p50 %.2f ms  p99 %.2f ms   (GET /harvests: same service, no search)%n",
                pct(baseline, 50), pct(baseline, 99));
        System.out.printf("  search / baseline at p50: %.2f%n", pct(search, 50) / pct(baseline, 50));
    }

    private long[] time(List<String> urls) throws Exception {
        long[] nanos = new long[MEASURED];
        for (int i = 0; i < urls.size(); i++) {
            long t0 = System.nanoTime();
            HttpResponse<String> r = get(urls.get(i));
            long t = System.nanoTime() - t0;
            if (r.statusCode() != 200) {
                throw new IllegalStateException(urls.get(i) + " -> HTTP " + r.statusCode() + ": " + r.body());
            }
            if (i >= WARM_UP) {
                nanos[i - WARM_UP] = t;
            }
        }
        Arrays.sort(nanos);
        return nanos;
    }

    private static double pct(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static long rssMib(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
