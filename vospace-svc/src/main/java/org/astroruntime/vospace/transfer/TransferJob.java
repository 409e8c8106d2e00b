package org.astroruntime.vospace.transfer;

import java.time.Instant;

/**
 * A transfer as a UWS-style job: what was asked, how it ended, and (for push and pull) the negotiated endpoints.
 *
 * @param jobId        the job id
 * @param owner        who asked
 * @param phase        COMPLETED or ERROR (transfers run to the end before the answer)
 * @param direction    the direction asked for
 * @param target       the node transferred
 * @param errorSummary why it failed, or null
 * @param details      the negotiated transfer document (XML), or null
 * @param endTime      when it ended
 */
public record TransferJob(String jobId, String owner, String phase, String direction, String target,
                          String errorSummary, String details, Instant endTime) {
}
