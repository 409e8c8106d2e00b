package org.astroruntime.e2e.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * TAP 1.1 table upload on the TAP peer over real HTTP: VOTables written here (TABLEDATA, with nulls) are sent
 * inline as multipart/form-data parts or served by a small HTTP server of the test for URL uploads, and every
 * expected answer is computed from the rows generated here.
 */
class TapUploadTest {

    private static final String VOTABLE_NS = "http://www.ivoa.net/xml/VOTable/v1.3";

    /** One generated row of the uploaded table; a null mag or count is written as an empty TD. */
    private record Star(String name, double ra, double dec, Float mag, Integer count) {
    }

    private static ConeSearchServer server;
    private static String base;
    private static HttpServer files;
    private static String filesBase;
    /** What the file server serves, by path. */
    private static final Map<String, byte[]> served = new ConcurrentHashMap<>();
    private static HttpClient http;
    private static List<Star> stars;

    @BeforeAll
    static void start() throws Exception {
        server = new ConeSearchServer(0, Catalogue.bundled(), true); // with /faults/ for the failing URL uploads
        base = "http://127.0.0.1:" + server.port();
        files = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        files.createContext("/files/", ex -> {
            try (ex) {
                byte[] body = served.get(ex.getRequestURI().getPath());
                ex.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
                if (body != null) {
                    try (OutputStream out = ex.getResponseBody()) {
                        out.write(body);
                    }
                }
            }
        });
        files.start();
        filesBase = "http://127.0.0.1:" + files.getAddress().getPort() + "/files/";
        http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
        stars = generate(300, new Random(20240611));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (files != null) {
            files.stop(0);
        }
    }

