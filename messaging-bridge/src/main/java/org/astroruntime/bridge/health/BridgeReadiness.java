package org.astroruntime.bridge.health;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.astroruntime.bridge.samp.SampHubConnection;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once the results consumer holds partitions, i.e. once a result published from now on will reach this
 * bridge. Whether a SAMP hub is up is reported but does not make the bridge unready: desktops come and go.
 */
@Readiness
@ApplicationScoped
public class BridgeReadiness implements HealthCheck {

    @Inject
    @Identifier("results-assignment")
    ResultsAssignment assignment;

    @Inject
    SampHubConnection samp;

    @Override
    public HealthCheckResponse call() {
        int partitions = assignment.partitions();
        return HealthCheckResponse.named("desktop bridge")
                .status(partitions > 0)
                .withData("results-partitions", partitions)
                .withData("samp-hub-connected", samp.isConnected())
                .build();
    }
}
