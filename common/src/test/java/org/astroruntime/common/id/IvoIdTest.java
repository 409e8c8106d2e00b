package org.astroruntime.common.id;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IvoIdTest {

    @Test
    void parsesAuthorityPathQueryAndFragment() {
        IvoId id = IvoId.parse("ivo://ivoa.net/std/SIA?x=1#query-2.0");
        assertEquals("ivoa.net", id.authority());
        assertEquals("std/SIA", id.path());
        assertEquals("x=1", id.query());
        assertEquals("query-2.0", id.fragment());
        assertEquals("ivo://ivoa.net/std/SIA?x=1#query-2.0", id.toString());
    }

    @Test
    void authorityIsCaseInsensitiveButPathKeepsCase() {
        IvoId a = IvoId.parse("IVO://NASA.Heasarc/Rosat");
        IvoId b = IvoId.parse("ivo://nasa.heasarc/Rosat");
        assertEquals(a, b);
        assertEquals("ivo://nasa.heasarc/Rosat", a.toString());
    }

    @Test
    void authorityOnlyAndTrailingSlash() {
        assertEquals("", IvoId.parse("ivo://cds.vizier").path());
        assertEquals("cat", IvoId.parse("ivo://cds.vizier/cat/").path());
        assertNull(IvoId.parse("ivo://cds.vizier/cat").fragment());
    }

    @Test
    void resourceDropsQueryAndFragment() {
        assertEquals("ivo://org.astrogrid/user", IvoId.parse("ivo://org.astrogrid/user#cones/a.vot").resource().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "http://example.org/x", "ivo://", "ivo://ab/x", "ivo://-bad/x",
            "ivo://good.auth/a//b", "ivo://good.auth/a b", "ivo://good.auth/a\u0000b", "ivo://good.auth/<script>"})
    void rejectsBadIdentifiers(String text) {
        InvalidIdentifierException e = assertThrows(InvalidIdentifierException.class, () -> IvoId.parse(text));
        assertTrue(e.getMessage().length() > 10, e.getMessage());
    }

    @Test
    void rejectsNullAndOverlong() {
        assertThrows(InvalidIdentifierException.class, () -> IvoId.parse(null));
        assertThrows(InvalidIdentifierException.class, () -> IvoId.parse("ivo://auth.org/" + "a".repeat(3000)));
    }
}
