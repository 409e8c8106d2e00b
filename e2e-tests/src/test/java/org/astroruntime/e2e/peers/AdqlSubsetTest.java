package org.astroruntime.e2e.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The TAP peer's ADQL subset ({@link AdqlParser}, {@link AdqlEngine}) over the bundled catalogue and the demo
 * image archive, checked against plain Java filters over the same data.
 */
class AdqlSubsetTest {

    private static Catalogue catalogue;
    private static ImageArchive archive;
    private static AdqlEngine engine;
    private static ExecutorService pool;

    @BeforeAll
    static void load() throws Exception {
        catalogue = Catalogue.bundled();
        archive = ImageArchive.demo(catalogue);
        engine = new AdqlEngine(TapTables.demo(catalogue, archive, "http://peer.test"));
        pool = Executors.newSingleThreadExecutor();
    }

    @AfterAll
    static void stop() {
        pool.shutdownNow();
    }

    private static QueryResult run(String adql) throws InterruptedException {
        return engine.execute(adql, -1);
    }

    private static List<String> names(QueryResult r) {
        return r.columns().stream().map(ColumnDef::name).toList();
    }

    private static List<String> ids(QueryResult r, int column) {
        return r.rows().stream().map(row -> (String) row[column]).toList();
    }

    private static List<String> starIds(Predicate<Source> filter) {
        return catalogue.sources().stream().filter(filter).map(Source::id).toList();
    }

    // ------------------------------------------------------------------------------------------------ select list

    @Test
    void selectedColumnsComeInOrderWithTheirMetadata() throws Exception {
        QueryResult r = run("SELECT id, ra, b_v FROM demo.stars");
        assertEquals(List.of("id", "ra", "b_v"), names(r));
        assertEquals(catalogue.sources().size(), r.rows().size());
        Source first = catalogue.sources().get(0);
        assertEquals(first.id(), r.rows().get(0)[0]);
        assertEquals(first.ra(), r.rows().get(0)[1]);
        assertEquals(first.bv(), r.rows().get(0)[2]);
        ColumnDef ra = r.columns().get(1);
        assertEquals("double", ra.datatype());
        assertEquals("deg", ra.unit());
        assertEquals("pos.eq.ra;meta.main", ra.ucd());
        assertFalse(r.overflow());
    }

    @Test
    void starExpandsToAllColumns() throws Exception {
        QueryResult r = run("SELECT TOP 1 * FROM demo.stars");
        assertEquals(List.of("id", "ra", "dec", "vmag", "b_v"), names(r));
        QueryResult o = run("SELECT TOP 1 o.* FROM ivoa.obscore AS o");
        assertEquals(ObsCore.COLUMNS.size(), o.columns().size());
        assertEquals("obscore:Char.SpatialAxis.Coverage.Location.Coord.Position2D.Value2.C1",
                o.columns().get(names(o).indexOf("s_ra")).utype());
    }

    @Test
    void aliasesQualifiedNamesAndCaseInsensitivity() throws Exception {
        QueryResult r = run("select TOP 3 T.RA as r, t.\"dec\" d, demo.stars.vmag, Stars.ID from DEMO.Stars AS t");
        assertEquals(List.of("r", "d", "vmag", "id"), names(r));
        assertEquals(3, r.rows().size());
        assertEquals(catalogue.sources().get(2).dec(), r.rows().get(2)[1]);
        // a repeated name gets a suffix, so output names stay unique
        assertEquals(List.of("ra", "ra_2"), names(run("SELECT TOP 1 ra, ra FROM demo.stars")));
    }

