package org.astroruntime.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.astroruntime.common.votable.QueryStatus;
import org.astroruntime.common.votable.VoTableChecker;
import org.astroruntime.common.votable.VoTableReport;
import org.astroruntime.e2e.suite.Suite;
import org.astroruntime.e2e.suite.SuiteAccounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import uk.ac.starlink.table.RowSequence;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.StarTableFactory;
import uk.ac.starlink.util.ByteArrayDataSource;

/**
 * query-svc against a real third-party VO server, GAVO DaCHS, rather than our own peers: cone search, SIA 1.0 with
 * dataset download, SIA 2.0, TAP sync and async (DaCHS leaves an async job PENDING after {@code PHASE=RUN} at
 * creation), TAP UPLOAD from VOSpace joined with a DaCHS table, table metadata, and a DaCHS error message.
 * Expected values come from asking DaCHS directly, never from query-svc.
 *
 * <p>Not part of the default build (it needs DaCHS, which takes PostgreSQL): start it with
 * {@code scripts/dachs-peer.sh}, then run {@code ./mvnw -pl e2e-tests verify -Dit.test=DachsPeerIT}
 * ({@code -Ddachs.url=...} when it is not at {@code http://localhost:8096}).
 */
@ExtendWith(SuiteExtension.class)
class DachsPeerIT {

    private static final String DACHS = System.getProperty("dachs.url", "http://localhost:8096").replaceAll("/+$", "");
    private static final String CONE = DACHS + "/astropeer/q/cone/scs.xml?";
    private static final String SIA1 = DACHS + "/astropeer/q/im/siap.xml?";
    private static final String SIA2 = DACHS + "/__system__/siap2/sitewide/siap2.xml";
    private static final String TAP = DACHS + "/tap";

    private static String token(Suite suite) throws Exception {
        return new SuiteAccounts(suite).userToken("dachs-user");
    }

    private static long directTapRows(String adql) throws Exception {
        VoTableReport report = DalProtocolsIT.direct(TAP + "/sync?REQUEST=doQuery&LANG=ADQL&QUERY="
                + URLEncoder.encode(adql, StandardCharsets.UTF_8));
        assertEquals(QueryStatus.OK, report.status(), "DaCHS itself refused the query: " + report.message());
        return report.rows();
    }

    @Test
    void coneSearchGivesTheRowsDachsGives(Suite suite) throws Exception {
        long expected = DalProtocolsIT.direct(CONE + "RA=180&DEC=2&SR=0.5").rows();
        assertTrue(expected > 10, "DaCHS should find stars there, found " + expected);
        JsonNode view = DalProtocolsIT.run(suite, token(suite), Map.of("service", CONE, "RA", "180", "DEC", "2",
                "SR", "0.5", "saveAs", "#dachs/cone.vot", "CACHE", "bypass"));
        assertEquals("COMPLETED", view.get("phase").asText(), view.toString());
        assertEquals(expected, view.get("results").get(0).get("rows").asLong());
        assertEquals(expected, DalProtocolsIT.stored(view).rows());
    }

    @Test
    void sia1FindsDachsImagesAndSavesThemByteForByte(Suite suite) throws Exception {
        byte[] answer = SuiteHttp.getBytes(SIA1 + "POS=180,2&SIZE=0.5");
        List<String> links = columnValues(answer, "VOX:Image_AccessReference");
        assertTrue(links.size() >= 2, "DaCHS should have images there, has " + links.size());
        JsonNode view = DalProtocolsIT.run(suite, token(suite), Map.of("protocol", "sia1", "service", SIA1,
                "POS", "180,2", "SIZE", "0.5", "SAVEDATASETS", "#dachs/images", "MAXDATASETS", "2",
                "saveAs", "#dachs/images.vot"));
        assertEquals("COMPLETED", view.get("phase").asText(), view.toString());
        assertEquals(links.size(), view.get("results").get(0).get("rows").asLong());
        assertEquals(3, view.get("results").size(), view.toString());
        for (int i = 1; i <= 2; i++) {
            byte[] saved = SuiteHttp.getBytes(view.get("results").get(i).get("readUrl").asText());
            assertArrayEquals(SuiteHttp.getBytes(links.get(i - 1)), saved, "image " + i);
        }
    }

    @Test
    void sia2GivesTheObsCoreRowsDachsGives(Suite suite) throws Exception {
        long expected = DalProtocolsIT.direct(SIA2 + "?POS=" + URLEncoder.encode("CIRCLE 180 2 0.3", StandardCharsets.UTF_8)).rows();
        assertTrue(expected > 0, "DaCHS should have ObsCore rows there");
        JsonNode view = DalProtocolsIT.run(suite, token(suite), Map.of("protocol", "sia2", "service", SIA2,
                "POS", "CIRCLE 180 2 0.3", "saveAs", "#dachs/sia2.vot", "CACHE", "bypass"));
        assertEquals("COMPLETED", view.get("phase").asText(), view.toString());
        assertEquals(expected, view.get("results").get(0).get("rows").asLong());
    }

