package org.astroruntime.query.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.astroruntime.common.error.InvalidParameterException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.ac.starlink.table.RowSequence;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.StarTableFactory;
import uk.ac.starlink.util.FileDataSource;

class ResultConverterTest {

    @TempDir
    Path dir;

    private static final String ANSWER = """
            <?xml version="1.0"?>
            <VOTABLE version="1.4" xmlns="http://www.ivoa.net/xml/VOTable/v1.3"><RESOURCE type="results">
            <INFO name="QUERY_STATUS" value="OK"/><TABLE name="stars">
            <FIELD name="id" datatype="char" arraysize="*"/><FIELD name="ra" datatype="double" unit="deg"/>
            <FIELD name="vmag" datatype="float"/>
            <DATA><TABLEDATA>
            <TR><TD>HD 1</TD><TD>10.5</TD><TD>5.25</TD></TR>
            <TR><TD>HD 2</TD><TD>11.0</TD><TD></TD></TR>
            <TR><TD>HD 3 &amp; co</TD><TD>359.999</TD><TD>-1.5</TD></TR>
            </TABLEDATA></DATA></TABLE></RESOURCE></VOTABLE>""";

    @Test
    void everyFormatKeepsRowsAndValues() throws Exception {
        Path answer = dir.resolve("answer.vot");
        Files.writeString(answer, ANSWER);
        ResultConverter converter = new ResultConverter();
        for (ResultFormat format : new ResultFormat[] {ResultFormat.BINARY2, ResultFormat.TABLEDATA, ResultFormat.FITS}) {
            Path out = converter.convert(answer, format, dir.resolve("out-" + format.apiName()));
            StarTable t = new StarTableFactory(true).makeStarTable(new FileDataSource(out.toFile()),
                    format == ResultFormat.FITS ? "fits" : "votable");
            assertEquals(3, t.getRowCount(), format.apiName());
            assertEquals("ra", t.getColumnInfo(1).getName());
            assertEquals("HD 3 & co", t.getCell(2, 0), format.apiName());
            assertEquals(359.999, ((Number) t.getCell(2, 1)).doubleValue(), 1e-9);
        }
        String binary2 = Files.readString(dir.resolve("out-binary2"), StandardCharsets.UTF_8);
        assertTrue(binary2.contains("<BINARY2>"), binary2);
        String csv = Files.readString(converter.convert(answer, ResultFormat.CSV, dir.resolve("out.csv")));
        assertEquals("id,ra,vmag", csv.lines().findFirst().orElseThrow());
        assertEquals(4, csv.lines().count());
        assertSame(answer, converter.convert(answer, ResultFormat.ORIGINAL, dir.resolve("unused")));
    }

    @Test
    void theFormatComesFromTheRequestOrTheDestinationName() {
        assertEquals(ResultFormat.BINARY2, ResultFormat.choose(null, "#cones/ned.vot"));
        assertEquals(ResultFormat.FITS, ResultFormat.choose(null, "#cones/ned.FITS"));
        assertEquals(ResultFormat.CSV, ResultFormat.choose("", "#t/x.csv"));
        assertEquals(ResultFormat.TABLEDATA, ResultFormat.choose("TableData", "#t/x.fits"));
        assertEquals(ResultFormat.BINARY2, ResultFormat.choose("votable", null));
        assertEquals("RESULTFORMAT", assertThrows(InvalidParameterException.class,
                () -> ResultFormat.choose("xlsx", null)).parameter());
    }
}
