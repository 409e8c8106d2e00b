package org.astroruntime.bridge.forward;

import java.time.Instant;

/**
 * One attempt to hand a result to a desktop tool.
 *
 * @param jobId     the job whose result it was
 * @param owner     the result's owner
 * @param mtype     the SAMP message type sent, e.g. {@code table.load.votable}
 * @param url       the URL the tool was asked to load
 * @param recipient the SAMP client's name, or null when nobody could be sent to
 * @param status    {@code samp.ok}, {@code samp.warning}, {@code samp.error}, or {@code not-sent}
 * @param detail    the tool's answer or the reason nothing was sent
 * @param time      when the attempt ended
 */
public record Forward(String jobId, String owner, String mtype, String url, String recipient, String status,
                      String detail, Instant time) {
}
