package org.astroruntime.common.event;

import java.time.Instant;

/**
 * A UWS phase change of a query or application job, as published on {@code vo.job.events} (key = {@code jobId}).
 *
 * @param schemaVersion body schema version, currently {@value #SCHEMA_VERSION}
 * @param jobId         the job
 * @param owner         the job's owner
 * @param kind          {@code query} or {@code application}
 * @param phase         the phase entered
 * @param time          when the phase was entered
 * @param message       progress note, or null
 * @param errorSummary  for {@link Phase#ERROR} and {@link Phase#ABORTED}: why, in words a user can act on
 */
public record JobEvent(int schemaVersion, String jobId, String owner, String kind, Phase phase, Instant time,
                       String message, String errorSummary) implements EventBody {

    public static final int SCHEMA_VERSION = 1;

    public JobEvent {
        Require.version(schemaVersion, SCHEMA_VERSION);
        Require.text(jobId, "jobId");
        Require.text(owner, "owner");
        Require.text(kind, "kind");
        Require.present(phase, "phase");
        Require.present(time, "time");
    }

    /** A phase change that happens now. */
    public static JobEvent now(String jobId, String owner, String kind, Phase phase, String message, String errorSummary) {
        return new JobEvent(SCHEMA_VERSION, jobId, owner, kind, phase, Instant.now(), message, errorSummary);
    }
}
