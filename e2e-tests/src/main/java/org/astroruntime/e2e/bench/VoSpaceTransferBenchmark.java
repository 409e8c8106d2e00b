package org.astroruntime.e2e.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.astroruntime.e2e.suite.Suite;
import org.astroruntime.e2e.suite.SuiteAccounts;
import org.astroruntime.e2e.suite.SuiteConfig;

/**
 * Upload and download of large files through vospace-svc, each divided by a plain file copy of the same file on
 * the same disk in the same run, with vospace-svc's peak used heap for a small and a large file (flat heap means
 * streaming). Prints figures; asserts nothing.
 *
 * <p>Run: {@code bench/vospace-transfer.sh [sizeMiB]} (default 1024).
 */
public final class VoSpaceTransferBenchmark {

    public static void main(String[] args) throws Exception {
        long bigMib = args.length > 0 ? Long.parseLong(args[0]) : 1024;
        Path repo = Path.of(System.getProperty("astroruntime.repo", ".")).toAbsolutePath();
        Path work = Files.createDirectories(repo.resolve("target/bench-vospace"));
        Path data = Files.createTempDirectory(work, "suite-");
        SuiteConfig config = new SuiteConfig(repo, data, SuiteConfig.Ports.free(), "256m", Duration.ofSeconds(60), false);
        try (Suite suite = Suite.start(config); HeapSampler heap = new HeapSampler(suite.process("vospace-svc").pid())) {
            String token = new SuiteAccounts(suite).login("demo", suite.demoPassword());
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            // curl is the faster client (and what scripts use); the JDK client stands in where it is missing.
            String curl = Files.isExecutable(Path.of("/usr/bin/curl")) ? "/usr/bin/curl" : null;
            System.out.printf(Locale.ROOT, "vospace-svc transfer benchmark (heap limit %s, client %s, same disk for every figure)%n",
                    config.serviceHeap(), curl == null ? "JDK HttpClient" : "curl");
            System.out.println("copy = Files.copy + fsync (vospace-svc syncs every upload before it is visible); GET to file is"
                    + " bounded by the client's own disk writes, GET to /dev/null is the rate the service serves");
            Transfers transfers = new Transfers(http, curl, token);
            Path warmUp = work.resolve("warm-up.bin");
            writeFile(warmUp, 64);
            URI warmUrl = URI.create(suite.url("vospace-svc") + "/data/demo/bench/warm-up.bin");
            for (int i = 0; i < 3; i++) { // JIT warm-up, not reported
                transfers.put(warmUrl, warmUp);
                transfers.get(warmUrl, null);
            }
            Files.delete(warmUp);
            System.out.printf(Locale.ROOT, "%8s %5s %9s %9s %9s %9s %9s %9s %9s %10s%n", "size", "round", "copy MB/s", "PUT MB/s",
                    "GET MB/s", "GETnull", "PUT/copy", "GET/copy", "GETnull/c", "heap MiB");
            for (long mib : new long[] {Math.min(100, bigMib), bigMib}) {
                Path source = work.resolve("source-" + mib + ".bin");
                writeFile(source, mib);
                Path copy = work.resolve("copy.bin");
                Path back = work.resolve("back.bin");
                URI url = URI.create(suite.url("vospace-svc") + "/data/demo/bench/file-" + mib + ".bin");
                double mb = mib * 1.048576;
                List<double[]> rounds = new ArrayList<>();
                for (int round = 1; round <= ROUNDS; round++) {
                    Files.deleteIfExists(copy);
                    long t0 = System.nanoTime();
                    Files.copy(source, copy, StandardCopyOption.REPLACE_EXISTING);
                    forceToDisk(copy);
                    double copySeconds = seconds(t0);
                    Files.delete(copy);

                    heap.reset();
                    t0 = System.nanoTime();
                    transfers.put(url, source);
                    double putSeconds = seconds(t0);
                    t0 = System.nanoTime();
                    transfers.get(url, back);
                    double getSeconds = seconds(t0);
                    check(Files.mismatch(source, back) == -1, "the downloaded bytes differ from the uploaded ones");
                    Files.delete(back);
                    t0 = System.nanoTime();
                    transfers.get(url, null);
                    double getNullSeconds = seconds(t0);
                    Thread.sleep(300); // one more heap sample after the transfers
                    double[] r = {mb / copySeconds, mb / putSeconds, mb / getSeconds, mb / getNullSeconds,
                        copySeconds / putSeconds, copySeconds / getSeconds, copySeconds / getNullSeconds, heap.peakMib()};
                    rounds.add(r);
                    print(mib + " MiB", Integer.toString(round), r);
                }
                double[] median = new double[rounds.get(0).length];
                for (int i = 0; i < median.length; i++) {
                    final int column = i;
                    double[] values = rounds.stream().mapToDouble(r -> r[column]).sorted().toArray();
                    median[i] = values[values.length / 2];
                }
                print(mib + " MiB", "median", median);
                Files.deleteIfExists(source);
            }
        }
    }

    private static final int ROUNDS = 3;

    private static void print(String size, String round, double[] r) {
        System.out.printf(Locale.ROOT, "%8s %5s %9.0f %9.0f %9.0f %9.0f %9.2f %9.2f %9.2f %10.0f%n", size, round, r[0], r[1], r[2],
                r[3], r[4], r[5], r[6], r[7]);
    }

    /** PUT and GET of one node's bytes with curl, or the JDK client where curl is missing. */
    private record Transfers(HttpClient http, String curl, String token) {

        void put(URI url, Path source) throws IOException, InterruptedException {
            int status = curl == null
                    ? http.send(HttpRequest.newBuilder(url).header("Authorization", "Bearer " + token)
                            .PUT(HttpRequest.BodyPublishers.ofFile(source)).build(), HttpResponse.BodyHandlers.discarding()).statusCode()
                    : runCurl(curl, url.toString(), token, "-T", source.toString(), "-o", "/dev/null");
            check(status == 200 || status == 201, "PUT answered " + status);
        }

        /** Downloads into {@code target}, or discards the bytes when it is null. */
        void get(URI url, Path target) throws IOException, InterruptedException {
            HttpRequest request = HttpRequest.newBuilder(url).header("Authorization", "Bearer " + token).GET().build();
            int status = curl == null
                    ? (target == null ? http.send(request, HttpResponse.BodyHandlers.discarding())
                            : http.send(request, HttpResponse.BodyHandlers.ofFile(target))).statusCode()
                    : runCurl(curl, url.toString(), token, "-o", target == null ? "/dev/null" : target.toString());
            check(status == 200, "GET answered " + status);
        }
    }

    /** Runs curl with the token and returns the HTTP status it saw. */
    private static int runCurl(String curl, String url, String token, String... options) throws IOException, InterruptedException {
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(curl, "-s", "-w", "%{http_code}",
                "-H", "Authorization: Bearer " + token));
        command.addAll(java.util.List.of(options));
        command.add(url);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes()).strip();
        p.waitFor();
        return Integer.parseInt(out.substring(Math.max(0, out.length() - 3)));
    }

    private static void writeFile(Path file, long mib) throws IOException {
        byte[] block = new byte[1 << 20];
        new Random(mib).nextBytes(block);
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long i = 0; i < mib; i++) {
                block[(int) (i % block.length)] ^= 1; // no two blocks alike
                out.write(block);
            }
        }
    }

    private static void forceToDisk(Path file) throws IOException {
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalStateException(message);
        }
    }

    private VoSpaceTransferBenchmark() {
    }
}
