package org.astroruntime.query.fanout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.astroruntime.common.error.InvalidParameterException;
import org.junit.jupiter.api.Test;

class QueryTargetsTest {

    @Test
    void oneSeveralOrASearch() {
        QueryTargets one = QueryTargets.parse(" ivo://a.example/cone ");
        assertTrue(one.isSingle());
        QueryTargets several = QueryTargets.parse("ivo://a.example/cone, http://h/cone?x=1  ivo://a.example/cone");
        assertFalse(several.isSingle());
        assertEquals(List.of("ivo://a.example/cone", "http://h/cone?x=1"), several.services(), "duplicates dropped");
        assertNull(several.search());
        QueryTargets search = QueryTargets.parse("search: SDSS photometry");
        assertFalse(search.isSingle());
        assertEquals("SDSS photometry", search.search());
    }

    @Test
    void badTargetsAre400OnService() {
        for (String bad : new String[] {"", "ftp://h/x", "ivo://a.example/ok, not-a-url", "search:  ",
                java.util.stream.IntStream.rangeClosed(0, QueryTargets.MAX_SERVICES).mapToObj(i -> "http://h/" + i)
                        .collect(java.util.stream.Collectors.joining(" "))}) {
            InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> QueryTargets.parse(bad), bad);
            assertEquals("service", e.parameter());
        }
    }

    @Test
    void fileNamesFromServices() {
        assertEquals("cds.vizier_I_284", FanOutExecution.safeName("ivo://CDS.VizieR/I/284".replace("CDS.VizieR", "cds.vizier")));
        assertEquals("127.0.0.1_8090_cone", FanOutExecution.safeName("http://127.0.0.1:8090/cone?"));
    }
}
