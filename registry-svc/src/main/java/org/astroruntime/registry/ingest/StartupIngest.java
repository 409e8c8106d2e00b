package org.astroruntime.registry.ingest;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.astroruntime.registry.ingest.RecordIngest.RecordDocument;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * At start-up, loads the records the registry always holds: the bundled sample set, the suite's own services,
 * and the {@code *.xml} files of {@code registry.records.dir}. Unchanged records are left alone, so a restart
 * announces nothing new.
 */
@ApplicationScoped
public class StartupIngest {

    private static final Logger LOG = Logger.getLogger(StartupIngest.class);
    private static final String BUNDLED_INDEX = "records/index.txt";

    @Inject
    RecordIngest ingest;

    @Inject
    OwnRecords ownRecords;

    @ConfigProperty(name = "registry.records.bundled", defaultValue = "true")
    boolean loadBundled;

    @ConfigProperty(name = "registry.records.dir")
    Optional<Path> recordsDir;

    void onStart(@Observes StartupEvent event) throws IOException {
        if (loadBundled) {
            ingest.ingest("bundled sample records", bundled());
        }
        ingest.ingest("AstroRuntime's own services", ownRecords.documents());
        if (recordsDir.isPresent()) {
            ingestDirectory(recordsDir.get());
        } else {
            LOG.info("registry.records.dir not set: no local records directory");
        }
    }

    /** Loads every {@code *.xml} file of {@code dir}. */
    public IngestReport ingestDirectory(Path dir) throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.filter(p -> p.getFileName().toString().endsWith(".xml")).sorted().toList();
        }
        return ingest.ingest(dir.toString(), files.stream()
                .map(f -> new RecordDocument(f.getFileName().toString(), () -> Files.newInputStream(f)))
                .toList());
    }

    /** The records shipped in the jar, named by {@code records/index.txt} (a jar cannot be listed portably). */
    private static List<RecordDocument> bundled() throws IOException {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try (InputStream index = loader.getResourceAsStream(BUNDLED_INDEX)) {
            if (index == null) {
                throw new IllegalStateException(BUNDLED_INDEX + " is missing from the build");
            }
            List<String> names = new BufferedReader(new InputStreamReader(index, StandardCharsets.UTF_8)).lines()
                    .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
            return names.stream().map(name -> new RecordDocument(name, () -> {
                InputStream in = loader.getResourceAsStream("records/" + name);
                if (in == null) {
                    throw new IOException("records/" + name + " is listed but not bundled");
                }
                return in;
            })).toList();
        }
    }
}
