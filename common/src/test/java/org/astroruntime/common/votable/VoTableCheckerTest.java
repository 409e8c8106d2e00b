package org.astroruntime.common.votable;

import uk.ac.starlink.table.TableSink;
import uk.ac.starlink.table.StarTable;
import java.io.OutputStream;
import java.util.ArrayList;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import uk.ac.starlink.table.ColumnInfo;
import uk.ac.starlink.table.RowListStarTable;
import uk.ac.starlink.table.StarTableOutput;

class VoTableCheckerTest {

    private final VoTableChecker checker = new VoTableChecker();

    private static byte[] stilTable(String format, int rows) throws IOException {
        ColumnInfo id = new ColumnInfo("id", String.class, "identifier");
        id.setUCD("meta.id;meta.main");
        ColumnInfo ra = new ColumnInfo("ra", Double.class, "right ascension");
        ra.setUnitString("deg");
        ra.setUCD("pos.eq.ra;meta.main");
        ColumnInfo dec = new ColumnInfo("dec", Double.class, "declination");
        dec.setUnitString("deg");
        RowListStarTable table = new RowListStarTable(new ColumnInfo[] {id, ra, dec});
        for (int i = 0; i < rows; i++) {
            table.addRow(new Object[] {"src" + i, 10.0 + i * 0.01, -5.0 + i * 0.01});
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new StarTableOutput().writeStarTable(table, out, new StarTableOutput().getHandler(format));
        return out.toByteArray();
    }

    @ParameterizedTest
    @ValueSource(strings = {"votable-tabledata", "votable-binary2-inline", "votable-binary-inline", "votable-fits-inline"})
    void countsRowsAndReadsColumnsInEverySerialisation(String format) throws Exception {
        VoTableReport report = checker.check(new ByteArrayInputStream(stilTable(format, 37)));
        assertEquals(QueryStatus.OK, report.status());
        assertEquals(1, report.tables());
        assertEquals(37, report.rows());
        assertEquals(List.of("id", "ra", "dec"), report.columns().stream().map(ColumnSummary::name).toList());
        assertEquals("deg", report.columns().get(1).unit());
        assertEquals("pos.eq.ra;meta.main", report.columns().get(1).ucd());
        assertEquals("Double", report.columns().get(1).datatype());
    }

    @ParameterizedTest
    @ValueSource(strings = {"votable-tabledata", "votable-binary2-inline", "votable-fits-inline"})
    void handsTheDecodedRowsOfTheFirstTableToASinkInEverySerialisation(String format) throws Exception {
        byte[] doc = stilTable(format, 23);
        List<Object[]> received = new ArrayList<>();
        int[] ends = {0};
        StarTable[] meta = {null};
        VoTableReport report = checker.copyAndCheck(new ByteArrayInputStream(doc), OutputStream.nullOutputStream(),
                new TableSink() {
                    @Override
                    public void acceptMetadata(StarTable m) {
                        meta[0] = m;
                    }

                    @Override
                    public void acceptRow(Object[] row) {
                        received.add(row);
                    }

                    @Override
                    public void endRows() {
                        ends[0]++;
                    }
                });
        assertEquals(23, report.rows());
        assertEquals(23, received.size());
        assertEquals(1, ends[0]);
        assertEquals("ra", meta[0].getColumnInfo(1).getName());
        assertEquals("src7", received.get(7)[0]);
        assertEquals(10.07, (Double) received.get(7)[1], 1e-12);
    }

    @Test
    void countsTabledataRowsWithoutDecodingOnlyInTheFirstTable() throws Exception {
        String doc = """
                <VOTABLE version="1.4" xmlns="http://www.ivoa.net/xml/VOTable/v1.3"><RESOURCE>
                <TABLE><FIELD name="a" datatype="int"/><DATA><TABLEDATA>
                <TR><TD>1</TD></TR><TR><TD>2</TD></TR><TR><TD>not even a number</TD></TR></TABLEDATA></DATA></TABLE>
                <TABLE><FIELD name="b" datatype="int"/><DATA><TABLEDATA><TR><TD>9</TD></TR></TABLEDATA></DATA></TABLE>
                </RESOURCE></VOTABLE>""";
        VoTableReport report = checker.check(new ByteArrayInputStream(doc.getBytes(StandardCharsets.UTF_8)));
        assertEquals(3, report.rows());
        assertEquals(2, report.tables());
        assertEquals(List.of("a"), report.columns().stream().map(ColumnSummary::name).toList());
        assertThrows(VoTableException.class, () -> checker.check(new ByteArrayInputStream(
                doc.replace("</TR><TR><TD>2", "</TD><TR><TD>2").getBytes(StandardCharsets.UTF_8))),
                "a badly nested row is still malformed XML");
    }

    @Test
    void copyHoldsExactlyTheInputBytes() throws Exception {
        byte[] doc = stilTable("votable-binary2-inline", 100);
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        VoTableReport report = checker.copyAndCheck(new ByteArrayInputStream(doc), copy);
        assertArrayEquals(doc, copy.toByteArray());
        assertEquals(doc.length, report.bytes());
        assertEquals(100, report.rows());
    }

    @Test
    void detectsDaliOverflow() throws Exception {
        String doc = """
                <?xml version="1.0"?>
                <VOTABLE version="1.4" xmlns="http://www.ivoa.net/xml/VOTable/v1.3">
                 <RESOURCE type="results">
                  <INFO name="QUERY_STATUS" value="OK"/>
                  <TABLE><FIELD name="x" datatype="int"/>
                   <DATA><TABLEDATA><TR><TD>1</TD></TR><TR><TD>2</TD></TR></TABLEDATA></DATA>
                  </TABLE>
                  <INFO name="QUERY_STATUS" value="OVERFLOW">truncated at MAXREC=2</INFO>
                 </RESOURCE>
                </VOTABLE>""";
        VoTableReport report = checker.check(stream(doc));
        assertEquals(QueryStatus.OVERFLOW, report.status());
        assertEquals("truncated at MAXREC=2", report.message());
        assertEquals(2, report.rows());
    }

    @Test
    void detectsDaliErrorDocument() throws Exception {
        String doc = """
                <VOTABLE version="1.3" xmlns="http://www.ivoa.net/xml/VOTable/v1.3">
                 <RESOURCE type="results"><INFO name="QUERY_STATUS" value="ERROR">Table twomass_psc does not exist</INFO></RESOURCE>
                </VOTABLE>""";
        VoTableReport report = checker.check(stream(doc));
        assertTrue(report.isError());
        assertEquals("Table twomass_psc does not exist", report.message());
        assertEquals(0, report.tables());
    }

    @Test
    void detectsConeSearchErrorInfoAndParam() throws Exception {
        VoTableReport info = checker.check(stream(
                "<VOTABLE><INFO name=\"Error\" value=\"SR too large\"/><RESOURCE/></VOTABLE>"));
        assertTrue(info.isError());
        assertEquals("SR too large", info.message());

        VoTableReport param = checker.check(stream(
                "<VOTABLE><RESOURCE><PARAM name=\"Error\" datatype=\"char\" arraysize=\"*\" value=\"RA out of range\"/></RESOURCE></VOTABLE>"));
        assertTrue(param.isError());
        assertEquals("RA out of range", param.message());
    }

    @Test
    void refusesHtml() {
        VoTableException e = assertThrows(VoTableException.class,
                () -> checker.check(stream("<html><body>Service unavailable</body></html>")));
        assertTrue(e.getMessage().contains("root element is <html>"), e.getMessage());
    }

    @Test
    void refusesNonXmlAndEmptyInput() {
        assertThrows(VoTableException.class, () -> checker.check(stream("RA,DEC\n1,2\n")));
        assertThrows(VoTableException.class, () -> checker.check(stream("")));
    }

    @Test
    void refusesTruncatedDocument() throws Exception {
        byte[] doc = stilTable("votable-tabledata", 50);
        byte[] cut = java.util.Arrays.copyOf(doc, doc.length / 2);
        VoTableException e = assertThrows(VoTableException.class, () -> checker.check(new ByteArrayInputStream(cut)));
        assertTrue(e.getMessage().startsWith("malformed VOTable") || e.getMessage().startsWith("unreadable"), e.getMessage());
    }

    @Test
    void refusesEntityExpansionBombs() {
        String doc = "<?xml version=\"1.0\"?><!DOCTYPE VOTABLE [<!ENTITY a \"aaaaaaaaaa\">"
                + "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>"
                + "<VOTABLE><RESOURCE><INFO name=\"QUERY_STATUS\" value=\"ERROR\">&c;&c;&c;</INFO></RESOURCE></VOTABLE>";
        assertThrows(VoTableException.class, () -> checker.check(stream(doc)));
    }

    @Test
    void doesNotResolveExternalEntities(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET");
        String doc = "<?xml version=\"1.0\"?><!DOCTYPE VOTABLE [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>"
                + "<VOTABLE><RESOURCE><INFO name=\"QUERY_STATUS\" value=\"ERROR\">&x;</INFO></RESOURCE></VOTABLE>";
        try {
            VoTableReport report = checker.check(stream(doc));
            assertFalse(String.valueOf(report.message()).contains("TOP-SECRET"), "external entity was resolved");
        } catch (VoTableException refused) {
            assertFalse(refused.getMessage().contains("TOP-SECRET"));
        }
    }

    @Test
    void streamsATableTooLargeToHoldInMemory() throws Exception {
        // 3 million rows (about 150 MB of TABLEDATA) generated on the fly; the test JVM's heap is smaller than
        // a DOM of this document would need, so only a streaming reader gets through.
        long rows = 3_000_000;
        String head = "<VOTABLE><RESOURCE><TABLE><FIELD name=\"id\" datatype=\"long\"/><FIELD name=\"ra\" datatype=\"double\"/>"
                + "<DATA><TABLEDATA>";
        String tail = "</TABLEDATA></DATA></TABLE></RESOURCE></VOTABLE>";
        Iterator<InputStream> parts = new Iterator<>() {
            long next = 0;
            boolean headDone;
            boolean tailDone;

            @Override
            public boolean hasNext() {
                return !tailDone;
            }

            @Override
            public InputStream next() {
                if (!headDone) {
                    headDone = true;
                    return stream(head);
                }
                if (next < rows) {
                    StringBuilder b = new StringBuilder();
                    for (int i = 0; i < 10_000 && next < rows; i++, next++) {
                        b.append("<TR><TD>").append(next).append("</TD><TD>").append(next % 360).append(".5</TD></TR>");
                    }
                    return stream(b.toString());
                }
                tailDone = true;
                return stream(tail);
            }
        };
        VoTableReport report = checker.check(new SequenceInputStream(Collections.enumeration(iterable(parts))));
        assertEquals(rows, report.rows());
        assertTrue(report.bytes() > 100_000_000L, "document was " + report.bytes() + " bytes");
    }

    private static <T> List<T> iterable(Iterator<T> it) {
        // SequenceInputStream wants an Enumeration; a lazy list view keeps generation on demand.
        return new java.util.AbstractList<>() {
            @Override
            public T get(int index) {
                throw new UnsupportedOperationException();
            }

            @Override
            public int size() {
                return Integer.MAX_VALUE;
            }

            @Override
            public Iterator<T> iterator() {
                return it;
            }
        };
    }

    private static InputStream stream(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
