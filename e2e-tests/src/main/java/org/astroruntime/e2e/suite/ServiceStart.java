package org.astroruntime.e2e.suite;

import java.time.Duration;

/**
 * How long one process took to become usable, and its memory then.
 *
 * @param name    process name
 * @param pid     process id
 * @param ready   time from process start to ready (health UP, or its ready line)
 * @param rssKib  resident set size when ready, KiB (-1 where unknown)
 */
public record ServiceStart(String name, long pid, Duration ready, long rssKib) {
}