    @Test
    void expressionsLiteralsAndArithmetic() throws Exception {
        QueryResult r = run("SELECT TOP 1 7/2 AS half, 7.0/2 AS real_half, -vmag AS neg, vmag - b_v AS v_minus, 'x' AS s, "
                + "2 * (1 + 3) AS eight FROM demo.stars");
        Object[] row = r.rows().get(0);
        Source s = catalogue.sources().get(0);
        assertEquals(3L, row[0]);
        assertEquals(3.5, row[1]);
        assertEquals(-s.vmag(), row[2]);
        assertEquals(s.vmag() - s.bv(), (Double) row[3], 1e-12);
        assertEquals("x", row[4]);
        assertEquals(8L, row[5]);
        assertEquals("long", r.columns().get(0).datatype());
        assertEquals("double", r.columns().get(1).datatype());
        assertEquals("char", r.columns().get(4).datatype());
    }

    // ------------------------------------------------------------------------------------------------ TOP, MAXREC

    @Test
    void topAndMaxrecOverflow() throws Exception {
        assertEquals(7, run("SELECT TOP 7 id FROM demo.stars").rows().size());
        assertEquals(0, run("SELECT TOP 0 id FROM demo.stars").rows().size());
        QueryResult cut = engine.execute("SELECT id FROM demo.stars", 10);
        assertEquals(10, cut.rows().size());
        assertTrue(cut.overflow(), "MAXREC below the result size is an overflow");
        assertFalse(engine.execute("SELECT TOP 10 id FROM demo.stars", 10).overflow(), "TOP = MAXREC is no overflow");
        assertFalse(engine.execute("SELECT TOP 5 id FROM demo.stars", 10).overflow());
        QueryResult topAbove = engine.execute("SELECT TOP 11 id FROM demo.stars ORDER BY vmag", 10);
        assertEquals(10, topAbove.rows().size());
        assertTrue(topAbove.overflow());
        QueryResult exact = engine.execute("SELECT id FROM demo.stars WHERE vmag < 9.05", 1000);
        assertFalse(exact.overflow());
        QueryResult meta = engine.execute("SELECT id, ra FROM demo.stars", 0);
        assertEquals(List.of("id", "ra"), names(meta));
        assertEquals(0, meta.rows().size());
        assertFalse(meta.overflow(), "MAXREC=0 asks for metadata, not an overflow");
    }

    // ------------------------------------------------------------------------------------------------ WHERE

    @Test
    void whereCombinationsMatchJavaFilters() throws Exception {
        record Case(String where, Predicate<Source> filter) {
        }
        List<Case> cases = List.of(
                new Case("vmag < 10 AND b_v >= 0.5", s -> s.vmag() < 10 && s.bv() >= 0.5),
                new Case("vmag < 9.5 OR vmag > 20.5", s -> s.vmag() < 9.5 || s.vmag() > 20.5),
                new Case("NOT (vmag BETWEEN 10 AND 20)", s -> !(s.vmag() >= 10 && s.vmag() <= 20)),
                new Case("vmag NOT BETWEEN 10 AND 20", s -> !(s.vmag() >= 10 && s.vmag() <= 20)),
                new Case("(vmag < 10 OR vmag > 20) AND dec > 0", s -> (s.vmag() < 10 || s.vmag() > 20) && s.dec() > 0),
                new Case("vmag < 10 OR vmag > 20 AND dec > 0", s -> s.vmag() < 10 || (s.vmag() > 20 && s.dec() > 0)),
                new Case("NOT vmag < 12 AND NOT dec <= -30", s -> !(s.vmag() < 12) && !(s.dec() <= -30)),
                new Case("ra = 296.602214", s -> s.ra() == 296.602214),
                new Case("ra <> 296.602214 AND ra != 1.23178", s -> s.ra() != 296.602214 && s.ra() != 1.23178),
                new Case("vmag - b_v < 9", s -> s.vmag() - s.bv() < 9),
                new Case("(vmag + 1) * 2 >= 40", s -> (s.vmag() + 1) * 2 >= 40),
                new Case("id LIKE 'ARS J00%'", s -> s.id().startsWith("ARS J00")),
                new Case("id LIKE '%+20____'", s -> s.id().matches(".*\\+20....")),
                new Case("id NOT LIKE 'ARS J1%'", s -> !s.id().startsWith("ARS J1")),
                new Case("id LIKE 'ars%'", s -> false), // LIKE is case-sensitive
                new Case("b_v IN (0.04, 0.99, 1.5)", s -> s.bv() == 0.04 || s.bv() == 0.99 || s.bv() == 1.5),
                new Case("b_v NOT IN (0.04, 0.99)", s -> s.bv() != 0.04 && s.bv() != 0.99),
                new Case("id = 'ARS J194624.5+203134'", s -> s.id().equals("ARS J194624.5+203134")),
                new Case("id > 'ARS J23'", s -> s.id().compareTo("ARS J23") > 0),
                new Case("id IS NOT NULL AND vmag > 20.9", s -> s.vmag() > 20.9),
                new Case("id IS NULL", s -> false));
        for (Case c : cases) {
            QueryResult r = run("SELECT id FROM demo.stars WHERE " + c.where());
            assertEquals(starIds(c.filter()), ids(r, 0), "WHERE " + c.where());
        }
        assertTrue(starIds(cases.get(0).filter()).size() > 10, "the cases select something");
    }

