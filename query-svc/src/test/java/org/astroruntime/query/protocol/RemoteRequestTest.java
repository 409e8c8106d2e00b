package org.astroruntime.query.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RemoteRequestTest {

    @TempDir
    Path dir;

    @Test
    void attachedFilesGoAsMultipartPartsNamedAfterTheUpload() throws Exception {
        byte[] table = new byte[70_000]; // binary-safe: every byte value, more than one buffer
        for (int i = 0; i < table.length; i++) {
            table[i] = (byte) i;
        }
        Path file = Files.write(dir.resolve("t.vot"), table);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("QUERY", "SELECT * FROM TAP_UPLOAD.t");
        form.put("UPLOAD", "t,param:t");
        AtomicReference<String> contentType = new AtomicReference<>();
        AtomicReference<byte[]> body = new AtomicReference<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            contentType.set(ex.getRequestHeaders().getFirst("Content-Type"));
            body.set(ex.getRequestBody().readAllBytes());
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        server.start();
        try {
            URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/sync");
            RemoteRequest request = new RemoteRequest(url, form, Map.of("t", file));
            HttpClient.newHttpClient().send(request.applyTo(HttpRequest.newBuilder(url)).build(),
                    HttpResponse.BodyHandlers.discarding());
        } finally {
            server.stop(0);
        }
        assertTrue(contentType.get().startsWith("multipart/form-data; boundary="), contentType.get());
        String boundary = contentType.get().substring(contentType.get().indexOf('=') + 1);
        String text = new String(body.get(), StandardCharsets.ISO_8859_1);
        assertTrue(text.contains("name=\"QUERY\"\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nSELECT * FROM TAP_UPLOAD.t\r\n"), text);
        assertTrue(text.contains("name=\"UPLOAD\"\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nt,param:t\r\n"));
        String partHead = "name=\"t\"; filename=\"t.vot\"\r\nContent-Type: application/x-votable+xml\r\n\r\n";
        int start = text.indexOf(partHead) + partHead.length();
        int end = text.indexOf("\r\n--" + boundary + "--\r\n");
        assertTrue(start > partHead.length() && end > start, text.substring(0, 300));
        assertArrayEquals(table, Arrays.copyOfRange(body.get(), start, end));
        assertTrue(text.endsWith("--" + boundary + "--\r\n"));
    }

    @Test
    void aPlainFormIsUrlEncodedAndFilesNeedAForm() {
        URI url = URI.create("http://h/sync");
        assertThrows(IllegalArgumentException.class, () -> new RemoteRequest(url, null, Map.of("t", dir.resolve("t"))));
        RemoteRequest withPhase = new RemoteRequest(url, Map.of("QUERY", "x")).to(URI.create("http://h/async"), Map.of("PHASE", "RUN"));
        assertEquals(Map.of("QUERY", "x", "PHASE", "RUN"), withPhase.form());
        assertEquals("http://h/async", withPhase.url().toString());
    }
}
