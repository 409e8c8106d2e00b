package org.astroruntime.e2e.suite;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.astroruntime.common.kafka.KRaftBrokerProperties;
import org.astroruntime.common.kafka.TopicProvisioner;

/**
 * A real Apache Kafka broker (KRaft, combined broker and controller) as its own process, run from Maven Central's
 * Kafka jars on this JVM's class path. Its data lives under {@code <dataDir>/kafka} and survives restarts; topics
 * are created explicitly (auto-creation is off).
 */
public final class KafkaBrokerProcess {

    private KafkaBrokerProcess() {
    }

    /** Formats the log directory on first use, starts the broker, waits until it answers and creates topics. */
    public static ManagedProcess start(Path dataDir, int port, int controllerPort, Path logDir) throws Exception {
        Path dir = Files.createDirectories(dataDir.resolve("kafka"));
        Properties props = KRaftBrokerProperties.of(port, controllerPort, dir.resolve("data"));
        props.put("log.retention.hours", "168");
        Path config = dir.resolve("server.properties");
        try (OutputStream out = Files.newOutputStream(config)) {
            props.store(out, "AstroRuntime embedded broker (written at every start)");
        }
        Files.writeString(dir.resolve("log4j2.properties"), String.join("\n",
                "rootLogger.level=WARN", "rootLogger.appenderRef.out.ref=out",
                "appender.out.type=Console", "appender.out.name=out", "appender.out.layout.type=PatternLayout",
                "appender.out.layout.pattern=%d{HH:mm:ss.SSS} %-5p [%c{1}] %m%n",
                "logger.started.name=kafka.server.KafkaRaftServer", "logger.started.level=INFO", ""));

        String classPath = System.getProperty("java.class.path");
        List<String> jvm = List.of("-Xmx256m", "-XX:+UseSerialGC",
                "-Dlog4j2.configurationFile=" + dir.resolve("log4j2.properties"));
        Path clusterIdFile = dir.resolve("cluster.id");
        if (!Files.exists(clusterIdFile)) {
            Files.writeString(clusterIdFile, randomClusterId());
        }
        ManagedProcess format = ManagedProcess.startJava("kafka-format", jvm, List.of("-cp", classPath,
                "kafka.tools.StorageTool", "format", "-t", Files.readString(clusterIdFile).strip(), "-c",
                config.toString(), "--ignore-formatted"), Map.of(), logDir);
        waitForExit(format);

        ManagedProcess broker = ManagedProcess.startJava("kafka", jvm, List.of("-cp", classPath, "kafka.Kafka",
                config.toString()), Map.of(), logDir);
        String bootstrap = "127.0.0.1:" + port;
        awaitBroker(broker, bootstrap, Duration.ofSeconds(90));
        new TopicProvisioner(bootstrap, (short) 1).ensureTopics(Duration.ofSeconds(60));
        return broker;
    }

    private static void awaitBroker(ManagedProcess broker, String bootstrap, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000))) {
            while (System.nanoTime() < deadline) {
                if (!broker.isAlive()) {
                    throw new IllegalStateException("the Kafka broker exited; see " + broker.log());
                }
                try {
                    admin.describeCluster().nodes().get(3, TimeUnit.SECONDS);
                    return;
                } catch (Exception notYet) {
                    Thread.sleep(200);
                }
            }
        }
        throw new IllegalStateException("the Kafka broker did not answer within " + timeout + "; see " + broker.log());
    }

    private static void waitForExit(ManagedProcess p) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        if (p.isAlive()) {
            p.close();
            throw new IllegalStateException("kafka storage format did not finish; see " + p.log());
        }
    }

    /** A KRaft cluster id: 16 random bytes in URL-safe base64 without padding, as StorageTool makes them. */
    private static String randomClusterId() {
        UUID u = UUID.randomUUID();
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(16).putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits());
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(b.array());
    }
}
