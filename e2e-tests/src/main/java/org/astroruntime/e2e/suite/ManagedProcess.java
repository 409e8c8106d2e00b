package org.astroruntime.e2e.suite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A child JVM of the suite, with its output in a log file. Stopping sends SIGTERM, then kills after a grace period.
 */
public final class ManagedProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final Path log;
    private final long startedNanos;

    private ManagedProcess(String name, Process process, Path log, long startedNanos) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.startedNanos = startedNanos;
    }

    /**
     * Starts {@code java <jvmArgs> <mainArgs>} with the given extra environment.
     *
     * @param mainArgs either {@code -jar x.jar ...} or {@code -cp cp MainClass ...}
     */
    public static ManagedProcess startJava(String name, List<String> jvmArgs, List<String> mainArgs,
                                           Map<String, String> env, Path logDir) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        command.addAll(mainArgs);
        Files.createDirectories(logDir);
        Path log = logDir.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        builder.environment().putAll(env);
        long start = System.nanoTime();
        return new ManagedProcess(name, builder.start(), log, start);
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Time since the process was started. */
    public Duration age() {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    /** Resident set size from /proc, in KiB, or -1 where /proc is not available. */
    public long rssKib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /** Waits for a log line that matches; fails early if the process dies. Returns the line. */
    public String awaitLogLine(Predicate<String> match, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (String line : logLines()) {
                if (match.test(line)) {
                    return line;
                }
            }
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with code " + process.exitValue() + "; see " + log);
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException(name + " did not log the expected line within " + timeout + "; see " + log);
    }

    /** The log so far. */
    public List<String> logLines() throws IOException {
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }

    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
