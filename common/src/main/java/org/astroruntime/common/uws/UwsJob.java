package org.astroruntime.common.uws;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A job as UWS 1.1 describes it, ready to be written as a job document ({@link UwsXml}). Services map their own
 * job records to this.
 *
 * @param jobId                 the job's id
 * @param runId                 the client's run id, or null
 * @param ownerId               the owner, or null
 * @param phase                 the UWS phase name, e.g. {@code EXECUTING}
 * @param quote                 the expected end, or null
 * @param creationTime          when the job was created
 * @param startTime             when it began executing, or null
 * @param endTime               when it ended, or null
 * @param executionDurationSecs the run-time limit in seconds (0 = unlimited)
 * @param destruction           when the job will be destroyed, or null for never
 * @param parameters            the job's parameters, by name
 * @param results               the results
 * @param errorSummary          why the job failed, or null
 */
public record UwsJob(String jobId, String runId, String ownerId, String phase, Instant quote, Instant creationTime,
                     Instant startTime, Instant endTime, long executionDurationSecs, Instant destruction,
                     Map<String, String> parameters, List<Result> results, String errorSummary) {

    public UwsJob {
        parameters = Map.copyOf(parameters);
        results = List.copyOf(results);
    }

    /**
     * One result of a job.
     *
     * @param id       the result's name ({@code result} for the main one)
     * @param href     where to fetch it
     * @param mimeType its media type, or null
     * @param size     its size in bytes, or -1 when unknown
     */
    public record Result(String id, String href, String mimeType, long size) {
    }
}