    @Test
    void nullsFollowThreeValuedLogic() throws Exception {
        long withPol = archive.images().stream().filter(i -> i.polStates() != null).count();
        long total = archive.images().size();
        assertEquals(withPol, count("SELECT COUNT(*) FROM ivoa.obscore WHERE pol_states IS NOT NULL"));
        assertEquals(total - withPol, count("SELECT COUNT(*) FROM ivoa.obscore WHERE pol_states IS NULL"));
        // a comparison with NULL is unknown: neither it nor its negation keeps the row
        long like = count("SELECT COUNT(*) FROM ivoa.obscore WHERE pol_states LIKE '%Q%'");
        long notLike = count("SELECT COUNT(*) FROM ivoa.obscore WHERE NOT pol_states LIKE '%Q%'");
        assertEquals(withPol, like + notLike);
        assertEquals(archive.images().stream().filter(i -> i.polStates() != null && i.polStates().contains("Q")).count(), like);
        assertEquals(total, count("SELECT COUNT(*) FROM ivoa.obscore WHERE pol_states LIKE '%Q%' OR pol_states IS NULL "
                + "OR NOT pol_states LIKE '%Q%'"));
    }

    @Test
    void obscoreColumnsFilterLikeTheArchive() throws Exception {
        long cubes = archive.images().stream().filter(i -> i.dataproductType().equals("cube") && i.emMin() > 1e-6).count();
        assertEquals(cubes, count("SELECT COUNT(*) FROM ivoa.obscore WHERE dataproduct_type = 'cube' AND em_min > 1e-6"));
        long calib = archive.images().stream().filter(i -> i.calibLevel() >= 2 && i.collection().equals("ARS-WIDE")).count();
        assertEquals(calib, count("SELECT COUNT(*) FROM ivoa.obscore WHERE calib_level >= 2 AND obs_collection = 'ARS-WIDE'"));
        QueryResult one = run("SELECT access_url, obs_publisher_did FROM ivoa.obscore WHERE obs_id = 'wide-00000'");
        assertEquals(List.<Object>of("http://peer.test/images/wide-00000.fits", "ivo://astroruntime.e2e/images?wide-00000"),
                List.of(one.rows().get(0)));
    }

    // ------------------------------------------------------------------------------------------------ geometry

    /** Angular distance by the vector dot product: a different formula from the engine's haversine. */
    private static double angle(double ra1, double dec1, double ra2, double dec2) {
        double[] a = unit(ra1, dec1);
        double[] b = unit(ra2, dec2);
        double dot = a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
        double cx = a[1] * b[2] - a[2] * b[1];
        double cy = a[2] * b[0] - a[0] * b[2];
        double cz = a[0] * b[1] - a[1] * b[0];
        return Math.toDegrees(Math.atan2(Math.sqrt(cx * cx + cy * cy + cz * cz), dot));
    }

    private static double[] unit(double ra, double dec) {
        double r = Math.toRadians(ra);
        double d = Math.toRadians(dec);
        return new double[] {Math.cos(d) * Math.cos(r), Math.cos(d) * Math.sin(r), Math.sin(d)};
    }

