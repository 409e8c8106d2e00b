package org.astroruntime.e2e.peers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link MultipartForm} on bodies written here byte by byte, as RFC 2046 and 7578 lay them out. */
class MultipartFormTest {

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] concat(byte[]... pieces) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : pieces) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    @Test
    void binaryContentSurvivesUnchanged() {
        // Content full of CR, LF and dashes, even the boundary's own dashes, must come back byte for byte.
        byte[] content = new byte[50_000];
        new Random(42).nextBytes(content);
        byte[] tricky = ascii("\r\n--\r\n--xyz\r\n\r\n--");
        System.arraycopy(tricky, 0, content, 1000, tricky.length);
        byte[] body = concat(ascii("--xyz123\r\nContent-Disposition: form-data; name=\"blob\"; filename=\"b.bin\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n"), content,
                ascii("\r\n--xyz123\r\nContent-Disposition: form-data; name=\"LANG\"\r\n\r\nADQL\r\n--xyz123--\r\n"));
        List<MultipartForm.Part> parts = MultipartForm.parse("multipart/form-data; boundary=xyz123", body);
        assertEquals(2, parts.size());
        assertEquals("blob", parts.get(0).name());
        assertEquals("b.bin", parts.get(0).filename());
        assertEquals("application/octet-stream", parts.get(0).contentType());
        assertArrayEquals(content, parts.get(0).content());
        assertFalse(parts.get(0).isTextField());
        assertEquals("LANG", parts.get(1).name());
        assertNull(parts.get(1).filename());
        assertTrue(parts.get(1).isTextField());
        assertEquals("ADQL", parts.get(1).text());
    }

    @Test
    void preambleEpilogueQuotedBoundaryEmptyPartsAndCharsets() {
        byte[] body = concat(ascii("This is the preamble.\r\n--a b\t \r\n"
                + "content-disposition: form-data; name=\"semi;colon\\\"q\"\r\n\r\n"
                + "\r\n--a b\r\nContent-Disposition: form-data; name=q\r\nContent-Type: text/plain; charset=ISO-8859-1\r\n\r\n"),
                new byte[] {(byte) 0xE9, 't', (byte) 0xE9}, ascii("\r\n--a b--\r\nepilogue, ignored"));
        List<MultipartForm.Part> parts = MultipartForm.parse("Multipart/Form-Data; charset=utf-8; boundary=\"a b\"", body);
        assertEquals(2, parts.size());
        assertEquals("semi;colon\"q", parts.get(0).name());
        assertEquals(0, parts.get(0).content().length);
        assertEquals("q", parts.get(1).name());
        assertEquals("été", parts.get(1).text());
    }

    @Test
    void malformedBodiesAreRefused() {
        String type = "multipart/form-data; boundary=b";
        String[][] cases = {
            {"does not contain its boundary", "no boundary at all"},
            {"not closed", "--b\r\nContent-Disposition: form-data; name=x\r\n\r\nvalue without end"},
            {"no Content-Disposition", "--b\r\nContent-Type: text/plain\r\n\r\nx\r\n--b--"},
            {"headers do not end", "--b\r\nContent-Disposition: form-data; name=x\r\n"},
            {"not form-data with a name", "--b\r\nContent-Disposition: attachment; name=x\r\n\r\nx\r\n--b--"},
        };
        for (String[] c : cases) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> MultipartForm.parse(type, ascii(c[1])), c[0]);
            assertTrue(e.getMessage().contains(c[0]), c[0] + " -> " + e.getMessage());
        }
        assertTrue(assertThrows(IllegalArgumentException.class, () -> MultipartForm.parse("multipart/form-data", ascii("x")))
                .getMessage().contains("boundary"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> MultipartForm.parse("multipart/mixed; boundary=b", ascii("--b--"))).getMessage().contains("mixed"));
    }
}
