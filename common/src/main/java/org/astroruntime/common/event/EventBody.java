package org.astroruntime.common.event;

/** Common shape of every event body: a schema version that consumers check before trusting the rest. */
public interface EventBody {

    /** Version of this body's schema; consumers refuse versions newer than they know. */
    int schemaVersion();
}