    @Test
    void containsMatchesABruteForceGreatCircleFilter() throws Exception {
        double[][] circles = {{10, 41, 3}, {83.9, -5.2, 2.5}, {0.5, 0, 4}, {359.5, 20, 6}, {180, 86, 8}, {250, -45, 12},
                              {120, -89, 5}, {45, 0, 60}, {300, 30, 0.5}};
        for (double[] c : circles) {
            String adql = String.format(Locale.ROOT, "SELECT id FROM demo.stars WHERE CONTAINS(POINT('ICRS', ra, dec), "
                    + "CIRCLE('ICRS', %s, %s, %s)) = 1", c[0], c[1], c[2]);
            List<String> expected = new ArrayList<>();
            for (Source s : catalogue.sources()) {
                double d = angle(s.ra(), s.dec(), c[0], c[1]);
                if (Math.abs(d - c[2]) < 1e-9) {
                    fail("a star lies on the circle's edge; choose another circle: " + s);
                }
                if (d < c[2]) {
                    expected.add(s.id());
                }
            }
            assertEquals(expected, ids(run(adql), 0), adql);
            long outside = count(adql.replace("SELECT id", "SELECT COUNT(*)").replace(") = 1", ") = 0"));
            assertEquals(catalogue.sources().size() - expected.size(), outside, "the complement of " + adql);
        }
        // ADQL 2.1 forms: no coordinate system, CIRCLE(point, radius), and 1 = CONTAINS(...)
        long a = count("SELECT COUNT(*) FROM demo.stars WHERE CONTAINS(POINT('ICRS', ra, dec), CIRCLE('ICRS', 10, 41, 3)) = 1");
        assertEquals(a, count("SELECT COUNT(*) FROM demo.stars WHERE CONTAINS(POINT(ra, dec), CIRCLE(POINT(10, 41), 3)) = 1"));
        assertEquals(a, count("SELECT COUNT(*) FROM demo.stars s WHERE 1 = CONTAINS(POINT('', s.ra, s.dec), CIRCLE('ICRS', 10, 41, 3))"));
        assertTrue(a > 5, "the first circle holds stars: " + a);
    }

    @Test
    void distanceInSelectWhereAndOrderBy() throws Exception {
        QueryResult r = run("SELECT TOP 10 id, DISTANCE(POINT('ICRS', ra, dec), POINT('ICRS', 83.9, -5.2)) AS d "
                + "FROM demo.stars ORDER BY d");
        List<Source> nearest = catalogue.sources().stream()
                .sorted(Comparator.comparingDouble(s -> angle(s.ra(), s.dec(), 83.9, -5.2))).limit(10).toList();
        assertEquals(nearest.stream().map(Source::id).toList(), ids(r, 0));
        for (int i = 0; i < 10; i++) {
            Source s = nearest.get(i);
            assertEquals(angle(s.ra(), s.dec(), 83.9, -5.2), (Double) r.rows().get(i)[1], 1e-9);
        }
        ColumnDef d = r.columns().get(1);
        assertEquals("deg", d.unit());
        assertEquals("pos.angDistance", d.ucd());
        long within = count("SELECT COUNT(*) FROM demo.stars WHERE DISTANCE(POINT('ICRS', ra, dec), POINT('ICRS', 10, 41)) < 3");
        assertEquals(count("SELECT COUNT(*) FROM demo.stars WHERE CONTAINS(POINT('ICRS', ra, dec), CIRCLE('ICRS', 10, 41, 3)) = 1"),
                within);
        assertEquals(within, count("SELECT COUNT(*) FROM demo.stars WHERE DISTANCE(ra, dec, 10, 41) < 3"));
    }

    // ------------------------------------------------------------------------------------------------ ORDER BY

