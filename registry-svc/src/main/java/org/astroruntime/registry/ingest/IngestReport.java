package org.astroruntime.registry.ingest;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * The outcome of one ingest run: a directory load or an OAI-PMH harvest.
 *
 * @param source    where the records came from (a directory, the bundled set, or a harvested registry's URL)
 * @param status    whether the run's changes were kept
 * @param started   when the run began
 * @param finished  when it ended
 * @param added     records new to the registry
 * @param changed   records that replaced an earlier, different version
 * @param unchanged records identical to the stored version
 * @param deleted   records removed because the source marked them deleted
 * @param rejected  records refused, each with its reason
 * @param message   what went wrong, for a failed run; null otherwise
 */
public record IngestReport(String source, Status status, Instant started, Instant finished, int added, int changed,
                           int unchanged, int deleted, List<Rejection> rejected, String message) {

    /** Whether a run's changes were kept. */
    public enum Status {
        /** Every accepted record was committed. */
        COMPLETED,
        /** Nothing of this run was kept; the registry still holds the last good set. */
        FAILED
    }

    /** One refused record: its identifier (or file name) and why. */
    public record Rejection(String record, String reason) {
    }

    public IngestReport {
        rejected = List.copyOf(rejected);
    }

    /** How long the run took, in milliseconds. */
    @JsonProperty("durationMillis")
    public long durationMillis() {
        return finished.toEpochMilli() - started.toEpochMilli();
    }
}
