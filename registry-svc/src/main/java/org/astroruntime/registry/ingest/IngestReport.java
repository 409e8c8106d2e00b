package org.astroruntime.registry.ingest;

import java.time.Instant;
import java.util.List;

/**
 * The outcome of one ingest run.
 *
 * @param source   where the records came from (a directory, or a harvested registry's URL)
 * @param started  when the run began
 * @param added    records new to the registry
 * @param changed  records that replaced an earlier version
 * @param rejected records refused, each with its reason
 */
public record IngestReport(String source, Instant started, int added, int changed, List<Rejection> rejected) {

    /** One refused record. */
    public record Rejection(String record, String reason) {
    }

    public IngestReport {
        rejected = List.copyOf(rejected);
    }
}
