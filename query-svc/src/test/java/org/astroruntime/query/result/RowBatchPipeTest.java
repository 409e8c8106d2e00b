package org.astroruntime.query.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.astroruntime.common.votable.VoTableChecker;
import org.astroruntime.common.votable.VoTableReport;
import org.junit.jupiter.api.Test;
import uk.ac.starlink.table.RowSequence;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.StarTableFactory;
import uk.ac.starlink.util.ByteArrayDataSource;

class RowBatchPipeTest {

    /** A TABLEDATA document of {@code rows} rows whose cells can be recomputed from the row index. */
    private static byte[] tabledata(int rows) {
        StringBuilder doc = new StringBuilder("""
                <VOTABLE version="1.4" xmlns="http://www.ivoa.net/xml/VOTable/v1.3"><RESOURCE><TABLE>
                <FIELD name="id" datatype="char" arraysize="*"/><FIELD name="ra" datatype="double" unit="deg"/>
                <FIELD name="n" datatype="int"/><DATA><TABLEDATA>
                """);
        for (int i = 0; i < rows; i++) {
            doc.append("<TR><TD>s").append(i).append("</TD><TD>").append(i * 0.25).append("</TD><TD>")
                    .append(i % 2 == 0 ? "" : String.valueOf(i)).append("</TD></TR>\n");
        }
        return doc.append("</TABLEDATA></DATA></TABLE></RESOURCE></VOTABLE>").toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void convertsWhileParsingEveryRowInOrder() throws Exception {
        int rows = RowBatchPipe.BATCH * RowBatchPipe.BATCHES * 3 + 17; // more than the pipe holds, and a short batch
        RowBatchPipe pipe = new RowBatchPipe();
        ByteArrayOutputStream binary2 = new ByteArrayOutputStream();
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            try {
                ResultConverter.writer(ResultFormat.BINARY2).writeStarTable(pipe.waitForStarTable(), binary2);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        VoTableReport report = new VoTableChecker().copyAndCheck(new ByteArrayInputStream(tabledata(rows)),
                OutputStream.nullOutputStream(), pipe);
        writer.get(30, TimeUnit.SECONDS);
        assertEquals(rows, report.rows());
        assertTrue(binary2.toString(StandardCharsets.UTF_8).contains("<BINARY2>"));

        StarTable back = new StarTableFactory(false).makeStarTable(new ByteArrayDataSource("b2", binary2.toByteArray()), "votable");
        assertEquals("deg", back.getColumnInfo(1).getUnitString());
        int i = 0;
        try (RowSequence seq = back.getRowSequence()) {
            while (seq.next()) {
                assertEquals("s" + i, seq.getCell(0));
                assertEquals(i * 0.25, (Double) seq.getCell(1), 0);
                assertEquals(i % 2 == 0 ? null : i, seq.getCell(2));
                i++;
            }
        }
        assertEquals(rows, i);
    }

    @Test
    void anErrorEndsAWaitingWriter() throws Exception {
        RowBatchPipe pipe = new RowBatchPipe();
        CompletableFuture<StarTable> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return pipe.waitForStarTable();
            } catch (IOException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        });
        pipe.setError(new IOException("the answer was refused"));
        ExecutionException e = assertThrows(ExecutionException.class, () -> waiting.get(5, TimeUnit.SECONDS));
        assertTrue(e.getCause().getMessage().contains("refused"));
        assertThrows(IOException.class, () -> pipe.acceptRow(new Object[1]), "the producer stops too");
    }
}
