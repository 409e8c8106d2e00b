package org.astroruntime.registry.harvest;

import org.astroruntime.registry.ingest.IngestFailedException;

/** A harvest that cannot go on: the endpoint erred, timed out, looped or answered something other than OAI-PMH. */
public class HarvestFailedException extends IngestFailedException {

    public HarvestFailedException(String message) {
        super(message, null);
    }

    public HarvestFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
