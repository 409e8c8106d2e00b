package org.astroruntime.e2e.peers;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Endpoints that fail the ways remote archives do, for the failure tests: {@code /faults/slow} (headers, a few
 * bytes, then silence), {@code /faults/html} (an HTML page with status 200), {@code /faults/error} (a VOTable error
 * document), {@code /faults/truncated} (a VOTable cut off mid-table), {@code /faults/truncated-large} (the same after 6.5 MB),
 * {@code /faults/500}.
 */
final class FaultEndpoints {

    static void install(HttpServer server) {
        server.createContext("/faults/slow", ex -> {
            ex.sendResponseHeaders(200, 0);
            OutputStream out = ex.getResponseBody();
            out.write("<?xml version=\"1.0\"?><VOTABLE><RESOURCE>".getBytes(StandardCharsets.UTF_8));
            out.flush();
            try {
                Thread.sleep(600_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ex.close();
        });
        server.createContext("/faults/html", ex -> send(ex, 200, "text/html",
                "<!DOCTYPE html><html><head><title>Down for maintenance</title></head><body>Back soon</body></html>"));
        server.createContext("/faults/error", ex -> send(ex, 200, "text/xml",
                "<?xml version=\"1.0\"?><VOTABLE version=\"1.4\" xmlns=\"http://www.ivoa.net/xml/VOTable/v1.3\">"
                        + "<RESOURCE type=\"results\"><INFO name=\"QUERY_STATUS\" value=\"ERROR\">Catalogue database is offline</INFO>"
                        + "</RESOURCE></VOTABLE>"));
        server.createContext("/faults/truncated", ex -> send(ex, 200, "text/xml",
                "<?xml version=\"1.0\"?><VOTABLE><RESOURCE><TABLE><FIELD name=\"x\" datatype=\"int\"/><DATA><TABLEDATA>"
                        + "<TR><TD>1</TD></TR><TR><TD>2</TD></TR><TR><TD>3"));
        server.createContext("/faults/truncated-large", ex -> {
            // Large enough that query-svc is already streaming its result into VOSpace when the answer breaks off.
            ex.getResponseHeaders().set("Content-Type", "text/xml");
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(("<?xml version=\"1.0\"?><VOTABLE><RESOURCE><TABLE><FIELD name=\"x\" datatype=\"int\"/>"
                        + "<DATA><TABLEDATA>").getBytes(StandardCharsets.UTF_8));
                byte[] rows = "<TR><TD>1234567</TD></TR>\n".repeat(4096).getBytes(StandardCharsets.UTF_8);
                for (int i = 0; i < 64; i++) {
                    out.write(rows); // 6.5 MB of rows, then the end of the stream without closing a single tag
                }
            }
        });
        server.createContext("/faults/500", ex -> send(ex, 500, "text/plain", "Internal Server Error"));
    }

    private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private FaultEndpoints() {
    }
}
