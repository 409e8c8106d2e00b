package org.astroruntime.e2e.peers;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.io.OutputStreamWriter;
import java.io.BufferedWriter;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * A Simple Cone Search 1.03 server over a CSV catalogue: {@code GET /cone?RA=&DEC=&SR=} answers the sources within
 * SR degrees (true great-circle distance) as a VOTable, and bad parameters with the standard's error document.
 * With {@code --faults} it also serves misbehaving endpoints under {@code /faults/} for failure tests.
 *
 * <p>Run: {@code java -cp <e2e class path> org.astroruntime.e2e.peers.ConeSearchServer --port 8090 [--catalogue x.csv] [--faults]}
 */
public final class ConeSearchServer implements AutoCloseable {

    /** Largest radius served, as a real service would declare in its capability's maxSR. */
    public static final double MAX_SR = 10;

    private final HttpServer server;
    private final Catalogue catalogue;
    private final TapService tap;

    public ConeSearchServer(int port, Catalogue catalogue, boolean faults) throws IOException {
        this.catalogue = catalogue;
        // The JDK server sends a response's head and body in separate small writes; with Nagle's algorithm on, the
        // body then waits for the client's delayed ACK (40 ms on Linux). Archive web servers turn Nagle off, and a
        // peer standing for them must not add latency they do not have. Read when the first server is created.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "cone-http");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/cone", this::cone);
        if (faults) {
            FaultEndpoints.install(server);
        }
        // The same peer process also serves images (SIA 1.0, SIA 2.0, FITS downloads) and TAP over the catalogue.
        String publicBase = "http://127.0.0.1:" + server.getAddress().getPort();
        ImageArchive images = ImageArchive.demo(catalogue);
        images.install(server);
        Sia1Endpoint.install(server, images, publicBase);
        Sia2Endpoint.install(server, images, publicBase);
        this.tap = TapService.install(server, catalogue, images, publicBase);
        SyntheticTableEndpoint.install(server);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        tap.close();
    }

    private void cone(HttpExchange ex) throws IOException {
        try (ex) {
            Map<String, String> q = query(ex.getRequestURI().getRawQuery());
            double ra;
            double dec;
            double sr;
            try {
                ra = number(q, "RA", 0, 360);
                dec = number(q, "DEC", -90, 90);
                sr = number(q, "SR", 0, MAX_SR);
            } catch (IllegalArgumentException e) {
                sendError(ex, e.getMessage());
                return;
            }
            List<Source> found = catalogue.cone(ra, dec, sr);
            ex.getResponseHeaders().set("Content-Type", "text/xml;content=x-votable;charset=UTF-8");
            ex.sendResponseHeaders(200, 0);
            try (Writer w = new BufferedWriter(new OutputStreamWriter(ex.getResponseBody(), StandardCharsets.UTF_8))) {
                writeTable(w, found, ra, dec, sr);
            }
        }
    }

    private void writeTable(Writer w, List<Source> found, double ra, double dec, double sr) throws IOException {
        w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        w.write("<VOTABLE version=\"1.4\" xmlns=\"http://www.ivoa.net/xml/VOTable/v1.3\">\n");
        w.write(" <RESOURCE type=\"results\">\n");
        w.write("  <INFO name=\"QUERY_STATUS\" value=\"OK\"/>\n");
        w.write("  <COOSYS ID=\"icrs\" system=\"ICRS\"/>\n");
        w.write("  <TABLE name=\"" + xml(catalogue.name()) + "\">\n");
        w.write("   <DESCRIPTION>Sources within " + sr + " deg of (" + ra + ", " + dec + ")</DESCRIPTION>\n");
        w.write("   <FIELD name=\"id\" datatype=\"char\" arraysize=\"*\" ucd=\"meta.id;meta.main\"/>\n");
        w.write("   <FIELD name=\"ra\" datatype=\"double\" unit=\"deg\" ucd=\"pos.eq.ra;meta.main\" ref=\"icrs\"/>\n");
        w.write("   <FIELD name=\"dec\" datatype=\"double\" unit=\"deg\" ucd=\"pos.eq.dec;meta.main\" ref=\"icrs\"/>\n");
        w.write("   <FIELD name=\"vmag\" datatype=\"float\" unit=\"mag\" ucd=\"phot.mag;em.opt.V\"/>\n");
        w.write("   <FIELD name=\"b_v\" datatype=\"float\" unit=\"mag\" ucd=\"phot.color;em.opt.B;em.opt.V\"/>\n");
        w.write("   <FIELD name=\"dist\" datatype=\"double\" unit=\"deg\" ucd=\"pos.angDistance\"/>\n");
        w.write("   <DATA><TABLEDATA>\n");
        for (Source s : found) {
            w.write("    <TR><TD>" + xml(s.id()) + "</TD><TD>" + s.ra() + "</TD><TD>" + s.dec() + "</TD><TD>" + s.vmag()
                    + "</TD><TD>" + s.bv() + "</TD><TD>" + s.distanceTo(ra, dec) + "</TD></TR>\n");
        }
        w.write("   </TABLEDATA></DATA>\n  </TABLE>\n </RESOURCE>\n</VOTABLE>\n");
    }

    /** The SCS 1.03 error response: an INFO named Error directly under VOTABLE, and an empty RESOURCE. */
    static void sendError(HttpExchange ex, String message) throws IOException {
        byte[] body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<VOTABLE version=\"1.4\" xmlns=\"http://www.ivoa.net/xml/VOTable/v1.3\">\n"
                + " <INFO name=\"Error\" value=\"" + xml(message) + "\"/>\n <RESOURCE/>\n</VOTABLE>\n").getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "text/xml;content=x-votable;charset=UTF-8");
        ex.sendResponseHeaders(200, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    private static double number(Map<String, String> q, String name, double min, double max) {
        String v = q.get(name);
        if (v == null) {
            throw new IllegalArgumentException(name + " parameter is missing");
        }
        double d;
        try {
            d = Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " is not a number: " + v);
        }
        if (!(d >= min && d <= max)) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", got " + v);
        }
        return d;
    }

    static Map<String, String> query(String raw) {
        Map<String, String> q = new HashMap<>();
        if (raw == null) {
            return q;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                q.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8).toUpperCase(Locale.ROOT),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return q;
    }

    static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    public static void main(String[] args) throws Exception {
        int port = 8090;
        Path csv = null;
        boolean faults = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--catalogue" -> csv = Path.of(args[++i]);
                case "--faults" -> faults = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (use --port N, --catalogue file.csv, --faults)");
            }
        }
        Catalogue catalogue = csv == null ? Catalogue.bundled() : Catalogue.read(csv);
        ConeSearchServer server = new ConeSearchServer(port, catalogue, faults);
        System.out.println("cone-search server ready: http://127.0.0.1:" + server.port() + "/cone? serving "
                + catalogue.sources().size() + " sources from " + catalogue.name());
        Thread.currentThread().join();
    }
}
