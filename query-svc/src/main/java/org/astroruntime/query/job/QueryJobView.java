package org.astroruntime.query.job;

import java.time.Instant;
import java.util.List;
import java.util.Map;
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
}
