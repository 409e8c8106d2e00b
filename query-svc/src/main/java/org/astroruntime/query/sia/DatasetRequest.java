package org.astroruntime.query.sia;

import org.astroruntime.common.id.VosUri;

/**
 * A request to save the datasets an image query finds ({@code SAVEDATASETS=#folder}, at most {@code MAXDATASETS}
 * of them), as the original Astro Runtime's {@code saveDatasets} did.
 *
 * @param folder the VOSpace container the files go into
 * @param max    the most datasets saved, in the answer's row order
 */
public record DatasetRequest(VosUri folder, int max) {

    /** Names the container to save into. */
    public static final String PARAMETER = "SAVEDATASETS";
    /** Caps how many are saved. */
    public static final String MAX_PARAMETER = "MAXDATASETS";
    public static final int DEFAULT_MAX = 50;
    /** Each dataset is a whole file transfer from the archive; more than this is a bulk download, not a query. */
    public static final int LIMIT = 1000;
}
