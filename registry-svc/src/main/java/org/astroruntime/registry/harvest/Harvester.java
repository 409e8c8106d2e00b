package org.astroruntime.registry.harvest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.astroruntime.registry.index.ResourceIndex;
import org.astroruntime.registry.ingest.IngestReport;
import org.astroruntime.registry.ingest.IngestTally;
import org.astroruntime.registry.ingest.RecordIngest;
import org.astroruntime.registry.ingest.RecordRejectedException;
import org.astroruntime.registry.ingest.VoResourceParser;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Harvests a publishing registry over OAI-PMH ({@code ListRecords}, {@code metadataPrefix=ivo_vor}), following
 * resumption tokens. The first harvest of a source takes everything; later ones ask only for records changed since
 * the previous harvest's response date, which is committed together with the records it brought.
 *
 * <p>A harvest is all or nothing: if any page fails (HTTP error, timeout, OAI-PMH error, looping tokens, a page
 * that is not OAI-PMH), none of its changes are kept and the report says why. Bad records are only skipped.
 */
@ApplicationScoped
public class Harvester {

    static final String METADATA_PREFIX = "ivo_vor";
    private static final String WATERMARK_KEY = "harvest.from ";

    @Inject
    OaiPmhClient client;

    @Inject
    ResourceIndex index;

    @Inject
    RecordIngest ingest;

    @ConfigProperty(name = "registry.harvest.max-pages", defaultValue = "100000")
    int maxPages;

    private final VoResourceParser parser = new VoResourceParser();

    /** The {@code from} datestamp the next harvest of {@code source} will send, or null for a full harvest. */
    public String watermark(URI source) {
        return index.commitData().get(WATERMARK_KEY + source);
    }

    /** Harvests {@code source}, records the report and returns it. */
    public IngestReport harvest(URI source) {
        return ingest.run(source.toString(),
                (update, tally) -> Map.of(WATERMARK_KEY + source, harvestInto(update, source, tally)));
    }

    /** Reads every page into {@code update}; returns the datestamp the next incremental harvest starts from. */
    private String harvestInto(ResourceIndex.Update update, URI source, IngestTally tally)
            throws HarvestFailedException, IOException {
        OaiResponse identify = client.request(source, "Identify", Map.of());
        failOnError(identify, "Identify");
        String from = watermark(source);
        Map<String, String> args = from == null
                ? Map.of("metadataPrefix", METADATA_PREFIX)
                : Map.of("metadataPrefix", METADATA_PREFIX, "from", Datestamps.atGranularity(from, identify.granularity()));
        OaiResponse page = client.request(source, "ListRecords", args);
        if ("noRecordsMatch".equals(page.errorCode())) {
            return page.responseDate() != null ? page.responseDate() : from;
        }
        String next = page.responseDate();
        if (next == null) {
            throw new HarvestFailedException("the OAI-PMH answer has no responseDate");
        }
        Set<String> tokensSeen = new HashSet<>();
        for (int pages = 1; ; pages++) {
            failOnError(page, "ListRecords");
            for (OaiResponse.OaiRecord record : page.records()) {
                apply(update, source, record, tally);
            }
            String token = page.resumptionToken();
            if (token == null || token.isEmpty()) {
                return next;
            }
            if (!tokensSeen.add(token)) {
                throw new HarvestFailedException("the endpoint sent resumption token '" + token
                        + "' a second time (page " + (pages + 1) + "): it loops");
            }
            if (pages >= maxPages) {
                throw new HarvestFailedException("more than " + maxPages + " pages (registry.harvest.max-pages)");
            }
            page = client.request(source, "ListRecords", Map.of("resumptionToken", token));
        }
    }

    private void apply(ResourceIndex.Update update, URI source, OaiResponse.OaiRecord record, IngestTally tally)
            throws IOException {
        String id = record.identifier() == null ? "(no identifier)" : record.identifier();
        if (record.deleted()) {
            if (record.identifier() != null && update.delete(record.identifier())) {
                tally.deleted();
            }
            return;
        }
        if (record.resource() == null) {
            tally.reject(id, "record has no metadata");
            return;
        }
        try {
            tally.count(update.upsert(parser.fromElement(record.resource()), source.toString()));
        } catch (RecordRejectedException e) {
            tally.reject(id, e.getMessage());
        }
    }

    private static void failOnError(OaiResponse response, String verb) throws HarvestFailedException {
        if (response.errorCode() != null) {
            throw new HarvestFailedException(verb + " answered OAI-PMH error " + response.errorCode() + ": "
                    + response.errorMessage());
        }
    }
}
