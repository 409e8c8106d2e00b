package org.astroruntime.common.rest;

import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * Chooses between a resource's two representations (XML and JSON) from the client's {@code Accept} header, for
 * resources that must keep a standard default (UWS jobs are XML; registry records are JSON) yet serve the other
 * representation to clients that name it first.
 */
public final class ContentNegotiation {

    private ContentNegotiation() {
    }

    /**
     * Walks the acceptable types in the client's order of preference: the first one that names {@code preferred}
     * or {@code alternative} (by subtype, so {@code text/xml} counts as {@code application/xml}) decides; a
     * wildcard, or no match at all, gives {@code preferred}.
     */
    public static MediaType choose(List<MediaType> acceptable, MediaType preferred, MediaType alternative) {
        for (MediaType type : acceptable) {
            if (type.isWildcardType() || sameKind(type, preferred)) {
                return preferred;
            }
            if (sameKind(type, alternative)) {
                return alternative;
            }
        }
        return preferred;
    }

    private static boolean sameKind(MediaType asked, MediaType offered) {
        return asked.getSubtype().equalsIgnoreCase(offered.getSubtype());
    }
}
