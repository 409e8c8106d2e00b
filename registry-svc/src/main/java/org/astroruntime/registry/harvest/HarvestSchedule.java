package org.astroruntime.registry.harvest;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.astroruntime.registry.ingest.IngestReport;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The publishing registries to harvest ({@code registry.harvest.sources}) and the schedule: one harvest of each
 * at start-up, then one every {@code registry.harvest.interval}.
 */
@ApplicationScoped
public class HarvestSchedule {

    private static final Logger LOG = Logger.getLogger(HarvestSchedule.class);

    @ConfigProperty(name = "registry.harvest.sources")
    Optional<List<URI>> configuredSources;

    @ConfigProperty(name = "registry.harvest.interval", defaultValue = "6H")
    Duration interval;

    @ConfigProperty(name = "registry.harvest.initial-delay", defaultValue = "0S")
    Duration initialDelay;

    @Inject
    Harvester harvester;

    private ScheduledExecutorService timer;

    void onStart(@Observes StartupEvent event) {
        List<URI> sources = sources();
        for (URI source : sources) {
            String scheme = source.getScheme() == null ? "" : source.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw new IllegalArgumentException("registry.harvest.sources: " + source + " is not an http(s) URL");
            }
        }
        if (sources.isEmpty()) {
            LOG.info("registry.harvest.sources not set: no OAI-PMH harvesting");
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "registry-harvest");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::harvestAllQuietly, initialDelay.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
        LOG.infof("harvesting %s every %s", sources, interval);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    /** The configured sources, in order. */
    public List<URI> sources() {
        return configuredSources.orElse(List.of());
    }

    /** Harvests every source now, one after another. */
    public List<IngestReport> harvestAll() {
        List<IngestReport> done = new ArrayList<>();
        for (URI source : sources()) {
            done.add(harvester.harvest(source));
        }
        return done;
    }

    private void harvestAllQuietly() {
        try {
            harvestAll();
        } catch (RuntimeException e) {
            // An escaped exception would cancel the schedule for good.
            LOG.error("scheduled harvest failed unexpectedly", e);
        }
    }
}
