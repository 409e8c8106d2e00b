package org.astroruntime.query.tap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.astroruntime.common.error.InvalidParameterException;
import org.astroruntime.query.protocol.RemoteRequest;
import org.junit.jupiter.api.Test;

class TapParametersTest {

    @Test
    void aSyncQueryIsAFormPostToSync() {
        TapParameters p = TapParameters.from(Map.of("query", "SELECT TOP 10 * FROM demo.stars", "MAXREC", "100"));
        assertFalse(p.async());
        RemoteRequest r = p.request("http://h/tap/");
        assertEquals("http://h/tap/sync", r.url().toString());
        assertEquals(Map.of("REQUEST", "doQuery", "LANG", "ADQL", "QUERY", "SELECT TOP 10 * FROM demo.stars",
                "RESPONSEFORMAT", "votable", "MAXREC", "100"), r.form());
        assertTrue(TapParameters.from(Map.of("QUERY", "SELECT 1", "mode", "ASYNC")).async());
    }

    @Test
    void badValuesNameTheParameter() {
        assertEquals("QUERY", param(Map.of()));
        assertEquals("QUERY", param(Map.of("QUERY", "  ")));
        assertEquals("QUERY", param(Map.of("QUERY", "SELECT " + "x,".repeat(60_000) + "y FROM t")));
        assertEquals("LANG", param(Map.of("QUERY", "SELECT 1", "LANG", "SQL")));
        assertEquals("MODE", param(Map.of("QUERY", "SELECT 1", "MODE", "later")));
        assertEquals("MAXREC", param(Map.of("QUERY", "SELECT 1", "MAXREC", "lots")));
        assertEquals("UPLOAD", param(Map.of("QUERY", "SELECT 1", "UPLOAD", "t")));
        assertEquals("UPLOAD", param(Map.of("QUERY", "SELECT 1", "UPLOAD", "1t,#a.vot")));
        assertEquals("UPLOAD", param(Map.of("QUERY", "SELECT 1", "UPLOAD", "t,#a.vot;T,#b.vot")));
        assertEquals("UPLOAD", param(Map.of("QUERY", "SELECT 1", "UPLOAD", "t,param:t")));
        assertEquals("UPLOAD", param(Map.of("QUERY", "SELECT 1", "UPLOAD", "t,file:///etc/passwd")));
        assertEquals("UPLOAD", param(Map.of("QUERY", "SELECT 1", "UPLOAD",
                String.join(";", java.util.stream.IntStream.range(0, 9).mapToObj(i -> "t" + i + ",#t.vot").toList()))));
        assertEquals("FORMAT", param(Map.of("QUERY", "SELECT 1", "FORMAT", "csv")));
    }

    @Test
    void uploadsFromVoSpaceAreSentInlineAndUrlsAreLeftToTheService() {
        TapParameters p = TapParameters.from(Map.of("QUERY", "SELECT * FROM TAP_UPLOAD.mine",
                "UPLOAD", " mine , #lists/targets.vot ; theirs,https://example.org/t.vot"));
        assertEquals(List.of(new TableUpload("mine", "#lists/targets.vot"), new TableUpload("theirs", "https://example.org/t.vot")),
                p.uploads());
        assertFalse(p.cacheable(), "an uploaded table can change under its name");
        assertTrue(TapParameters.from(Map.of("QUERY", "SELECT 1")).cacheable());
        assertThrows(IllegalArgumentException.class, () -> p.request("http://h/tap"), "mine must be fetched first");

        Path staged = Path.of("mine.vot");
        RemoteRequest r = p.request("http://h/tap", Map.of("mine", staged));
        assertEquals("mine,param:mine;theirs,https://example.org/t.vot", r.form().get("UPLOAD"));
        assertEquals(Map.of("mine", staged), r.files());
        assertTrue(p.canonical("http://h/tap").contains("UPLOAD="), "uploads are part of the key");
    }

    private static String param(Map<String, String> p) {
        return assertThrows(InvalidParameterException.class, () -> TapParameters.from(p)).parameter();
    }

    @Test
    void readsPhaseResultAndErrorOfAUwsJob() throws IOException {
        String xml = """
                <uws:job xmlns:uws="http://www.ivoa.net/xml/UWS/v1.0" xmlns:xlink="http://www.w3.org/1999/xlink" version="1.1">
                  <uws:jobId>j1</uws:jobId><uws:phase> COMPLETED </uws:phase>
                  <uws:results><uws:result id="other" xlink:href="http://h/x"/><uws:result id="result" xlink:href="http://h/tap/async/j1/results/result"/></uws:results>
                </uws:job>""";
        UwsJobDocument job = UwsJobDocument.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        assertEquals("COMPLETED", job.phase());
        assertFalse(job.isActive());
        assertEquals("http://h/tap/async/j1/results/result", job.resultHref());
        assertNull(job.errorSummary());
        String error = """
                <uws:job xmlns:uws="http://www.ivoa.net/xml/UWS/v1.0"><uws:phase>ERROR</uws:phase>
                <uws:errorSummary type="fatal"><uws:message>no such table</uws:message></uws:errorSummary></uws:job>""";
        assertEquals("no such table", UwsJobDocument.read(new ByteArrayInputStream(error.getBytes(StandardCharsets.UTF_8))).errorSummary());
        assertThrows(IOException.class, () -> UwsJobDocument.read(new ByteArrayInputStream("<html/>".getBytes(StandardCharsets.UTF_8))));
    }
}
