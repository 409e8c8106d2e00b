package org.astroruntime.registry.search;

import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.astroruntime.common.error.InvalidParameterException;
import org.astroruntime.registry.index.Paging;
import org.astroruntime.registry.index.ResourceIndex;
import org.astroruntime.registry.index.SearchPage;
import org.astroruntime.registry.index.SearchQuery;
import org.astroruntime.registry.resource.ServiceKind;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Keyword search with filters. The ACR calls are plain uses of it: {@code searchCone('SDSS')} is
 * {@code /search?q=SDSS&kind=cone}, {@code searchSiap} is {@code kind=sia1&kind=sia2}, {@code searchTap} is
 * {@code kind=tap}.
 */
@Path("/search")
@Produces(MediaType.APPLICATION_JSON)
public class SearchResource {

    private static final int MAX_KEYWORDS_LENGTH = 1000;

    @Inject
    ResourceIndex index;

    @GET
    @Operation(summary = "Search resources by keywords (ranked), filtered by service kind, waveband and content type")
    public SearchPage search(@QueryParam("q") String keywords,
                             @QueryParam("kind") List<String> kinds,
                             @QueryParam("waveband") List<String> wavebands,
                             @QueryParam("type") List<String> contentTypes,
                             @QueryParam("offset") @DefaultValue("0") int offset,
                             @QueryParam("limit") @DefaultValue("20") int limit) {
        if (keywords != null && keywords.length() > MAX_KEYWORDS_LENGTH) {
            throw new InvalidParameterException("q", "at most " + MAX_KEYWORDS_LENGTH + " characters");
        }
        Paging page = Paging.of(offset, limit);
        Set<ServiceKind> wantedKinds = EnumSet.noneOf(ServiceKind.class);
        for (String k : split(kinds)) {
            wantedKinds.add(ServiceKind.fromApiName(k).orElseThrow(() -> new InvalidParameterException("kind",
                    "unknown kind '" + k + "'; known: " + ServiceKind.apiNames())));
        }
        return index.search(new SearchQuery(keywords, wantedKinds, split(wavebands), split(contentTypes),
                page.offset(), page.limit()));
    }

    /** Accepts both repeated parameters and comma-separated lists. */
    private static Set<String> split(List<String> values) {
        Set<String> out = new LinkedHashSet<>();
        for (String v : values) {
            for (String part : v.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.strip());
                }
            }
        }
        return out;
    }
}
