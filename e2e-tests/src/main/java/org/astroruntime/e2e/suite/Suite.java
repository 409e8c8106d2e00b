package org.astroruntime.e2e.suite;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.astroruntime.common.io.SecretFiles;
import org.astroruntime.e2e.peers.SampTableReceiver;

/**
 * The whole suite as real processes: a Kafka broker, the demo cone-search server, a SAMP hub and a SAMP table
 * viewer, and the five services, each a JVM of its own. {@link #close()} stops everything it started, newest first.
 */
public final class Suite implements AutoCloseable {

    /** The services, in the order their ports appear in {@link SuiteConfig.Ports}. */
    public static final List<String> SERVICES = List.of("registry-svc", "query-svc", "job-svc", "vospace-svc", "messaging-bridge");

    private final SuiteConfig config;
    private final List<ManagedProcess> processes = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, ManagedProcess> byName = Collections.synchronizedMap(new LinkedHashMap<>());
    private final List<ServiceStart> starts = Collections.synchronizedList(new ArrayList<>());
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    // Fresh for every start of a fresh data directory; kept in the data directory so that a restart reuses them.
    private String adminPassword;
    private String demoPassword;
    private Duration coldStart;

    private Suite(SuiteConfig config) {
        this.config = config;
    }

    /** Starts every process and returns once all services report ready. On failure, stops what it started. */
    public static Suite start(SuiteConfig config) throws Exception {
        Suite suite = new Suite(config);
        try {
            suite.startAll();
            return suite;
        } catch (Exception | Error e) {
            suite.close();
            throw e;
        }
    }

    private void startAll() throws Exception {
        for (String service : SERVICES) {
            Path jar = config.repo().resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
            if (!Files.exists(jar)) {
                throw new IllegalStateException(jar + " is missing: build the suite first (./mvnw -DskipTests install)");
            }
        }
        long t0 = System.nanoTime();
        Path logs = Files.createDirectories(config.dataDir().resolve("logs"));
        adminPassword = secret(config.dataDir().resolve("admin.password"));
        demoPassword = secret(config.dataDir().resolve("demo.password"));
        SuiteConfig.Ports ports = config.ports();
        String classPath = System.getProperty("java.class.path");

        ManagedProcess kafka = KafkaBrokerProcess.start(config.dataDir(), ports.kafka(), ports.controller(), logs);
        register(kafka);
        starts.add(new ServiceStart("kafka", kafka.pid(), kafka.age(), kafka.rssKib()));

        List<String> coneArgs = new ArrayList<>(List.of("-cp", classPath, "org.astroruntime.e2e.peers.ConeSearchServer",
                "--port", Integer.toString(ports.cone())));
        if (config.coneFaults()) {
            coneArgs.add("--faults");
        }
        ManagedProcess cone = register(ManagedProcess.startJava("cone-server", List.of("-Xmx128m", "-XX:+UseSerialGC"),
                coneArgs, Map.of(), logs));

        Path sampHome = Files.createDirectories(config.dataDir().resolve("samp-home"));
        Files.deleteIfExists(sampHome.resolve(".samp")); // a stale lockfile from a killed run would mislead clients
        List<String> sampJvm = List.of("-Xmx96m", "-XX:+UseSerialGC", "-Djava.awt.headless=true", "-Duser.home=" + sampHome);
        ManagedProcess hub = register(ManagedProcess.startJava("samp-hub", sampJvm, List.of("-cp", classPath,
                "org.astrogrid.samp.hub.Hub", "-mode", "no-gui", "-profiles", "std"), Map.of(), logs));
        ManagedProcess viewer = register(ManagedProcess.startJava("samp-viewer", sampJvm, List.of("-cp", classPath,
                SampTableReceiver.class.getName(), "--name", "e2e-table-viewer"), Map.of(), logs));

        Path records = config.dataDir().resolve("registry-records");
        DemoRecords.write(records, coneUrl() + "?");

        ExecutorService starters = Executors.newFixedThreadPool(SERVICES.size());
        try {
            List<Future<ServiceStart>> pending = new ArrayList<>();
            for (String service : SERVICES) {
                List<String> props = serviceProperties(service, records, sampHome);
                pending.add(starters.submit(() -> startService(service, props, logs)));
            }
            cone.awaitLogLine(l -> l.startsWith("cone-search server ready"), Duration.ofSeconds(60));
            starts.add(new ServiceStart("cone-server", cone.pid(), cone.age(), cone.rssKib()));
            viewer.awaitLogLine(l -> l.startsWith("SAMP-RECEIVER-READY"), Duration.ofSeconds(60));
            starts.add(new ServiceStart("samp-hub", hub.pid(), hub.age(), hub.rssKib()));
            starts.add(new ServiceStart("samp-viewer", viewer.pid(), viewer.age(), viewer.rssKib()));
            for (Future<ServiceStart> f : pending) {
                starts.add(f.get());
            }
        } finally {
            starters.shutdownNow();
        }
        coldStart = Duration.ofNanos(System.nanoTime() - t0);
    }

