package org.astroruntime.query.cone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.astroruntime.common.error.InvalidParameterException;
import org.junit.jupiter.api.Test;

class ConeParametersTest {

    @Test
    void readsCaseInsensitiveNamesAndBuildsTheQuery() {
        ConeParameters p = ConeParameters.from(Map.of("ra", "180.5", "Dec", "-2", "SR", "0.25", "verb", "2"));
        assertEquals("RA=180.5&DEC=-2.0&SR=0.25&VERB=2", p.toQueryString());
    }

    @Test
    void appendsToEveryShapeOfAccessUrl() {
        ConeParameters p = new ConeParameters(1, 2, 0.5, null);
        assertEquals("http://h/cone?RA=1.0&DEC=2.0&SR=0.5", p.request("http://h/cone").url().toString());
        assertEquals("http://h/cone?RA=1.0&DEC=2.0&SR=0.5", p.request("http://h/cone?").url().toString());
        assertEquals("http://h/cone?cat=x&RA=1.0&DEC=2.0&SR=0.5", p.request("http://h/cone?cat=x&").url().toString());
        assertEquals("http://h/cone?cat=x&RA=1.0&DEC=2.0&SR=0.5", p.request("http://h/cone?cat=x").url().toString());
    }

    @Test
    void ra360IsZero() {
        assertEquals(0.0, new ConeParameters(360, 0, 1, null).ra());
    }

    @Test
    void badValuesNameTheParameter() {
        assertEquals("RA", param(Map.of("RA", "361", "DEC", "0", "SR", "1")));
        assertEquals("RA", param(Map.of("RA", "-0.1", "DEC", "0", "SR", "1")));
        assertEquals("RA", param(Map.of("RA", "NaN", "DEC", "0", "SR", "1")));
        assertEquals("DEC", param(Map.of("RA", "1", "DEC", "90.5", "SR", "1")));
        assertEquals("DEC", param(Map.of("RA", "1", "DEC", "north", "SR", "1")));
        assertEquals("SR", param(Map.of("RA", "1", "DEC", "0", "SR", "0")));
        assertEquals("SR", param(Map.of("RA", "1", "DEC", "0", "SR", "181")));
        assertEquals("SR", param(Map.of("RA", "1", "DEC", "0")));
        assertEquals("VERB", param(Map.of("RA", "1", "DEC", "0", "SR", "1", "VERB", "4")));
    }

    private static String param(Map<String, String> p) {
        return assertThrows(InvalidParameterException.class, () -> ConeParameters.from(p)).parameter();
    }
}
