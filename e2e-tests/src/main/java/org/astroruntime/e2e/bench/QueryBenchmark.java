package org.astroruntime.e2e.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.astroruntime.common.event.EventCodec;
import org.astroruntime.common.event.JobEvent;
import org.astroruntime.common.event.Phase;
import org.astroruntime.common.event.QueryRequest;
import org.astroruntime.common.event.Topics;
import org.astroruntime.e2e.suite.Suite;
import org.astroruntime.e2e.suite.SuiteAccounts;
import org.astroruntime.e2e.suite.SuiteConfig;

/**
 * query-svc's benchmarks (issue 5), printed, not asserted; each figure is a ratio against a baseline measured in
 * the same run on the same machine:
 * <ul>
 *   <li>P1 (after warm-up jobs of a fifth of the rows): a large VOTable from the loopback peer into VOSpace through query-svc, against {@code curl} of the same
 *       URL to a file; with query-svc's peak heap;</li>
 *   <li>P2 (after 1,500 warm-up jobs): a small cone search through query-svc (submit with PHASE=RUN, block with
 *       WAIT until COMPLETED) minus the direct HTTP call to the same peer, p50 and p99;</li>
 *   <li>P3: cone requests on {@code vo.query.requests}: completions per second against the peer's own maximum rate
 *       measured directly;</li>
 *   <li>P4: a repeated query answered from the shared cache against the first, from the service.</li>
 * </ul>
 * Run: {@code bench/query.sh [P1 rows] [P3 requests] [parts]} (defaults 1,000,000, 2,000 and P1,P2,P3,P4).
 */
