package org.astroruntime.query.job;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.astroruntime.common.uws.UwsJob;
import org.astroruntime.common.event.Phase;

/**
 * A UWS job as the REST API shows it.
 *
 * @param jobId         the job id
 * @param ownerId       the owner
 * @param phase         the current phase
 * @param protocol      the query protocol
 * @param service       the target service
 * @param saveAs        where the result goes ({@code vos://})
 * @param creationTime  when the job was created
 * @param startTime     when it started executing, or null
 * @param endTime       when it ended, or null
 * @param parameters    the request parameters
 * @param results       the results (one table when COMPLETED)
 * @param errorSummary  why it failed, or null
 * @param message       a progress or status note (e.g. an overflow warning), or null
 */
public record QueryJobView(String jobId, String ownerId, Phase phase, String protocol, String service, String saveAs,
                           Instant creationTime, Instant startTime, Instant endTime, Map<String, String> parameters,
                           List<JobResult> results, String errorSummary, String message) {

    /**
     * This job as UWS 1.1 describes it; the protocol, service and destination are listed among the parameters,
     * and the result's link is its pre-signed URL, which any UWS client can fetch without a token.
     */
    public UwsJob toUws(long executionDurationSecs, Instant destruction) {
        Map<String, String> all = new java.util.HashMap<>(parameters);
        all.put("protocol", protocol);
        all.put("service", service);
        if (saveAs != null) {
            all.put("saveAs", saveAs);
        }
        List<UwsJob.Result> uwsResults = results.stream()
                .map(r -> new UwsJob.Result(r.id(), r.readUrl(), r.mediaType(), r.size())).toList();
        return new UwsJob(jobId, parameters.get("RUNID"), ownerId, phase.name(), null, creationTime, startTime,
                endTime, executionDurationSecs, destruction, all, uwsResults, errorSummary);
    }
}
