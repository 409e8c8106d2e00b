package org.astroruntime.e2e.peers;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A benchmark aid: {@code /synthetic?ROWS=n} answers a cone-search-shaped VOTable (TABLEDATA) of {@code n}
 * deterministic rows, streamed as it is written, whatever the position asked. It stands for a large answer from
 * a remote archive, so that query-svc's throughput can be compared with a plain download of the same URL.
 */
public final class SyntheticTableEndpoint {

    /** Largest table served (about 100 bytes a row). */
    public static final long MAX_ROWS = 20_000_000;

    private SyntheticTableEndpoint() {
    }

    public static void install(HttpServer server) {
        server.createContext("/synthetic", SyntheticTableEndpoint::serve);
    }

    private static void serve(HttpExchange ex) throws IOException {
        try (ex) {
            Map<String, String> q = ConeSearchServer.query(ex.getRequestURI().getRawQuery());
            long rows;
            try {
                rows = Long.parseLong(q.getOrDefault("ROWS", "1000"));
            } catch (NumberFormatException e) {
                rows = -1;
            }
            if (rows < 0 || rows > MAX_ROWS) {
                ConeSearchServer.sendError(ex, "ROWS must be between 0 and " + MAX_ROWS);
                return;
            }
            ex.getResponseHeaders().set("Content-Type", "text/xml;content=x-votable;charset=UTF-8");
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = new BufferedOutputStream(ex.getResponseBody(), 1 << 16)) {
                write(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                        + "<VOTABLE version=\"1.4\" xmlns=\"http://www.ivoa.net/xml/VOTable/v1.3\">\n"
                        + "<RESOURCE type=\"results\"><INFO name=\"QUERY_STATUS\" value=\"OK\"/>\n"
                        + "<TABLE name=\"synthetic\">\n"
                        + "<FIELD name=\"id\" datatype=\"long\" ucd=\"meta.id;meta.main\"/>\n"
                        + "<FIELD name=\"ra\" datatype=\"double\" unit=\"deg\" ucd=\"pos.eq.ra;meta.main\"/>\n"
                        + "<FIELD name=\"dec\" datatype=\"double\" unit=\"deg\" ucd=\"pos.eq.dec;meta.main\"/>\n"
                        + "<FIELD name=\"mag\" datatype=\"float\" unit=\"mag\" ucd=\"phot.mag\"/>\n"
                        + "<FIELD name=\"flag\" datatype=\"int\"/>\n<DATA><TABLEDATA>\n");
                StringBuilder row = new StringBuilder(128);
                for (long i = 0; i < rows; i++) {
                    row.setLength(0);
                    // Plain appends, not String.format: the peer must not be the slow end of the benchmark.
                    row.append("<TR><TD>").append(i).append("</TD><TD>").append((i % 3_600_000) / 10_000.0)
                            .append("</TD><TD>").append((i % 1_800_000) / 10_000.0 - 90).append("</TD><TD>")
                            .append(10 + (i % 1000) / 100.0f).append("</TD><TD>").append(i % 7).append("</TD></TR>\n");
                    write(out, row.toString());
                }
                write(out, "</TABLEDATA></DATA></TABLE></RESOURCE></VOTABLE>\n");
            }
        }
    }

    private static void write(OutputStream out, String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.US_ASCII));
    }
}