    @Test
    void orderByColumnsAliasesPositionsAndDirections() throws Exception {
        List<String> byVmagDesc = catalogue.sources().stream()
                .sorted(Comparator.comparingDouble(Source::vmag).reversed()).map(Source::id).limit(20).toList();
        assertEquals(byVmagDesc, ids(run("SELECT TOP 20 id FROM demo.stars ORDER BY vmag DESC"), 0));
        assertEquals(byVmagDesc, ids(run("SELECT TOP 20 id, vmag AS m FROM demo.stars ORDER BY m DESC"), 0));
        assertEquals(byVmagDesc, ids(run("SELECT TOP 20 id, vmag FROM demo.stars ORDER BY 2 DESC"), 0));
        List<String> twoKeys = catalogue.sources().stream()
                .sorted(Comparator.comparingDouble(Source::bv).thenComparing(Comparator.comparingDouble(Source::dec).reversed()))
                .map(Source::id).limit(50).toList();
        assertEquals(twoKeys, ids(run("SELECT TOP 50 id FROM demo.stars ORDER BY b_v ASC, dec DESC"), 0));
        List<String> byId = catalogue.sources().stream().map(Source::id).sorted().limit(5).toList();
        assertEquals(byId, ids(run("SELECT TOP 5 id FROM demo.stars ORDER BY id"), 0));
        // NULLs last when ascending, first when descending
        QueryResult pol = run("SELECT pol_states FROM ivoa.obscore ORDER BY pol_states");
        assertEquals("/I/", pol.rows().get(0)[0]);
        assertNull(pol.rows().get(pol.rows().size() - 1)[0]);
        assertNull(run("SELECT TOP 1 pol_states FROM ivoa.obscore ORDER BY pol_states DESC").rows().get(0)[0]);
    }

    // ------------------------------------------------------------------------------------------------ COUNT(*)

    private static long count(String adql) throws InterruptedException {
        QueryResult r = run(adql);
        assertEquals(1, r.rows().size(), adql);
        return (Long) r.rows().get(0)[0];
    }

    @Test
    void countStar() throws Exception {
        assertEquals(catalogue.sources().size(), count("SELECT COUNT(*) FROM demo.stars"));
        assertEquals(starIds(s -> s.vmag() < 10).size(), count("SELECT count(*) FROM demo.stars WHERE vmag < 10"));
        QueryResult named = run("SELECT COUNT(*) AS n, COUNT(*) FROM ivoa.obscore");
        assertEquals(List.of("n", "count"), names(named));
        assertEquals((long) archive.images().size(), named.rows().get(0)[1]);
        assertEquals("long", named.columns().get(0).datatype());
    }

    @Test
    void tapSchemaDescribesTheTables() throws Exception {
        assertEquals(ObsCore.COLUMNS.size(), count("SELECT COUNT(*) FROM TAP_SCHEMA.columns WHERE table_name = 'ivoa.obscore'"));
        List<String> tables = ids(run("SELECT table_name FROM tap_schema.tables ORDER BY table_index"), 0);
        assertEquals(List.of("demo.stars", "demo.slow_stars", "ivoa.obscore", "TAP_SCHEMA.schemas", "TAP_SCHEMA.tables",
                "TAP_SCHEMA.columns", "TAP_SCHEMA.keys", "TAP_SCHEMA.key_columns"), tables);
        QueryResult ra = run("SELECT unit, ucd, datatype, \"size\", std FROM TAP_SCHEMA.columns "
                + "WHERE table_name = 'demo.stars' AND column_name = 'ra'");
        assertEquals(java.util.Arrays.asList("deg", "pos.eq.ra;meta.main", "double", null, 0),
                java.util.Arrays.asList(ra.rows().get(0)));
        assertEquals(3, count("SELECT COUNT(*) FROM TAP_SCHEMA.schemas"));
    }

    // ------------------------------------------------------------------------------------------------ errors

    private static String error(String adql) {
        AdqlException e = assertThrows(AdqlException.class, () -> engine.execute(adql, -1), adql);
        return e.getMessage();
    }

