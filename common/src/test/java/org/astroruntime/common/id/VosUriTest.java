package org.astroruntime.common.id;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VosUriTest {

    @Test
    void parsesBothSeparatorsAndNormalisesAuthority() {
        VosUri a = VosUri.parse("vos://Example.ORG!vospace/alice/cones/ned.vot");
        VosUri b = VosUri.parse("vos://example.org~vospace/alice/cones/ned.vot");
        assertEquals(a, b);
        assertEquals("alice", a.user());
        assertEquals("cones/ned.vot", a.path().toString());
        assertEquals("vos://example.org!vospace/alice/cones/ned.vot", a.toString());
    }

    @Test
    void homeHasRootPath() {
        assertTrue(VosUri.parse("vos://example.org!vospace/alice").path().isRoot());
    }

    @Test
    void encodesSegmentsForUrls() {
        VosUri u = VosUri.parse("vos://example.org!vospace/alice/my%20data/a+b.vot");
        assertEquals("alice/my%20data/a%2Bb.vot", u.encodedUserPath());
        assertEquals(u, VosUri.parse(u.toString()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "vos://", "vos://example.org/alice/x", "vos://example.org!vospace",
            "vos://example.org!vospace/", "vos://example.org!vospace/al ice/x", "vos://example.org!vospace/alice/../bob",
            "vos://example.org!vospace/alice/%2e%2e/bob", "ivo://example.org/alice#x", "vos://exa mple!vospace/alice"})
    void rejectsBadUris(String text) {
        assertThrows(InvalidIdentifierException.class, () -> VosUri.parse(text));
    }
}
