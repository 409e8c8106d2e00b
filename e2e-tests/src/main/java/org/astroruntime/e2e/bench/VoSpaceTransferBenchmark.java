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
            System.out.printf(Locale.ROOT, "%8s %10s %10s %10s %12s %12s %14s%n", "size", "copy MB/s", "PUT MB/s", "GET MB/s",
                    "PUT/copy", "GET/copy", "peak heap MiB");
            for (long mib : new long[] {Math.min(100, bigMib), bigMib}) {
                Path source = work.resolve("source-" + mib + ".bin");
                writeFile(source, mib);
                Path copy = work.resolve("copy.bin");
                Path back = work.resolve("back.bin");
                Files.deleteIfExists(copy);
                long t0 = System.nanoTime();
                Files.copy(source, copy, StandardCopyOption.REPLACE_EXISTING);
                double copySeconds = seconds(t0);

                heap.reset();
                URI url = URI.create(suite.url("vospace-svc") + "/data/demo/bench/file-" + mib + ".bin");
                t0 = System.nanoTime();
                int putStatus = curl == null
                        ? http.send(HttpRequest.newBuilder(url).header("Authorization", "Bearer " + token)
                                .PUT(HttpRequest.BodyPublishers.ofFile(source)).build(), HttpResponse.BodyHandlers.discarding()).statusCode()
                        : curl(curl, url.toString(), token, "-T", source.toString(), "-o", "/dev/null");
                double putSeconds = seconds(t0);
                check(putStatus == 200 || putStatus == 201, "PUT answered " + putStatus);

                t0 = System.nanoTime();
                int getStatus = curl == null
                        ? http.send(HttpRequest.newBuilder(url).header("Authorization", "Bearer " + token).GET().build(),
                                HttpResponse.BodyHandlers.ofFile(back)).statusCode()
                        : curl(curl, url.toString(), token, "-o", back.toString());
                double getSeconds = seconds(t0);
                check(getStatus == 200, "GET answered " + getStatus);
                check(Files.mismatch(source, back) == -1, "the downloaded bytes differ from the uploaded ones");
                Thread.sleep(500); // one more heap sample after the transfers
                double mb = mib * 1.048576;
                System.out.printf(Locale.ROOT, "%6d MiB %10.0f %10.0f %10.0f %12.2f %12.2f %14.0f%n", mib, mb / copySeconds,
                        mb / putSeconds, mb / getSeconds, copySeconds / putSeconds, copySeconds / getSeconds, heap.peakMib());
                Files.deleteIfExists(copy);
                Files.deleteIfExists(back);
                Files.deleteIfExists(source);
            }
        }
    }

    /** Runs curl with the token and returns the HTTP status it saw. */
    private static int curl(String curl, String url, String token, String... options) throws IOException, InterruptedException {
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
