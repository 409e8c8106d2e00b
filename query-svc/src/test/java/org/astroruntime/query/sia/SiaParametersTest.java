package org.astroruntime.query.sia;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.astroruntime.common.error.InvalidParameterException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class SiaParametersTest {

    @Test
    void sia1ReadsPosAndSizeAndBuildsTheQuery() {
        Sia1Parameters p = Sia1Parameters.from(Map.of("pos", "180.0,2.0", "Size", "0.2,0.1", "intersect", "covers",
                "FORMAT", "image/fits"));
        assertEquals(0.2, p.width());
        assertEquals(0.1, p.height());
        assertEquals("COVERS", p.intersect());
        assertEquals("http://h/sia?FORMAT=image%2Ffits&INTERSECT=COVERS&POS=180.0%2C2.0&SIZE=0.2%2C0.1",
                p.request("http://h/sia?").url().toString());
        assertEquals("http://h/sia?x=1&POS=10.0%2C-5.0&SIZE=0.5",
                Sia1Parameters.from(Map.of("POS", "10,-5", "SIZE", "0.5")).request("http://h/sia?x=1").url().toString());
    }

    @Test
    void sia1BadValuesNameTheParameter() {
        assertEquals("POS", param(() -> Sia1Parameters.from(Map.of("POS", "400,0", "SIZE", "1"))));
        assertEquals("POS", param(() -> Sia1Parameters.from(Map.of("POS", "10", "SIZE", "1"))));
        assertEquals("POS", param(() -> Sia1Parameters.from(Map.of("SIZE", "1"))));
        assertEquals("SIZE", param(() -> Sia1Parameters.from(Map.of("POS", "10,0", "SIZE", "-1"))));
        assertEquals("SIZE", param(() -> Sia1Parameters.from(Map.of("POS", "10,0", "SIZE", "1,2,3"))));
        assertEquals("INTERSECT", param(() -> Sia1Parameters.from(Map.of("POS", "10,0", "SIZE", "1", "INTERSECT", "near"))));
        assertEquals("RADIUS", param(() -> Sia1Parameters.from(Map.of("POS", "10,0", "SIZE", "1", "RADIUS", "1"))));
    }

    @Test
    void sia2NormalisesGeometryAndIntervals() {
        Sia2Parameters p = Sia2Parameters.from(Map.of("pos", "circle  180 2   0.5", "BAND", "5e-7 6e-7",
                "time", "-Inf 60000", "pol", "q", "CALIB", "2", "MAXREC", "10", "collection", "DEMO"));
        assertEquals("CIRCLE 180 2 0.5", p.constraints().get("POS"));
        assertEquals("-Inf 60000", p.constraints().get("TIME"));
        assertEquals("Q", p.constraints().get("POL"));
        String url = p.request("http://h/sia2/query").url().toString();
        assertTrue(url.startsWith("http://h/sia2/query?BAND=5e-7+6e-7&CALIB=2&COLLECTION=DEMO&MAXREC=10&POL=Q"), url);
        assertEquals("RANGE 10 20 -5 5", Sia2Parameters.from(Map.of("POS", "range 10 20 -5 5")).constraints().get("POS"));
        assertEquals("POLYGON 10 0 11 0 11 1", Sia2Parameters.from(Map.of("POS", "POLYGON 10 0 11 0 11 1")).constraints().get("POS"));
    }

    @Test
    void sia2BadValuesNameTheParameter() {
        assertEquals("POS", param(() -> Sia2Parameters.from(Map.of("POS", "CIRCLE 180 2"))));
        assertEquals("POS", param(() -> Sia2Parameters.from(Map.of("POS", "CIRCLE 180 95 1"))));
        assertEquals("POS", param(() -> Sia2Parameters.from(Map.of("POS", "BOX 1 2 3 4"))));
        assertEquals("POS", param(() -> Sia2Parameters.from(Map.of("POS", "POLYGON 1 2 3 4"))));
        assertEquals("POS", param(() -> Sia2Parameters.from(Map.of("POS", "RANGE 20 10 0 1"))));
        assertEquals("BAND", param(() -> Sia2Parameters.from(Map.of("BAND", "6e-7 5e-7"))));
        assertEquals("TIME", param(() -> Sia2Parameters.from(Map.of("TIME", "yesterday"))));
        assertEquals("POL", param(() -> Sia2Parameters.from(Map.of("POL", "Z"))));
        assertEquals("CALIB", param(() -> Sia2Parameters.from(Map.of("CALIB", "7"))));
        assertEquals("MAXREC", param(() -> Sia2Parameters.from(Map.of("MAXREC", "-1"))));
        assertEquals("RESPONSEFORMAT", param(() -> Sia2Parameters.from(Map.of("POS", "CIRCLE 1 1 1", "RESPONSEFORMAT", "csv"))));
        assertEquals("POS", param(() -> Sia2Parameters.from(Map.of())));
    }

    static String param(Executable e) {
        return assertThrows(InvalidParameterException.class, e).parameter();
    }
}