    private static void assertError(String adql, String... fragments) {
        String message = error(adql);
        for (String f : fragments) {
            assertTrue(message.contains(f), "'" + adql + "' should fail with '" + f + "' but said: " + message);
        }
    }

    @Test
    void unsupportedConstructsAreNamed() {
        String subset = "is not supported by this service's ADQL subset";
        assertError("SELECT ra FROM demo.stars GROUP BY ra", "GROUP BY " + subset, "line 1, column 27");
        assertError("SELECT ra FROM demo.stars HAVING ra > 1", "HAVING " + subset);
        assertError("SELECT s.ra FROM demo.stars s JOIN ivoa.obscore o ON s.ra = o.s_ra", "JOIN");
        assertError("SELECT * FROM demo.stars, ivoa.obscore", "more than one table in FROM (joins) " + subset);
        assertError("SELECT DISTINCT ra FROM demo.stars", "SELECT DISTINCT " + subset);
        assertError("SELECT ra FROM (SELECT ra FROM demo.stars) AS x", "a subquery in FROM " + subset);
        assertError("SELECT ra FROM demo.stars WHERE ra IN (SELECT s_ra FROM ivoa.obscore)", "a subquery in IN " + subset);
        assertError("SELECT ra FROM demo.stars WHERE EXISTS (SELECT 1 FROM ivoa.obscore)", "EXISTS");
        assertError("SELECT ABS(ra) FROM demo.stars", "the ADQL function ABS " + subset, "supported: POINT, CIRCLE");
        assertError("SELECT MAX(vmag) FROM demo.stars", "the ADQL function MAX " + subset);
        assertError("SELECT FOO(vmag) FROM demo.stars", "the function FOO " + subset);
        assertError("SELECT ra FROM demo.stars WHERE INTERSECTS(POINT('ICRS', ra, dec), CIRCLE('ICRS', 1, 2, 3)) = 1",
                "the ADQL function INTERSECTS " + subset);
        assertError("SELECT ra FROM demo.stars WHERE CONTAINS(POINT('ICRS', ra, dec), BOX('ICRS', 1, 2, 3, 4)) = 1",
                "the ADQL function BOX " + subset);
        assertError("SELECT COUNT(ra) FROM demo.stars", "COUNT of an expression (only COUNT(*)) " + subset);
        assertError("SELECT id, COUNT(*) FROM demo.stars", "COUNT(*) cannot be combined with other select items");
        assertError("SELECT TOP 5 ra FROM demo.stars LIMIT 5", "LIMIT is not ADQL", "use SELECT TOP n");
        assertError("SELECT ra FROM demo.stars ORDER BY ra OFFSET 5", "OFFSET " + subset);
        assertError("SELECT ra FROM demo.stars UNION SELECT s_ra FROM ivoa.obscore", "set operation UNION " + subset);
        assertError("WITH x AS (SELECT ra FROM demo.stars) SELECT * FROM x", "WITH (common table expressions) " + subset);
        assertError("SELECT id || 'x' FROM demo.stars", "string concatenation (||) " + subset);
        assertError("SELECT ra FROM demo.stars WHERE id ILIKE 'ars%'", "ILIKE " + subset);
        assertError("SELECT ra FROM demo.stars WHERE b_v = NULL", "the NULL literal");
        assertError("SELECT POINT('ICRS', ra, dec) FROM demo.stars", "selecting a geometry value");
        assertError("SELECT ra FROM demo.stars WHERE CONTAINS(CIRCLE('ICRS', 1, 2, 3), POINT('ICRS', ra, dec)) = 1",
                "only CONTAINS(POINT, CIRCLE) is supported");
        assertError("SELECT ra FROM demo.stars WHERE CONTAINS(POINT('GALACTIC', ra, dec), CIRCLE('ICRS', 1, 2, 3)) = 1",
                "coordinate system 'GALACTIC' is not supported");
    }

