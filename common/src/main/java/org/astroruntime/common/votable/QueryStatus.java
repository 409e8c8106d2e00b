package org.astroruntime.common.votable;

/** The outcome a VOTable document declares for the query that produced it. */
public enum QueryStatus {
    /** A normal result. */
    OK,
    /** A result the service truncated (DALI {@code QUERY_STATUS=OVERFLOW}); the rows present are valid. */
    OVERFLOW,
    /** An error document: DALI {@code QUERY_STATUS=ERROR}, or the SCS 1.03 {@code INFO/PARAM name="Error"}. */
    ERROR
}