    private static List<Star> generate(int n, Random random) {
        List<Star> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Float mag = i % 17 == 0 ? null : (float) (8 + random.nextDouble() * 10);
            Integer count = i % 23 == 0 ? null : random.nextInt(10);
            out.add(new Star("src-" + i, random.nextDouble() * 30, -10 + random.nextDouble() * 40, mag, count));
        }
        return out;
    }

    /** A VOTable 1.4 of the rows, TABLEDATA, with units and UCDs on its FIELDs. */
    private static byte[] votable(List<Star> rows) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.append("<VOTABLE version=\"1.4\" xmlns=\"").append(VOTABLE_NS).append("\"><RESOURCE><TABLE name=\"mine\">\n");
        sb.append("<FIELD name=\"name\" datatype=\"char\" arraysize=\"*\" ucd=\"meta.id\"/>\n");
        sb.append("<FIELD name=\"ra\" datatype=\"double\" unit=\"deg\" ucd=\"pos.eq.ra\"/>\n");
        sb.append("<FIELD name=\"dec\" datatype=\"double\" unit=\"deg\" ucd=\"pos.eq.dec\"/>\n");
        sb.append("<FIELD name=\"Mag\" datatype=\"float\" unit=\"mag\" ucd=\"phot.mag\"/>\n");
        sb.append("<FIELD name=\"count\" datatype=\"int\"/>\n<DATA><TABLEDATA>\n");
        for (Star s : rows) {
            sb.append("<TR><TD>").append(s.name()).append("</TD><TD>").append(s.ra()).append("</TD><TD>").append(s.dec())
                    .append("</TD><TD>").append(s.mag() == null ? "" : s.mag()).append("</TD><TD>")
                    .append(s.count() == null ? "" : s.count()).append("</TD></TR>\n");
        }
        sb.append("</TABLEDATA></DATA></TABLE></RESOURCE></VOTABLE>\n");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> names(Predicate<Star> where) {
        return stars.stream().filter(where).map(Star::name).toList();
    }

    // ================================================================================================ HTTP

    /** One multipart/form-data part: a text field when filename and type are null. */
    private record FormPart(String name, String filename, String type, byte[] content) {
        static FormPart field(String name, String value) {
            return new FormPart(name, null, null, value.getBytes(StandardCharsets.UTF_8));
        }

        static FormPart file(String name, byte[] content) {
            return new FormPart(name, name + ".xml", "application/x-votable+xml", content);
        }
    }

    private static HttpResponse<byte[]> postMultipart(String path, FormPart... parts) throws Exception {
        String boundary = "upload-test-" + Long.toHexString(new Random().nextLong());
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (FormPart p : parts) {
            StringBuilder head = new StringBuilder("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + p.name() + "\"");
            if (p.filename() != null) {
                head.append("; filename=\"").append(p.filename()).append('"');
            }
            if (p.type() != null) {
                head.append("\r\nContent-Type: ").append(p.type());
            }
            body.writeBytes(head.append("\r\n\r\n").toString().getBytes(StandardCharsets.UTF_8));
            body.writeBytes(p.content());
            body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    private static HttpResponse<byte[]> postForm(String path, String... nameValues) throws Exception {
        StringBuilder form = new StringBuilder();
        for (int i = 0; i < nameValues.length; i += 2) {
            form.append(form.isEmpty() ? "" : "&").append(URLEncoder.encode(nameValues[i], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(nameValues[i + 1], StandardCharsets.UTF_8));
        }
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())));
    }

    private static HttpResponse<byte[]> get(String url) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url.startsWith("http") ? url : base + url)).GET());
    }

    private static HttpResponse<byte[]> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    // ================================================================================================ VOTable reading

    /** QUERY_STATUS (the first one), its text, the FIELD elements and the TABLEDATA cells of a response. */
    private record Answer(String status, String message, List<Element> fields, List<List<String>> rows) {

        List<String> column(String name) {
            for (int i = 0; i < fields.size(); i++) {
                if (fields.get(i).getAttribute("name").equalsIgnoreCase(name)) {
                    int c = i;
                    return rows.stream().map(r -> r.get(c)).toList();
                }
            }
            throw new AssertionError("no FIELD " + name);
        }

        Element field(String name) {
            return fields.stream().filter(f -> f.getAttribute("name").equalsIgnoreCase(name)).findFirst().orElseThrow();
        }
    }

    private static Answer answer(byte[] body) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(body));
        assertEquals(VOTABLE_NS, doc.getDocumentElement().getNamespaceURI());
        Element status = elements(doc, "INFO").stream().filter(e -> e.getAttribute("name").equals("QUERY_STATUS"))
                .findFirst().orElseThrow(() -> new AssertionError("no QUERY_STATUS"));
        List<List<String>> rows = new ArrayList<>();
        for (Element tr : elements(doc, "TR")) {
            List<String> cells = new ArrayList<>();
            NodeList tds = tr.getElementsByTagNameNS(VOTABLE_NS, "TD");
            for (int i = 0; i < tds.getLength(); i++) {
                cells.add(tds.item(i).getTextContent());
            }
            rows.add(cells);
        }
        return new Answer(status.getAttribute("value"), status.getTextContent(), elements(doc, "FIELD"), rows);
    }

    private static List<Element> elements(Document doc, String localName) {
        NodeList list = doc.getElementsByTagNameNS(VOTABLE_NS, localName);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) {
            out.add((Element) list.item(i));
        }
        return out;
    }

    private static Answer ok(HttpResponse<byte[]> r) throws Exception {
        Answer a = answer(r.body());
        assertEquals(200, r.statusCode(), a.message());
        assertEquals("OK", a.status());
        return a;
    }

    /** A 400 DALI error document whose message contains {@code expected}. */
    private static void assertError(HttpResponse<byte[]> r, String expected) throws Exception {
        assertEquals(400, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
        Answer a = answer(r.body());
        assertEquals("ERROR", a.status());
        assertTrue(a.message().contains(expected), "expected '" + expected + "' in: " + a.message());
    }

    // ================================================================================================ uploads

    private static final String BRIGHT_QUERY = "SELECT name, mag FROM TAP_UPLOAD.mine WHERE mag < 12.5 AND count >= 3 ORDER BY mag";

    private static List<String> brightExpected() {
        return stars.stream().filter(s -> s.mag() != null && s.mag() < 12.5f && s.count() != null && s.count() >= 3)
                .sorted(Comparator.comparing(Star::mag)).map(Star::name).toList();
    }

    @Test
    void syncInlineUploadAnswersTheRowsTheWhereSelects() throws Exception {
        List<String> expected = brightExpected();
        assertTrue(expected.size() > 10 && expected.size() < stars.size() / 2, "a selective query: " + expected.size());
        Answer a = ok(postMultipart("/tap/sync", FormPart.field("REQUEST", "doQuery"), FormPart.field("LANG", "ADQL"),
                FormPart.field("QUERY", BRIGHT_QUERY), FormPart.field("UPLOAD", "mine,param:table1"),
                FormPart.file("table1", votable(stars))));
        assertEquals(expected, a.column("name"));
        Element mag = a.field("mag");
        assertEquals("float", mag.getAttribute("datatype"));
        assertEquals("mag", mag.getAttribute("unit"), "the uploaded FIELD's unit is kept");
        assertEquals("phot.mag", mag.getAttribute("ucd"));
    }

    @Test
    void severalUploadsAndTheRestOfTheAdqlSubset() throws Exception {
        List<Star> other = generate(120, new Random(7));
        String query = "SELECT TOP 5 s.name, DISTANCE(POINT('ICRS', s.ra, s.dec), POINT('ICRS', 10, 5)) AS d"
                + " FROM tap_upload.Other AS s WHERE CONTAINS(POINT('ICRS', s.ra, s.dec), CIRCLE('ICRS', 10, 5, 8)) = 1"
                + " AND s.name LIKE 'src-%' ORDER BY d";
        List<Star> inCircle = new ArrayList<>(other.stream().filter(s -> separation(s.ra(), s.dec(), 10, 5) <= 8).toList());
        inCircle.sort(Comparator.comparingDouble(s -> separation(s.ra(), s.dec(), 10, 5)));
        assertTrue(inCircle.size() > 5, "the circle holds more rows than TOP keeps");
        Answer a = ok(postMultipart("/tap/sync", FormPart.field("LANG", "ADQL"), FormPart.field("QUERY", query),
                FormPart.field("UPLOAD", "mine,param:first;other,param:second"),
                FormPart.file("first", votable(stars)), FormPart.file("second", votable(other)), FormPart.field("MAXREC", "100")));
        assertEquals(inCircle.subList(0, 5).stream().map(Star::name).toList(), a.column("name"));
        // The count ignores nulls the same way the WHERE does: empty TDs are nulls, not zeros.
        Answer count = ok(postMultipart("/tap/sync", FormPart.field("LANG", "ADQL"),
                FormPart.field("QUERY", "SELECT COUNT(*) FROM TAP_UPLOAD.mine WHERE count IS NULL OR mag IS NULL"),
                FormPart.field("UPLOAD", "mine,param:first"), FormPart.file("first", votable(stars))));
        assertEquals(List.of(Integer.toString(names(s -> s.count() == null || s.mag() == null).size())), count.rows().get(0));
    }

    /** Great-circle distance by the haversine formula, degrees. */
    private static double separation(double ra1, double dec1, double ra2, double dec2) {
        double dDec = Math.toRadians(dec2 - dec1);
        double dRa = Math.toRadians(ra2 - ra1);
        double h = Math.pow(Math.sin(dDec / 2), 2)
                + Math.cos(Math.toRadians(dec1)) * Math.cos(Math.toRadians(dec2)) * Math.pow(Math.sin(dRa / 2), 2);
        return Math.toDegrees(2 * Math.asin(Math.min(1, Math.sqrt(h))));
    }

    @Test
    void urlUploadIsFetchedByTheService() throws Exception {
        served.put("/files/stars.vot", votable(stars));
        String upload = "mine," + filesBase + "stars.vot";
        Answer posted = ok(postForm("/tap/sync", "LANG", "ADQL", "QUERY", BRIGHT_QUERY, "UPLOAD", upload));
        assertEquals(brightExpected(), posted.column("name"));
        Answer got = ok(get("/tap/sync?LANG=ADQL&QUERY=" + URLEncoder.encode("SELECT name FROM TAP_UPLOAD.mine WHERE count = 0",
                StandardCharsets.UTF_8) + "&UPLOAD=" + URLEncoder.encode(upload, StandardCharsets.UTF_8)));
        assertEquals(names(s -> s.count() != null && s.count() == 0), got.column("name"));
        // The upload lived for those requests only.
        assertError(postForm("/tap/sync", "LANG", "ADQL", "QUERY", "SELECT * FROM TAP_UPLOAD.mine"), "does not exist");
    }

    @Test
    void asyncJobRunsWithItsOwnUpload() throws Exception {
        HttpResponse<byte[]> created = postMultipart("/tap/async", FormPart.field("LANG", "ADQL"),
                FormPart.field("QUERY", BRIGHT_QUERY), FormPart.field("UPLOAD", "mine,param:t"),
                FormPart.file("t", votable(stars)), FormPart.field("PHASE", "RUN"));
        assertEquals(303, created.statusCode(), new String(created.body(), StandardCharsets.UTF_8));
        String job = created.headers().firstValue("Location").orElseThrow();
        assertEquals("COMPLETED", finalPhase(job));
        assertEquals(brightExpected(), ok(get(job + "/results/result")).column("name"));

        // A job whose inline upload is missing ends in ERROR with the reason.
        HttpResponse<byte[]> broken = postMultipart("/tap/async", FormPart.field("LANG", "ADQL"),
                FormPart.field("QUERY", BRIGHT_QUERY), FormPart.field("UPLOAD", "mine,param:absent"),
                FormPart.file("t", votable(stars)), FormPart.field("PHASE", "RUN"));
        String brokenJob = broken.headers().firstValue("Location").orElseThrow();
        assertEquals("ERROR", finalPhase(brokenJob));
        Answer error = answer(get(brokenJob + "/error").body());
        assertTrue(error.message().contains("no multipart/form-data part named absent"), error.message());

        // Parts sent while PENDING (POST to the job) belong to it as well.
        HttpResponse<byte[]> pending = postForm("/tap/async", "LANG", "ADQL", "QUERY", BRIGHT_QUERY);
        String pendingJob = pending.headers().firstValue("Location").orElseThrow();
        assertEquals(303, postMultipart(pendingJob.substring(base.length()), FormPart.field("UPLOAD", "mine,param:later"),
                FormPart.file("later", votable(stars))).statusCode());
        assertEquals(303, postForm(pendingJob.substring(base.length()) + "/phase", "PHASE", "RUN").statusCode());
        assertEquals("COMPLETED", finalPhase(pendingJob));
        assertEquals(brightExpected(), ok(get(pendingJob + "/results/result")).column("name"));
    }

    private static String finalPhase(String job) throws Exception {
        String phase = "";
        for (int i = 0; i < 10; i++) {
            phase = new String(get(job + "/phase").body(), StandardCharsets.UTF_8).strip();
            if (!List.of("PENDING", "QUEUED", "EXECUTING").contains(phase)) {
                return phase;
            }
            get(job + "?WAIT=5");
        }
        return phase;
    }

    @Test
    void badUploadParametersAreDaliErrors() throws Exception {
        String[][] cases = {
            {"UPLOAD must be name,URI", "justaname"},
            {"is not an ADQL identifier", "1st,param:x"},
            {"names the table MINE more than once", "mine,param:x;MINE,param:y"},
            {"'ftp://example.org/t.vot' is not supported", "mine,ftp://example.org/t.vot"},
            {"'param:' is not supported", "mine,param:"},
            {"UPLOAD is empty", ""},
        };
        for (String[] c : cases) {
            assertError(postForm("/tap/sync", "LANG", "ADQL", "QUERY", "SELECT * FROM TAP_UPLOAD.mine", "UPLOAD", c[1]), c[0]);
        }
        // param: needs the part in the same request; a urlencoded request has none.
        assertError(postForm("/tap/sync", "LANG", "ADQL", "QUERY", "SELECT * FROM TAP_UPLOAD.mine", "UPLOAD", "mine,param:t"),
                "no multipart/form-data part named t");
        assertError(postMultipart("/tap/sync", FormPart.field("LANG", "ADQL"), FormPart.field("QUERY", "SELECT * FROM TAP_UPLOAD.mine"),
                FormPart.field("UPLOAD", "mine,param:t"), FormPart.file("other", votable(stars))), "no multipart/form-data part named t");
    }

    @Test
    void badUploadedContentIsADaliError() throws Exception {
        String query = "SELECT * FROM TAP_UPLOAD.mine";
        assertError(postMultipart("/tap/sync", FormPart.field("LANG", "ADQL"), FormPart.field("QUERY", query),
                FormPart.field("UPLOAD", "mine,param:t"), FormPart.file("t", "name,ra\nx,1\n".getBytes(StandardCharsets.UTF_8))),
                "UPLOAD mine (param:t) is not a readable VOTable");
        byte[] arrays = new String(votable(stars.subList(0, 1)), StandardCharsets.UTF_8)
                .replace("<FIELD name=\"count\" datatype=\"int\"/>", "<FIELD name=\"count\" datatype=\"int\" arraysize=\"2\"/>")
                .replaceFirst("</TD></TR>", " 1</TD></TR>").getBytes(StandardCharsets.UTF_8);
        assertError(postMultipart("/tap/sync", FormPart.field("LANG", "ADQL"), FormPart.field("QUERY", query),
                FormPart.field("UPLOAD", "mine,param:t"), FormPart.file("t", arrays)), "column count is an array");
        // Over the limit by one byte: refused before any parsing.
        byte[] huge = new byte[TapUploads.MAX_UPLOAD_BYTES + 1];
        java.util.Arrays.fill(huge, (byte) ' ');
        assertError(postMultipart("/tap/sync", FormPart.field("LANG", "ADQL"), FormPart.field("QUERY", query),
                FormPart.field("UPLOAD", "mine,param:t"), FormPart.file("t", huge)), "UPLOAD mine is larger than the limit");
        served.put("/files/huge.vot", huge);
        assertError(postForm("/tap/sync", "LANG", "ADQL", "QUERY", query, "UPLOAD", "mine," + filesBase + "huge.vot"),
                "UPLOAD mine is larger than the limit");
        // A broken multipart body is refused as a whole.
        HttpResponse<byte[]> truncated = send(HttpRequest.newBuilder(URI.create(base + "/tap/sync"))
                .header("Content-Type", "multipart/form-data; boundary=zz")
                .POST(HttpRequest.BodyPublishers.ofString("--zz\r\nContent-Disposition: form-data; name=\"LANG\"\r\n\r\nADQL")));
        assertError(truncated, "malformed multipart body");
    }

    @Test
    void unusableUrlsAreDaliErrors() throws Exception {
        String query = "SELECT * FROM TAP_UPLOAD.mine";
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        assertError(postForm("/tap/sync", "LANG", "ADQL", "QUERY", query, "UPLOAD", "mine,http://127.0.0.1:" + closedPort + "/t.vot"),
                "UPLOAD mine: cannot fetch http://127.0.0.1:" + closedPort + "/t.vot");
        assertError(postForm("/tap/sync", "LANG", "ADQL", "QUERY", query, "UPLOAD", "mine," + filesBase + "missing.vot"),
                "answered HTTP 404");
        assertError(postForm("/tap/sync", "LANG", "ADQL", "QUERY", query, "UPLOAD", "mine," + base + "/faults/html"),
                "is not a readable VOTable");
        long start = System.nanoTime();
        assertError(postForm("/tap/sync", "LANG", "ADQL", "QUERY", query, "UPLOAD", "mine," + base + "/faults/slow"),
                "no complete answer within " + TapUploads.FETCH_TIMEOUT_SECONDS + " s");
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        assertTrue(seconds < TapUploads.FETCH_TIMEOUT_SECONDS + 5, "the stalled fetch was given up after " + seconds + " s");
    }

    @Test
    void capabilitiesDeclareBothUploadMethodsAndTheLimit() throws Exception {
        String caps = new String(get("/tap/capabilities").body(), StandardCharsets.UTF_8);
        assertTrue(caps.contains("<uploadMethod ivo-id=\"ivo://ivoa.net/std/TAPRegExt#upload-inline\"/>"), caps);
        assertTrue(caps.contains("<uploadMethod ivo-id=\"ivo://ivoa.net/std/TAPRegExt#upload-http\"/>"), caps);
        assertTrue(caps.contains("<hard unit=\"byte\">" + TapUploads.MAX_UPLOAD_BYTES + "</hard>"), caps);
        assertTrue(caps.indexOf("uploadMethod") > caps.lastIndexOf("outputFormat")
                && caps.indexOf("uploadMethod") < caps.indexOf("retentionPeriod"), "TAPRegExt element order");
        assertTrue(caps.toLowerCase(Locale.ROOT).indexOf("uploadlimit") > caps.indexOf("outputLimit"));
    }
}
