package org.astroruntime.common.event;

/** UWS 1.1 execution phases, as carried on {@code vo.job.events}. */
public enum Phase {
    PENDING, QUEUED, EXECUTING, COMPLETED, ERROR, ABORTED, UNKNOWN, HELD, SUSPENDED, ARCHIVED;

    /** True for the phases a job never leaves (apart from being archived or destroyed). */
    public boolean isTerminal() {
        return this == COMPLETED || this == ERROR || this == ABORTED || this == ARCHIVED;
    }
}
