package org.astroruntime.registry.ingest;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.astroruntime.registry.events.RegistryEventPublisher;
import org.astroruntime.registry.resolve.ResourceStore;
import org.astroruntime.registry.resource.VoResource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Loads VOResource records ({@code *.xml}) from the configured directory at start-up. A bad record is rejected
 * with its reason and the rest are still loaded.
 */
@ApplicationScoped
public class DirectoryIngest {

    private static final Logger LOG = Logger.getLogger(DirectoryIngest.class);

    @Inject
    ResourceStore store;

    @Inject
    RegistryEventPublisher publisher;

    @ConfigProperty(name = "registry.records.dir")
    Optional<Path> recordsDir;

    private final VoResourceParser parser = new VoResourceParser();
    private final List<IngestReport> reports = new CopyOnWriteArrayList<>();

    void onStart(@Observes StartupEvent event) throws IOException {
        if (recordsDir.isEmpty()) {
            LOG.info("registry.records.dir not set: starting with no records");
            return;
        }
        IngestReport report = ingest(recordsDir.get());
        LOG.infof("ingested %s: %d added, %d changed, %d rejected", report.source(), report.added(),
                report.changed(), report.rejected().size());
        for (IngestReport.Rejection r : report.rejected()) {
            LOG.warnf("rejected record %s: %s", r.record(), r.reason());
        }
    }

    /** Loads every {@code *.xml} file of {@code dir}. */
    public IngestReport ingest(Path dir) throws IOException {
        Instant started = Instant.now();
        int added = 0;
        int changed = 0;
        List<IngestReport.Rejection> rejected = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.filter(p -> p.getFileName().toString().endsWith(".xml")).sorted().toList();
        }
        for (Path file : files) {
            try (InputStream in = Files.newInputStream(file)) {
                VoResource resource = parser.parse(in);
                if (store.upsert(resource).isPresent()) {
                    changed++;
                } else {
                    added++;
                }
                publisher.upserted(resource);
            } catch (RecordRejectedException e) {
                rejected.add(new IngestReport.Rejection(file.getFileName().toString(), e.getMessage()));
            }
        }
        IngestReport report = new IngestReport(dir.toString(), started, added, changed, rejected);
        reports.add(report);
        return report;
    }

    /** Reports of the runs since start, oldest first. */
    public List<IngestReport> reports() {
        return List.copyOf(reports);
    }
}
