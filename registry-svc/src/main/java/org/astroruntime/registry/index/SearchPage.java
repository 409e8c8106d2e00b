package org.astroruntime.registry.index;

import java.util.List;
import org.astroruntime.registry.resource.VoResource;

/**
 * One page of search hits, best first.
 *
 * @param total  how many resources match in all
 * @param offset hits skipped
 * @param limit  the page size asked for
 * @param hits   this page's hits
 */
public record SearchPage(long total, int offset, int limit, List<Hit> hits) {

    public SearchPage {
        hits = List.copyOf(hits);
    }

    /**
     * A matching resource.
     *
     * @param score    relevance (higher is better; 0 when listing without keywords)
     * @param kinds    the service kinds it offers, by API name
     * @param resource the resource
     */
    public record Hit(float score, List<String> kinds, VoResource resource) {
    }
}