    @Test
    void badReferencesAndTypesAreExplained() {
        assertError("SELECT ra FROM nosuch.table", "table nosuch.table does not exist", "demo.stars");
        assertError("SELECT foo FROM demo.stars", "column foo does not exist in demo.stars", "line 1, column 8");
        assertError("SELECT x.ra FROM demo.stars AS t", "'x' in x.ra does not name the table in FROM");
        assertError("SELECT ra FROM demo.stars WHERE id > 3", "cannot compare a string with a number");
        assertError("SELECT ra FROM demo.stars WHERE vmag LIKE '1%'", "LIKE compares strings");
        assertError("SELECT ra FROM demo.stars WHERE CONTAINS(POINT('ICRS', ra, dec), CIRCLE('ICRS', 1, 2, 3))",
                "CONTAINS(...) is numeric in ADQL: compare it");
        assertError("SELECT ra FROM demo.stars WHERE vmag", "expected a comparison");
        assertError("SELECT ra FROM demo.stars ORDER BY 9", "ORDER BY 9 is not a select-list position");
        assertError("SELECT ra FROM demo.stars WHERE POINT('ICRS', ra, dec) = POINT('ICRS', 1, 2)", "geometries cannot be compared");
        assertError("SELECT ra FROM demo.stars WHERE DISTANCE(ra, dec) < 1", "DISTANCE takes two POINTs");
        assertError("SELECT COUNT(*) FROM demo.stars WHERE COUNT(*) > 1", "COUNT(*) is only allowed in the select list");
    }

    @Test
    void malformedQueriesGiveSyntaxErrorsWithPositions() {
        assertError("", "the query is empty");
        assertError("SELEC ra FROM demo.stars", "ADQL syntax error at line 1, column 1: expected SELECT, found 'SELEC'");
        assertError("SELECT ra demo.stars", "expected FROM or ',' after the select list");
        assertError("SELECT ra, FROM demo.stars", "ADQL syntax error", "found the reserved word FROM");
        assertError("SELECT ra FROM demo.stars WHERE ra >", "ADQL syntax error at line 1, column 37", "the end of the query");
        assertError("SELECT ra FROM demo.stars WHERE ra > 1 AND", "ADQL syntax error");
        assertError("SELECT ra FROM demo.stars WHERE id = 'abc", "unterminated string literal");
        assertError("SELECT ra FROM demo.stars WHERE ra @ 3", "unexpected character '@'");
        assertError("SELECT TOP x ra FROM demo.stars", "expected a whole number after TOP");
        assertError("SELECT ra FROM demo.stars WHERE (ra > 1", "ADQL syntax error");
        assertError("SELECT ra FROM demo.stars WHERE vmag BETWEEN 1 OR 2", "expected AND in BETWEEN");
        assertError("SELECT ra\nFROM demo.stars\nWHERE ra > 1 1", "at line 3, column 14", "expected the end of the query");
        assertError("SELECT ra FROM demo.stars WHERE ra > 12abc", "malformed number");
        assertError("SELECT select FROM demo.stars", "reserved word SELECT");
    }

    @Test
    void commentsAndTrailingSemicolonAreAccepted() throws Exception {
        assertEquals(3, run("-- three stars\nSELECT TOP 3 id -- the name\nFROM demo.stars;").rows().size());
    }

    // ------------------------------------------------------------------------------------------------ abort

    @Test
    void anInterruptedScanStops() throws Exception {
        AdqlEngine.Prepared slow = engine.prepare("SELECT COUNT(*) FROM demo.slow_stars");
        long started = System.nanoTime();
        Future<QueryResult> running = pool.submit(() -> slow.execute(-1));
        Thread.sleep(300);
        running.cancel(true);
        // The worker must come back long before the ~76 s a full scan costs: the pool then runs the next task.
        Future<String> next = pool.submit(() -> "free");
        assertEquals("free", next.get(5, TimeUnit.SECONDS));
        assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(5));
        QueryResult quick = engine.execute("SELECT TOP 3 id FROM demo.slow_stars", -1);
        assertEquals(3, quick.rows().size(), "TOP without ORDER BY stops the scan early");
    }
}
