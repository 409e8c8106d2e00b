package org.astroruntime.registry.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.astroruntime.registry.events.RegistryEventPublisher;
import org.astroruntime.registry.index.ResourceIndex;
import org.jboss.logging.Logger;

/**
 * Runs ingests: each is one index update that is committed whole and announced, or, if the run fails, discarded
 * whole; either way its report is kept.
 */
@ApplicationScoped
public class RecordIngest {

    private static final Logger LOG = Logger.getLogger(RecordIngest.class);

    /** One record document and a name for it in reports. */
    public record RecordDocument(String name, StreamSource content) {
    }

    /** Opens a record's bytes. */
    @FunctionalInterface
    public interface StreamSource {
        InputStream open() throws IOException;
    }

    /** What one run does: stages its changes in {@code update}, counts them, returns bookkeeping to commit with them. */
    @FunctionalInterface
    public interface Run {
        Map<String, String> stage(ResourceIndex.Update update, IngestTally tally) throws IngestFailedException, IOException;
    }

    @Inject
    ResourceIndex index;

    @Inject
    RegistryEventPublisher publisher;

    @Inject
    IngestReports reports;

    private final VoResourceParser parser = new VoResourceParser();

    /** Ingests {@code documents} (each bad one rejected with its reason), records the report and returns it. */
    public IngestReport ingest(String source, List<RecordDocument> documents) {
        return run(source, (update, tally) -> {
            for (RecordDocument doc : documents) {
                try (InputStream in = doc.content().open()) {
                    tally.count(update.upsert(parser.parse(in), source));
                } catch (RecordRejectedException e) {
                    tally.reject(doc.name(), e.getMessage());
                } catch (IOException e) {
                    tally.reject(doc.name(), "cannot read: " + e.getMessage());
                }
            }
            return Map.of();
        });
    }

    /** Runs {@code run} as one update of the index, records the report and returns it. */
    public IngestReport run(String source, Run run) {
        IngestTally tally = new IngestTally(source);
        IngestReport report;
        try (ResourceIndex.Update update = index.beginUpdate()) {
            Map<String, String> bookkeeping = run.stage(update, tally);
            publisher.publish(update.commit(bookkeeping));
            report = tally.completed();
        } catch (IngestFailedException e) {
            report = tally.failed(e.getMessage());
        } catch (IOException | UncheckedIOException e) {
            report = tally.failed("the index could not be written: " + e.getMessage());
        }
        reports.add(report);
        if (report.status() == IngestReport.Status.COMPLETED) {
            LOG.infof("ingested %s in %d ms: %d added, %d changed, %d unchanged, %d deleted, %d rejected", source,
                    report.durationMillis(), report.added(), report.changed(), report.unchanged(), report.deleted(),
                    report.rejected().size());
            report.rejected().forEach(r -> LOG.warnf("rejected record %s: %s", r.record(), r.reason()));
        } else {
            LOG.warnf("ingest of %s failed: %s", source, report.message());
        }
        return report;
    }
}
