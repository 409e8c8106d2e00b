package org.astroruntime.common.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Starts an {@link EmbeddedKafkaBroker} for a {@code @QuarkusTest} class and points the application's Kafka
 * clients at it. Use with {@code @WithTestResource(KafkaBrokerTestResource.class)}.
 */
public class KafkaBrokerTestResource implements QuarkusTestResourceLifecycleManager {

    private EmbeddedKafkaBroker broker;

    @Override
    public Map<String, String> start() {
        try {
            broker = EmbeddedKafkaBroker.start();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the embedded Kafka broker", e);
        }
        return Map.of("kafka.bootstrap.servers", broker.bootstrapServers());
    }

    @Override
    public void stop() {
        if (broker != null) {
            try {
                broker.close();
            } catch (Exception e) {
                throw new IllegalStateException("cannot stop the embedded Kafka broker", e);
            }
        }
    }
}
