package org.astroruntime.e2e.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Samples a JVM's used heap (young + old generation, from {@code jstat -gc}) every 200 ms and keeps the peak, so
 * a benchmark can show whether a service's heap grows with the size of what it streams.
 */
final class HeapSampler implements AutoCloseable {

    private final Process jstat;
    private final Thread reader;
    private volatile double peakKib;

    HeapSampler(long pid) throws IOException {
        Path tool = Path.of(System.getProperty("java.home"), "bin", "jstat");
        jstat = new ProcessBuilder(tool.toString(), "-gc", Long.toString(pid), "200").redirectErrorStream(true).start();
        reader = new Thread(this::read, "heap-sampler");
        reader.setDaemon(true);
        reader.start();
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(jstat.getInputStream(), StandardCharsets.UTF_8))) {
            String[] header = null;
            for (String line; (line = in.readLine()) != null; ) {
                String[] f = line.trim().split("\\s+");
                if (f.length > 0 && f[0].equals("S0C")) {
                    header = f;
                    continue;
                }
                if (header == null || f.length != header.length) {
                    continue;
                }
                double used = 0;
                for (int i = 0; i < header.length; i++) {
                    if (header[i].equals("S0U") || header[i].equals("S1U") || header[i].equals("EU") || header[i].equals("OU")) {
                        used += Double.parseDouble(f[i]);
                    }
                }
                peakKib = Math.max(peakKib, used);
            }
        } catch (IOException | NumberFormatException e) {
            // sampling ends with the process
        }
    }

    /** Peak used heap since the start, in MiB. */
    double peakMib() {
        return peakKib / 1024;
    }

    /** Starts a new peak from now. */
    void reset() {
        peakKib = 0;
    }

    @Override
    public void close() {
        jstat.destroy();
    }
}
