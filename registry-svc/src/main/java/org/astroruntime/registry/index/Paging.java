package org.astroruntime.registry.index;

import org.astroruntime.common.error.InvalidParameterException;

/**
 * A checked page request.
 *
 * @param offset items to skip, at most {@link ResourceIndex#MAX_OFFSET}
 * @param limit  items to return, 1 to {@link #MAX_LIMIT}
 */
public record Paging(int offset, int limit) {

    public static final int MAX_LIMIT = 1000;

    /** Checks the values a client sent; a 400 naming the parameter when one is out of range. */
    public static Paging of(int offset, int limit) {
        if (offset < 0 || offset > ResourceIndex.MAX_OFFSET) {
            throw new InvalidParameterException("offset",
                    "offset must be between 0 and " + ResourceIndex.MAX_OFFSET + ", got " + offset);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidParameterException("limit", "limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
        }
        return new Paging(offset, limit);
    }
}