    @Test
    void tapSyncAndAsyncGiveTheRowsDachsGives(Suite suite) throws Exception {
        String adql = "SELECT id, ra, dec, mag FROM astropeer.stars "
                + "WHERE 1 = CONTAINS(POINT('ICRS', ra, dec), CIRCLE('ICRS', 180, 2, 0.4)) AND mag < 15";
        long expected = directTapRows(adql);
        assertTrue(expected > 5, "DaCHS should find stars, found " + expected);
        for (String mode : new String[] {"sync", "async"}) {
            JsonNode view = DalProtocolsIT.run(suite, token(suite), Map.of("protocol", "tap", "service", TAP,
                    "QUERY", adql, "MODE", mode, "CACHE", "bypass", "RESULTFORMAT", "fits", "saveAs", "#dachs/tap-" + mode));
            assertEquals("COMPLETED", view.get("phase").asText(), mode + ": " + view);
            assertEquals(expected, view.get("results").get(0).get("rows").asLong(), mode);
        }
    }

    @Test
    void tapUploadFromVoSpaceJoinsWithADachsTable(Suite suite) throws Exception {
        String token = token(suite);
        List<String> ids = List.of("1", "17", "815", "2999", "99999");
        StringBuilder rows = new StringBuilder();
        ids.forEach(id -> rows.append("<TR><TD>").append(id).append("</TD></TR>"));
        String table = """
                <?xml version="1.0"?><VOTABLE version="1.4" xmlns="http://www.ivoa.net/xml/VOTable/v1.3"><RESOURCE><TABLE>
                <FIELD name="star" datatype="int"/><DATA><TABLEDATA>%s</TABLEDATA></DATA></TABLE></RESOURCE>
                </VOTABLE>""".formatted(rows);
        SuiteHttp.Answer put = SuiteHttp.put(suite.url("vospace-svc") + "/data/dachs-user/lists/wanted.vot", token,
                "application/x-votable+xml", table.getBytes(StandardCharsets.UTF_8));
        assertTrue(put.status() / 100 == 2, put.body());
        long known = directTapRows("SELECT id FROM astropeer.stars WHERE id IN (" + String.join(", ", ids) + ")");
        assertEquals(4, known, "the four numbered stars exist in DaCHS, the fifth does not");
        JsonNode view = DalProtocolsIT.run(suite, token, Map.of("protocol", "tap", "service", TAP,
                "QUERY", "SELECT s.id, s.ra, s.dec FROM astropeer.stars AS s JOIN TAP_UPLOAD.wanted AS w ON s.id = w.star",
                "UPLOAD", "wanted,#lists/wanted.vot", "saveAs", "#dachs/joined.vot"));
        assertEquals("COMPLETED", view.get("phase").asText(), view.toString());
        assertEquals(known, view.get("results").get(0).get("rows").asLong());
    }

    @Test
    void tableMetadataAndErrorsComeFromDachs(Suite suite) throws Exception {
        String token = token(suite);
        SuiteHttp.Answer tables = SuiteHttp.getJson(suite.url("query-svc") + "/tables?service="
                + URLEncoder.encode(TAP, StandardCharsets.UTF_8) + "&table=astropeer.stars", token);
        assertEquals(200, tables.status(), tables.body());
        List<String> columns = new ArrayList<>();
        tables.json().get(0).get("columns").forEach(c -> columns.add(c.get("name").asText()));
        assertTrue(columns.containsAll(List.of("id", "ra", "dec", "mag")), columns.toString());

        JsonNode bad = DalProtocolsIT.run(suite, token, Map.of("protocol", "tap", "service", TAP,
                "QUERY", "SELECT nosuchcolumn FROM astropeer.stars", "saveAs", "#dachs/bad.vot"));
        assertEquals("ERROR", bad.get("phase").asText(), bad.toString());
        assertTrue(bad.get("errorSummary").asText().toLowerCase().contains("nosuchcolumn"), bad.toString());
    }

    /** The values of the column with {@code ucd}, in row order, read with STIL. */
    private static List<String> columnValues(byte[] votable, String ucd) throws Exception {
        new VoTableChecker().check(new ByteArrayInputStream(votable));
        StarTable table = new StarTableFactory(false).makeStarTable(new ByteArrayDataSource("answer", votable), "votable");
        int column = -1;
        for (int i = 0; i < table.getColumnCount(); i++) {
            if (ucd.equalsIgnoreCase(table.getColumnInfo(i).getUCD())) {
                column = i;
            }
        }
        assertTrue(column >= 0, "no column with UCD " + ucd);
        List<String> values = new ArrayList<>();
        try (RowSequence rows = table.getRowSequence()) {
            while (rows.next()) {
                values.add(String.valueOf(rows.getCell(column)));
            }
        }
        return values;
    }
}