public final class QueryBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Suite suite;
    private final String token;
    private final String peer;

    private QueryBenchmark(Suite suite, String token) {
        this.suite = suite;
        this.token = token;
        this.peer = suite.coneUrl().replaceAll("/cone$", "");
    }

    public static void main(String[] args) throws Exception {
        long p1Rows = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        int p3Requests = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        String parts = args.length > 2 ? args[2].toUpperCase(Locale.ROOT) : "P1,P2,P3,P4";
        Path repo = Path.of(System.getProperty("astroruntime.repo", ".")).toAbsolutePath();
        Path work = Files.createDirectories(repo.resolve("target/bench-query"));
        Path data = Files.createTempDirectory(work, "suite-");
        SuiteConfig config = new SuiteConfig(repo, data, SuiteConfig.Ports.free(), "256m", Duration.ofSeconds(300), false);
        try (Suite suite = Suite.start(config)) {
            QueryBenchmark bench = new QueryBenchmark(suite, new SuiteAccounts(suite).login("demo", suite.demoPassword()));
            System.out.printf(Locale.ROOT, "query-svc benchmarks (service heap limit %s)%n", config.serviceHeap());
            if (parts.contains("P1")) {
                bench.p1(p1Rows, work);
            }
            if (parts.contains("P2")) {
                bench.p2(200);
            }
            if (parts.contains("P3")) {
                bench.p3(p3Requests);
            }
            if (parts.contains("P4")) {
                bench.p4();
            }
        }
    }

    private void p1(long rows, Path work) throws Exception {
        String url = peer + "/synthetic?ROWS=" + rows + "&";
        // A cold JVM spends a third of a first large job compiling (perf: C1/C2 threads): warm both paths first.
        String warmUrl = peer + "/synthetic?ROWS=" + Math.max(1, rows / 5) + "&";
        for (String format : new String[] {"original", "binary2"}) {
            for (int i = 0; i < 2; i++) {
                runJob(Map.of("service", warmUrl, "RA", "1", "DEC", "1", "SR", "1", "CACHE", "bypass",
                        "RESULTFORMAT", format, "saveAs", "#bench/p1-warm-up.vot"));
            }
        }
        Path file = work.resolve("p1-curl.vot");
        long t0 = System.nanoTime();
        Process curl = new ProcessBuilder("curl", "-s", "-o", file.toString(), url + "RA=1&DEC=1&SR=1").start();
        if (curl.waitFor() != 0) {
            throw new IllegalStateException("curl failed");
        }
        double curlSeconds = seconds(t0);
        long bytes = Files.size(file);
        Files.delete(file);
        System.out.printf(Locale.ROOT, "%nP1  %,d rows (%,d MB of TABLEDATA) from the loopback peer%n", rows, bytes / 1_000_000);
        System.out.printf(Locale.ROOT, "    curl to a file                       %7.2f s%n", curlSeconds);
        for (String format : new String[] {"original", "binary2"}) {
            try (HeapSampler heap = new HeapSampler(suite.process("query-svc").pid())) {
                t0 = System.nanoTime();
                JsonNode job = runJob(Map.of("service", url, "RA", "1", "DEC", "1", "SR", "1", "CACHE", "bypass",
                        "RESULTFORMAT", format, "saveAs", "#bench/p1-" + format + ".vot"));
                double s = seconds(t0);
                check(job, rows);
                System.out.printf(Locale.ROOT, "    query-svc into VOSpace (%-8s)       %7.2f s   ratio %.2f   peak heap %.0f MiB%n",
                        format, s, s / curlSeconds, heap.peakMib());
            }
        }
    }

    private static final int WARM_UP_JOBS = 1500;

    private void p2(int n) throws Exception {
        String direct = suite.coneUrl() + "?RA=180.0&DEC=2.0&SR=0.05";
        long[] directNanos = new long[n];
        long[] queryNanos = new long[n];
        // Warm-up: a few hundred rounds leave most of the path interpreted or lightly compiled; a long-running service
        // has it compiled, which is what is measured here (the first rounds are 2 to 3 times slower).
        for (int i = -WARM_UP_JOBS; i < n; i++) {
            long t0 = System.nanoTime();
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(direct)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            long d = System.nanoTime() - t0;
            if (r.statusCode() != 200) {
                throw new IllegalStateException("peer answered " + r.statusCode());
            }
            t0 = System.nanoTime();
            JsonNode job = runJob(Map.of("service", suite.coneUrl(), "RA", "180.0", "DEC", "2.0", "SR", "0.05",
                    "CACHE", "bypass", "saveAs", "#bench/p2-" + Math.floorMod(i, 100) + ".vot"));
            long q = System.nanoTime() - t0;
            check(job, -1);
            if (i >= 0) {
                directNanos[i] = d;
                queryNanos[i] = q;
            }
        }
        Arrays.sort(directNanos);
        Arrays.sort(queryNanos);
        System.out.printf(Locale.ROOT, "%nP2  small cone search (%d rounds): direct HTTP vs query-svc job (submit, WAIT, stored in VOSpace)%n", n);
        System.out.printf(Locale.ROOT, "    direct     p50 %7.2f ms   p99 %7.2f ms%n", pct(directNanos, 50), pct(directNanos, 99));
        System.out.printf(Locale.ROOT, "    query-svc  p50 %7.2f ms   p99 %7.2f ms%n", pct(queryNanos, 50), pct(queryNanos, 99));
        System.out.printf(Locale.ROOT, "    added      p50 %7.2f ms   p99 %7.2f ms%n", pct(queryNanos, 50) - pct(directNanos, 50),
                pct(queryNanos, 99) - pct(directNanos, 99));
    }

    private void p3(int n) throws Exception {
        String direct = suite.coneUrl() + "?RA=180.0&DEC=2.0&SR=0.05";
        // The peer's own rate: as many concurrent clients as query-svc has workers.
        ExecutorService pool = Executors.newFixedThreadPool(8);
        long t0 = System.nanoTime();
        List<Future<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            calls.add(pool.submit(() -> http.send(HttpRequest.newBuilder(URI.create(direct)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode()));
        }
        for (Future<Integer> f : calls) {
            f.get();
        }
        double peerRate = n / seconds(t0);
        pool.shutdown();

        EventCodec codec = new EventCodec();
        String run = UUID.randomUUID().toString().substring(0, 6);
        Set<String> pending = new HashSet<>();
        try (KafkaConsumer<String, String> events = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, suite.kafkaBootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, "bench-" + run, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest"),
                new StringDeserializer(), new StringDeserializer());
             KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, suite.kafkaBootstrap(), ProducerConfig.LINGER_MS_CONFIG, "5"),
                     new StringSerializer(), new StringSerializer())) {
            events.subscribe(List.of(Topics.JOB_EVENTS));
            while (events.assignment().isEmpty()) {
                events.poll(Duration.ofMillis(100));
            }
            events.seekToEnd(events.assignment());
            events.assignment().forEach(events::position);
            t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                String jobId = "p3-" + run + "-" + i;
                pending.add(jobId);
                QueryRequest request = new QueryRequest(QueryRequest.SCHEMA_VERSION, jobId, "demo", "cone",
                        suite.coneUrl(), Map.of("RA", "180.0", "DEC", "2.0", "SR", "0.05", "CACHE", "bypass"),
                        "#bench/p3/" + jobId + ".vot", "bench-nobody", token);
                producer.send(new ProducerRecord<>(Topics.QUERY_REQUESTS, jobId, codec.encode(request)));
            }
            producer.flush();
            int failed = 0;
            long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
            while (!pending.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : events.poll(Duration.ofMillis(200))) {
                    if (pending.contains(r.key())) {
                        JobEvent e = codec.decode(r.value(), JobEvent.class);
                        if (e.phase().isTerminal()) {
                            pending.remove(r.key());
                            failed += e.phase() == Phase.COMPLETED ? 0 : 1;
                        }
                    }
                }
            }
            double s = seconds(t0);
            double rate = (n - pending.size()) / s;
            System.out.printf(Locale.ROOT, "%nP3  %,d cone requests on %s (%d did not complete, %d not finished in time)%n",
                    n, Topics.QUERY_REQUESTS, failed, pending.size());
            System.out.printf(Locale.ROOT, "    peer alone (8 clients)     %8.1f requests/s%n", peerRate);
            System.out.printf(Locale.ROOT, "    through query-svc          %8.1f completions/s   ratio %.3f%n", rate, rate / peerRate);
        }
    }

    private void p4() throws Exception {
        String url = peer + "/synthetic?ROWS=200000&";
        Map<String, String> query = Map.of("service", url, "RA", "2", "DEC", "2", "SR", "1", "saveAs", "#bench/p4.vot",
                "RESULTFORMAT", "binary2");
        long t0 = System.nanoTime();
        check(runJob(query), 200_000);
        double origin = seconds(t0);
        t0 = System.nanoTime();
        JsonNode again = runJob(query);
        double cached = seconds(t0);
        check(again, 200_000);
        System.out.printf(Locale.ROOT, "%nP4  a 200,000-row query asked twice%n");
        System.out.printf(Locale.ROOT, "    from the service   %7.3f s%n    from the cache     %7.3f s   ratio %.3f  (%s)%n",
                origin, cached, cached / origin, again.path("message").asText());
    }

    /** Submits a job with PHASE=RUN and blocks with WAIT until it ends. */
    private JsonNode runJob(Map<String, String> form) throws Exception {
        Map<String, String> all = new LinkedHashMap<>(form);
        all.put("PHASE", "RUN");
        String body = all.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(suite.url("query-svc") + "/queries"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 303) {
            throw new IllegalStateException("job creation answered " + created.statusCode() + ": " + created.body());
        }
        String job = created.headers().firstValue("Location").orElseThrow();
        JsonNode view = get(job);
        while (!Phase.valueOf(view.get("phase").asText()).isTerminal()) {
            view = get(job + "?WAIT=30&PHASE=" + view.get("phase").asText());
        }
        return view;
    }

    private JsonNode get(String url) throws IOException, InterruptedException {
        return JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    private static void check(JsonNode job, long rows) {
        if (!"COMPLETED".equals(job.get("phase").asText())
                || (rows >= 0 && job.get("results").get(0).get("rows").asLong() != rows)) {
            throw new IllegalStateException("job did not complete as expected: " + job);
        }
    }

    private static double pct(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
