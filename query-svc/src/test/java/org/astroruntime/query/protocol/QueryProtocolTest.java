package org.astroruntime.query.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.astroruntime.common.error.InvalidParameterException;
import org.junit.jupiter.api.Test;

class QueryProtocolTest {

    @Test
    void namesAndAliasesResolve() {
        assertEquals(QueryProtocol.CONE, QueryProtocol.fromApiName("SCS"));
        assertEquals(QueryProtocol.SIA1, QueryProtocol.fromApiName("siap"));
        assertEquals(QueryProtocol.SIA2, QueryProtocol.fromApiName(" SIA2 "));
        InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> QueryProtocol.fromApiName("ssa"));
        assertEquals("protocol", e.parameter());
        assertTrue(e.getMessage().contains("cone, sia1, sia2, tap"), e.getMessage());
    }

    @Test
    void eachProtocolParsesItsOwnParameters() {
        assertEquals(QueryProtocol.TAP, QueryProtocol.TAP.parameters(Map.of("QUERY", "SELECT 1")).protocol());
        assertEquals(QueryProtocol.SIA2, QueryProtocol.SIA2.parameters(Map.of("POS", "CIRCLE 1 1 1")).protocol());
        assertEquals("QUERY", assertThrows(InvalidParameterException.class,
                () -> QueryProtocol.CONE.parameters(Map.of("QUERY", "x", "RA", "1", "DEC", "1", "SR", "1"))).parameter());
    }
}
