package org.astroruntime.registry.harvest;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Starts an {@link OaiPmhTestServer} (3 records a page) and makes it registry-svc's only harvest source. The
 * schedule's first harvest is pushed far out, so tests decide when harvests happen.
 */
public class OaiPmhTestResource implements QuarkusTestResourceLifecycleManager {

    private static OaiPmhTestServer server;

    /** The running server (one per test JVM while the resource is active). */
    public static OaiPmhTestServer server() {
        return server;
    }

    @Override
    public Map<String, String> start() {
        try {
            server = OaiPmhTestServer.start(3);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("registry.harvest.sources", server.endpoint().toString(),
                "registry.harvest.initial-delay", "1000H",
                "registry.harvest.request-timeout", "3S");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
        }
    }
}
