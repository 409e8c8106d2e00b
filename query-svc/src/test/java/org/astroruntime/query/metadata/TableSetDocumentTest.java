package org.astroruntime.query.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableSetDocumentTest {

    private static List<TableMetadata> read(String xml) throws IOException {
        return TableSetDocument.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void readsSchemasTablesAndColumnsOfATableset() throws IOException {
        List<TableMetadata> tables = read("""
                <vosi:tableset xmlns:vosi="http://www.ivoa.net/xml/VOSITables/v1.0"
                    xmlns:vs="http://www.ivoa.net/xml/VODataService/v1.1" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
                  <schema><name>demo</name><description>Demo</description>
                    <table type="table"><name>demo.stars</name><title>Stars</title><description> The stars </description>
                      <nrows>3000</nrows>
                      <column><name>ra</name><description>Right ascension</description><unit>deg</unit>
                        <ucd>pos.eq.ra;meta.main</ucd><dataType xsi:type="vs:VOTableType">double</dataType>
                        <flag>indexed</flag><flag>principal</flag></column>
                      <column><name>id</name><dataType xsi:type="vs:VOTableType" arraysize="*">char</dataType></column>
                      <column><name>t</name><dataType xsi:type="vs:VOTableType" arraysize="*" extendedType="timestamp">char</dataType></column>
                    </table>
                    <table><name>demo.empty</name></table>
                  </schema>
                  <schema><name>ivoa</name><table type="view"><name>ivoa.obscore</name><nrows>many</nrows></table></schema>
                </vosi:tableset>""");
        assertEquals(List.of("demo.stars", "demo.empty", "ivoa.obscore"), tables.stream().map(TableMetadata::name).toList());
        TableMetadata stars = tables.get(0);
        assertEquals("demo", stars.schema());
        assertEquals("The stars", stars.description());
        assertEquals("table", stars.type());
        assertEquals(3000L, stars.rows());
        assertEquals(new TableMetadata.ColumnMetadata("ra", "Right ascension", "double", null, null, "deg",
                "pos.eq.ra;meta.main", null, true, true), stars.columns().get(0));
        assertEquals("*", stars.columns().get(1).arraysize());
        assertFalse(stars.columns().get(1).indexed());
        assertEquals("timestamp", stars.columns().get(2).xtype());
        assertTrue(tables.get(1).columns().isEmpty());
        assertEquals("view", tables.get(2).type());
        assertNull(tables.get(2).rows(), "a row count that is not a number is left out");
    }

    @Test
    void readsASingleTableDocumentAndRefusesOthers() throws IOException {
        List<TableMetadata> one = read("""
                <vs:table xmlns:vs="http://www.ivoa.net/xml/VODataService/v1.1"><name>demo.stars</name>
                  <column><name>dec</name></column></vs:table>""");
        assertEquals(1, one.size());
        assertNull(one.get(0).schema());
        assertEquals("dec", one.get(0).columns().get(0).name());
        assertTrue(assertThrows(IOException.class, () -> read("<html><body>Not here</body></html>")).getMessage()
                .contains("<html>"));
        assertThrows(IOException.class, () -> read("<tableset><schema><table><column/></table>"));
        assertThrows(IOException.class, () -> read("<tableset><schema><table><title>nameless</title></table></schema></tableset>"));
    }
}