    private List<String> serviceProperties(String service, Path records, Path sampHome) {
        SuiteConfig.Ports p = config.ports();
        List<String> props = new ArrayList<>(List.of(
                "-Xmx" + config.serviceHeap(), "-XX:+UseSerialGC", "-Djava.awt.headless=true",
                "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.http.port=" + port(service),
                "-Dkafka.bootstrap.servers=127.0.0.1:" + p.kafka(),
                "-Dastroruntime.data-dir=" + config.dataDir().resolve(service),
                "-Dastroruntime.auth.jwks-url=" + url("vospace-svc") + "/auth/jwks"));
        switch (service) {
            case "registry-svc" -> {
                props.add("-Dregistry.records.dir=" + records);
                // The registry's records of the suite's own services name where they really listen.
                props.add("-Dregistry.own.query-url=" + url("query-svc"));
                props.add("-Dregistry.own.job-url=" + url("job-svc"));
                props.add("-Dregistry.own.vospace-url=" + url("vospace-svc"));
            }
            case "query-svc" -> {
                props.add("-Dquery.registry-url=" + url("registry-svc"));
                props.add("-Dquery.vospace-url=" + url("vospace-svc"));
                props.add("-Dquery.remote.timeout=" + config.remoteTimeout().toSeconds() + "S");
            }
            case "vospace-svc" -> {
                props.add("-Dvospace.public-url=" + url("vospace-svc"));
                props.add("-Dvospace.admin.password=" + adminPassword);
                props.add("-Dvospace.demo-user.password=" + demoPassword);
            }
            case "messaging-bridge" -> props.add("-Duser.home=" + sampHome);
            default -> {
            }
        }
        return props;
    }

    private ServiceStart startService(String service, List<String> jvmArgs, Path logs) throws Exception {
        Path jar = config.repo().resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
        ManagedProcess p = register(ManagedProcess.startJava(service, jvmArgs, List.of("-jar", jar.toString()), Map.of(), logs));
        URI ready = URI.create(url(service) + "/q/health/ready");
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IllegalStateException(service + " exited during start; see " + p.log());
            }
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return new ServiceStart(service, p.pid(), p.age(), p.rssKib());
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(150);
        }
        throw new IllegalStateException(service + " was not ready within 180 s; see " + p.log());
    }

    private ManagedProcess register(ManagedProcess p) {
        processes.add(p);
        byName.put(p.name(), p);
        return p;
    }

    /** Base URL of a service, e.g. {@code http://127.0.0.1:8082}. */
    public String url(String service) {
        return "http://127.0.0.1:" + port(service);
    }

    private int port(String service) {
        SuiteConfig.Ports p = config.ports();
        return switch (service) {
            case "registry-svc" -> p.registry();
            case "query-svc" -> p.query();
            case "job-svc" -> p.job();
            case "vospace-svc" -> p.vospace();
            case "messaging-bridge" -> p.bridge();
            default -> throw new IllegalArgumentException("unknown service " + service);
        };
    }

    /** The demo cone-search endpoint. */
    public String coneUrl() {
        return "http://127.0.0.1:" + config.ports().cone() + "/cone";
    }

    public String kafkaBootstrap() {
        return "127.0.0.1:" + config.ports().kafka();
    }

    public SuiteConfig config() {
        return config;
    }

    /** A running process by name (a service name, {@code kafka}, {@code cone-server}, {@code samp-hub}, {@code samp-viewer}). */
    public ManagedProcess process(String name) {
        ManagedProcess p = byName.get(name);
        if (p == null) {
            throw new IllegalArgumentException("no process " + name);
        }
        return p;
    }

    /** The administrator's password (account {@code admin}). */
    public String adminPassword() {
        return adminPassword;
    }

    /** The demo user's password (account {@code demo}). */
    public String demoPassword() {
        return demoPassword;
    }

    private static String secret(Path file) throws IOException {
        byte[] password = SecretFiles.readOrCreate(file, () -> {
            byte[] b = new byte[12];
            new java.security.SecureRandom().nextBytes(b);
            return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(b).getBytes(StandardCharsets.US_ASCII);
        });
        return new String(password, StandardCharsets.US_ASCII).strip();
    }

    /** Time from the first process start to every service ready. */
    public Duration coldStart() {
        return coldStart;
    }

    public List<ServiceStart> starts() {
        return List.copyOf(starts);
    }

    @Override
    public void close() {
        List<ManagedProcess> reversed = new ArrayList<>(processes);
        Collections.reverse(reversed);
        // Services first (in parallel, they are independent), then peers, then the broker last.
        reversed.parallelStream().filter(p -> SERVICES.contains(p.name())).forEach(ManagedProcess::close);
        reversed.stream().filter(p -> !SERVICES.contains(p.name())).forEach(ManagedProcess::close);
    }
}
