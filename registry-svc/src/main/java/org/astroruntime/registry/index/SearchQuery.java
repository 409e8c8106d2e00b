package org.astroruntime.registry.index;

import java.util.Set;
import org.astroruntime.registry.resource.ServiceKind;

/**
 * One search of the registry.
 *
 * @param keywords     words to look for in title, short name, identifier, subjects, publisher and description
 *                     (all must match; {@code "quoted phrases"}, {@code -word} and {@code prefix*} work); blank
 *                     for "everything", listed by title
 * @param kinds        keep resources offering at least one of these kinds; empty for any
 * @param wavebands    keep resources covering at least one of these wavebands (case-insensitive); empty for any
 * @param contentTypes keep resources with at least one of these content types (case-insensitive); empty for any
 * @param offset       hits to skip
 * @param limit        hits to return
 */
public record SearchQuery(String keywords, Set<ServiceKind> kinds, Set<String> wavebands, Set<String> contentTypes,
                          int offset, int limit) {

    public SearchQuery {
        keywords = keywords == null ? "" : keywords.strip();
        kinds = Set.copyOf(kinds);
        wavebands = Set.copyOf(wavebands);
        contentTypes = Set.copyOf(contentTypes);
    }
}
