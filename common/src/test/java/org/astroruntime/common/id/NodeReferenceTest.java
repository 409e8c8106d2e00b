package org.astroruntime.common.id;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class NodeReferenceTest {

    private final NodeReference refs = new NodeReference("astroruntime.local");

    @Test
    void hashPathIsRelativeToTheCallersHome() {
        assertEquals("vos://astroruntime.local!vospace/alice/cones/ned.vot", refs.resolve("#cones/ned.vot", "alice").toString());
        assertEquals("vos://astroruntime.local!vospace/bob/cones/ned.vot", refs.resolve("#/cones/ned.vot", "bob").toString());
    }

    @Test
    void vosUriPassesThrough() {
        assertEquals("vos://other.org!vospace/carol/x", refs.resolve("vos://other.org!vospace/carol/x", "alice").toString());
    }

    @Test
    void legacyMySpaceFormMapsToTheNamedUser() {
        VosUri u = refs.resolve("ivo://uk.ac.le.star/alice#sdss/image.fits", "alice");
        assertEquals("alice", u.user());
        assertEquals("sdss/image.fits", u.path().toString());
    }

    @Test
    void refusesBadReferences() {
        assertThrows(InvalidIdentifierException.class, () -> refs.resolve("#../bob/x", "alice"));
        assertThrows(InvalidIdentifierException.class, () -> refs.resolve("cones/ned.vot", "alice"));
        assertThrows(InvalidIdentifierException.class, () -> refs.resolve("ivo://uk.ac.le.star/alice", "alice"));
        assertThrows(InvalidIdentifierException.class, () -> refs.resolve("", "alice"));
        assertThrows(InvalidIdentifierException.class, () -> refs.resolve("#x", "not a user"));
    }
}
