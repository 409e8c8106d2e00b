package org.astroruntime.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.astroruntime.common.event.Topics;
import org.astroruntime.e2e.suite.Suite;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** docker-compose.yml stays valid and in step with the embedded default. */
class ComposeFileTest {

    private static final Path REPO = Path.of(System.getProperty("astroruntime.repo", "..")).toAbsolutePath().normalize();
    private static final Path COMPOSE = REPO.resolve("docker-compose.yml");

    @Test
    void createsTheSameTopicsWithTheSamePartitionsAsTheEmbeddedDefault() throws Exception {
        String text = Files.readString(COMPOSE);
        Map<String, Integer> declared = new LinkedHashMap<>();
        Matcher m = Pattern.compile("(vo\\.[a-z.-]+):(\\d+)").matcher(text);
        while (m.find()) {
            declared.put(m.group(1), Integer.parseInt(m.group(2)));
        }
        Map<String, Integer> expected = new LinkedHashMap<>();
        Topics.ALL.forEach(t -> expected.put(t.name(), t.partitions()));
        assertEquals(expected, declared);
    }

    @Test
    void hasEveryServiceWithABuildAndAHealthCheck() throws Exception {
        String text = Files.readString(COMPOSE);
        for (String service : Suite.SERVICES) {
            int at = text.indexOf("\n  " + service + ":\n");
            assertTrue(at >= 0, service + " is missing from docker-compose.yml");
            int end = text.indexOf("\n\n", at);
            String block = text.substring(at, end < 0 ? text.length() : end);
            assertTrue(block.contains("context: ./" + service), service + " is not built from its module");
            assertTrue(block.contains("healthcheck:"), service + " has no health check");
            assertTrue(Files.exists(REPO.resolve(service).resolve("src/main/docker/Dockerfile.jvm")), service + " has no Dockerfile");
        }
    }

    @Test
    void validatesWithDockerCompose() throws Exception {
        String validator = findOnPath("docker-compose");
        Assumptions.assumeTrue(validator != null,
                "docker-compose is not installed (apt-get install docker-compose): compose validation skipped");
        Process p = new ProcessBuilder(validator, "-f", COMPOSE.toString(), "config", "--quiet")
                .redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "docker-compose config did not finish");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), "docker-compose config rejected the file:\n" + out);
    }

    private static String findOnPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, command);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }
}
