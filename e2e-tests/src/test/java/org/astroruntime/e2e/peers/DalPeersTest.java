package org.astroruntime.e2e.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The SIA 1.0, SIA 2.0 and TAP peers over HTTP, as query-svc meets them: a {@link ConeSearchServer} on a free
 * port, queried with java.net.http. Results are compared with brute-force selections over the same deterministic
 * {@link ImageArchive} and catalogue, computed here with independent formulae (standard TAN projection formulae,
 * sampled footprints), never with the peers' own geometry code.
 */
class DalPeersTest {

    private static final String VOTABLE_NS = "http://www.ivoa.net/xml/VOTable/v1.3";
    private static final String UWS_NS = "http://www.ivoa.net/xml/UWS/v1.0";
    private static final String XLINK_NS = "http://www.w3.org/1999/xlink";

    private static ConeSearchServer server;
    private static String base;
    private static Catalogue catalogue;
    private static List<ImageRecord> images;
    private static HttpClient http;

    @BeforeAll
    static void start() throws Exception {
        catalogue = Catalogue.bundled();
        images = ImageArchive.demo(catalogue).images();
        server = new ConeSearchServer(0, catalogue, false);
        base = "http://127.0.0.1:" + server.port();
        http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    // ================================================================================================ HTTP + XML

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static HttpResponse<byte[]> get(String pathAndQuery) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(pathAndQuery.startsWith("http") ? pathAndQuery : base + pathAndQuery))
                .timeout(Duration.ofSeconds(90)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static HttpResponse<byte[]> post(String path, String... nameValues) throws Exception {
        StringBuilder form = new StringBuilder();
        for (int i = 0; i < nameValues.length; i += 2) {
            form.append(form.isEmpty() ? "" : "&").append(enc(nameValues[i])).append('=').append(enc(nameValues[i + 1]));
        }
        return http.send(HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base + path))
                .timeout(Duration.ofSeconds(90)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static HttpResponse<byte[]> delete(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).DELETE().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static Document xml(byte[] body) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(body));
    }

    private static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    private static Element child(Element parent, String localName) {
        return children(parent).stream().filter(e -> e.getLocalName().equals(localName)).findFirst().orElse(null);
    }

    /** What the tests read from a VOTable response. */
    private record VoTable(String status, String message, boolean overflowAfterTable, boolean hasTable,
                           List<Element> fields, List<Element> params, List<List<String>> rows) {

        int column(String name) {
            for (int i = 0; i < fields.size(); i++) {
                if (fields.get(i).getAttribute("name").equals(name)) {
                    return i;
                }
            }
            throw new AssertionError("no FIELD " + name);
        }

        List<String> values(String name) {
            int c = column(name);
            return rows.stream().map(r -> r.get(c)).toList();
        }

        /** obs ids from the access URLs ({@code .../images/{obs_id}.fits}). */
        Set<String> obsIds(String urlColumn) {
            return values(urlColumn).stream().map(u -> u.substring(u.lastIndexOf('/') + 1, u.length() - ".fits".length()))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    /** Parses a results document: QUERY_STATUS before the table, an OVERFLOW INFO after it, fields and rows. */
    private static VoTable votable(byte[] body) throws Exception {
        Element root = xml(body).getDocumentElement();
        assertEquals(VOTABLE_NS, root.getNamespaceURI());
        assertEquals("VOTABLE", root.getLocalName());
        Element resource = child(root, "RESOURCE");
        assertEquals("results", resource.getAttribute("type"));
        String status = null;
        String message = null;
        boolean overflow = false;
        boolean seenTable = false;
        List<Element> fields = new ArrayList<>();
        List<Element> params = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        for (Element e : children(resource)) {
            switch (e.getLocalName()) {
                case "INFO" -> {
                    if (e.getAttribute("name").equals("QUERY_STATUS")) {
                        if (seenTable) {
                            overflow |= e.getAttribute("value").equals("OVERFLOW");
                        } else {
                            assertTrue(status == null, "one QUERY_STATUS before the table");
                            status = e.getAttribute("value");
                            message = e.getTextContent();
                        }
                    }
                }
                case "PARAM" -> params.add(e);
                case "TABLE" -> {
                    seenTable = true;
                    for (Element t : children(e)) {
                        if (t.getLocalName().equals("FIELD")) {
                            fields.add(t);
                        } else if (t.getLocalName().equals("DATA")) {
                            Element td = child(t, "TABLEDATA");
                            for (Element tr : children(td)) {
                                rows.add(children(tr).stream().map(Element::getTextContent).toList());
                            }
                        }
                    }
                }
                default -> {
                }
            }
        }
        return new VoTable(status, message, overflow, seenTable, fields, params, rows);
    }

    // ================================================================================================ independent geometry

    /** Standard TAN inverse: intermediate world coordinates (deg; x east, y north) about (ra0, dec0) to RA/Dec. */
    private static double[] tanInverse(double ra0, double dec0, double xDeg, double yDeg) {
        double xi = Math.toRadians(xDeg);
        double eta = Math.toRadians(yDeg);
        double d0 = Math.toRadians(dec0);
        double den = Math.cos(d0) - eta * Math.sin(d0);
        double ra = ra0 + Math.toDegrees(Math.atan2(xi, den));
        double dec = Math.toDegrees(Math.atan2(Math.sin(d0) + eta * Math.cos(d0), Math.hypot(xi, den)));
        return new double[] {((ra % 360) + 360) % 360, dec};
    }

    /** Standard TAN forward projection about (ra0, dec0), in degrees; null on the far hemisphere. */
    private static double[] tanForward(double ra0, double dec0, double ra, double dec) {
        double d0 = Math.toRadians(dec0);
        double d = Math.toRadians(dec);
        double dra = Math.toRadians(ra - ra0);
        double cosc = Math.sin(d0) * Math.sin(d) + Math.cos(d0) * Math.cos(d) * Math.cos(dra);
        if (cosc <= 1e-9) {
            return null;
        }
        double xi = Math.cos(d) * Math.sin(dra) / cosc;
        double eta = (Math.cos(d0) * Math.sin(d) - Math.sin(d0) * Math.cos(d) * Math.cos(dra)) / cosc;
        return new double[] {Math.toDegrees(xi), Math.toDegrees(eta)};
    }

    /** Great-circle distance by the spherical law of cosines (clamped). */
    private static double separation(double ra1, double dec1, double ra2, double dec2) {
        double d1 = Math.toRadians(dec1);
        double d2 = Math.toRadians(dec2);
        double c = Math.sin(d1) * Math.sin(d2) + Math.cos(d1) * Math.cos(d2) * Math.cos(Math.toRadians(ra2 - ra1));
        return Math.toDegrees(Math.acos(Math.max(-1, Math.min(1, c))));
    }

    /** Whether an image's pixel grid contains a position (its footprint is a rectangle in its own TAN plane). */
    private static boolean imageContains(ImageRecord r, double ra, double dec) {
        double[] p = tanForward(r.ra(), r.dec(), ra, dec);
        return p != null && Math.abs(p[0]) <= r.width() / 2 && Math.abs(p[1]) <= r.height() / 2;
    }

    private static final int GRID = 21;

    /** Points spread over an image's footprint, edges included: GRID x GRID (ra, dec) pairs. */
    private static List<double[]> samples(ImageRecord r) {
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < GRID; i++) {
            for (int j = 0; j < GRID; j++) {
                double x = (i / (GRID - 1.0) - 0.5) * r.width();
                double y = (j / (GRID - 1.0) - 0.5) * r.height();
                out.add(tanInverse(r.ra(), r.dec(), x, y));
            }
        }
        return out;
    }

    /** The sampling step: any footprint point lies within this many degrees of a sample. */
    private static double step(ImageRecord r) {
        return Math.max(r.width(), r.height()) / (GRID - 1.0);
    }

    /** Expected selection where sampling decides; images it cannot decide are left out of both sets. */
    private record Expectation(Set<String> in, Set<String> out, Set<String> undecided) {
        void check(Set<String> actual, String what) {
            for (String id : in) {
                assertTrue(actual.contains(id), what + " must select " + id);
            }
            for (String id : actual) {
                assertFalse(out.contains(id), what + " must not select " + id);
            }
            assertTrue(undecided.size() <= Math.max(2, in.size() / 10), what + ": too many undecided images " + undecided);
        }
    }

    private static Expectation expect(Predicate<ImageRecord> surelyIn, Predicate<ImageRecord> surelyOut) {
        Set<String> in = new TreeSet<>();
        Set<String> out = new TreeSet<>();
        Set<String> undecided = new TreeSet<>();
        for (ImageRecord r : images) {
            if (surelyIn.test(r)) {
                in.add(r.obsId());
            } else if (surelyOut.test(r)) {
                out.add(r.obsId());
            } else {
                undecided.add(r.obsId());
            }
        }
        return new Expectation(in, out, undecided);
    }

    private static Set<String> ids(Predicate<ImageRecord> p) {
        return images.stream().filter(p).map(ImageRecord::obsId).collect(Collectors.toCollection(TreeSet::new));
    }

    // ================================================================================================ SIA 1.0

    private static VoTable sia1(String query) throws Exception {
        HttpResponse<byte[]> r = get("/sia1?" + query);
        assertEquals(200, r.statusCode(), "SIA 1.0 always answers 200");
        assertTrue(r.headers().firstValue("Content-Type").orElse("").contains("xml"));
        return votable(r.body());
    }

    private static String pos(double ra, double dec) {
        return String.format(Locale.ROOT, "POS=%.6f,%.6f", ra, dec);
    }

    @Test
    void sia1AnswersTheStandardColumns() throws Exception {
        ImageRecord first = images.get(0);
        VoTable t = sia1(pos(first.ra(), first.dec()) + "&SIZE=0.2");
        assertEquals("OK", t.status());
        Set<String> ucds = t.fields().stream().map(f -> f.getAttribute("ucd")).collect(Collectors.toSet());
        for (String ucd : List.of("VOX:Image_Title", "POS_EQ_RA_MAIN", "POS_EQ_DEC_MAIN", "VOX:Image_Naxes", "VOX:Image_Naxis",
                "VOX:Image_Scale", "VOX:Image_Format", "VOX:Image_AccessReference", "VOX:Image_FileSize",
                "VOX:Image_MJDateObs")) {
            assertTrue(ucds.contains(ucd), "a FIELD with UCD " + ucd);
        }
        assertTrue(t.obsIds("access_url").contains(first.obsId()));
        int row = new ArrayList<>(t.values("access_url")).indexOf(ImageArchive.accessUrl(base, first));
        assertEquals(first.naxis1() + " " + first.naxis2(), t.rows().get(row).get(t.column("naxis")));
        assertEquals("image/fits", t.rows().get(row).get(t.column("format")));
        assertEquals(Long.toString(first.fileSize()), t.rows().get(row).get(t.column("filesize")));
        assertEquals(8, sia1(pos(first.ra(), first.dec()) + "&SIZE=0.2&VERB=0").fields().size(), "VERB=0: the required columns");
        assertTrue(sia1(pos(first.ra(), first.dec()) + "&SIZE=0.2&VERB=3").fields().size() > t.fields().size());
    }

    @Test
    void sia1SizeZeroAndCenterSelectTheImagesContainingPos() throws Exception {
        List<double[]> positions = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            positions.add(new double[] {images.get(i * 37).ra(), images.get(i * 37).dec()});
        }
        Random rnd = new Random(7);
        for (int i = 0; i < 10; i++) {
            Source s = catalogue.sources().get(rnd.nextInt(catalogue.sources().size()));
            positions.add(new double[] {s.ra(), s.dec()});
        }
        int found = 0;
        for (double[] p : positions) {
            Set<String> expected = ids(r -> imageContains(r, p[0], p[1]));
            found += expected.size();
            assertEquals(expected, sia1(pos(p[0], p[1]) + "&SIZE=0").obsIds("access_url"), "SIZE=0 at " + p[0] + "," + p[1]);
            assertEquals(expected, sia1(pos(p[0], p[1]) + "&SIZE=1.5&INTERSECT=CENTER").obsIds("access_url"));
        }
        assertTrue(found >= 15, "the image centres are found: " + found);
    }

    @Test
    void sia1EnclosedCoversAndOverlaps() throws Exception {
        double ra = 83.9;
        double dec = -5.2;
        double w = 4;
        double h = 3;
        double hx = Math.toDegrees(Math.tan(Math.toRadians(w / 2))); // the box edge in the tangent plane at POS
        double hy = Math.toDegrees(Math.tan(Math.toRadians(h / 2)));
        String roi = pos(ra, dec) + "&SIZE=" + w + "," + h;
        Predicate<double[]> inRoi = p -> {
            double[] t = tanForward(ra, dec, p[0], p[1]);
            return t != null && Math.abs(t[0]) <= hx && Math.abs(t[1]) <= hy;
        };
        Set<String> enclosed = ids(r -> corners(r).stream().allMatch(inRoi));
        Set<String> overlaps = sia1(roi).obsIds("access_url");
        assertEquals(enclosed, sia1(roi + "&INTERSECT=ENCLOSED").obsIds("access_url"));
        assertTrue(enclosed.size() >= 5, "a dense region: " + enclosed);
        assertTrue(overlaps.containsAll(enclosed));
        assertTrue(overlaps.containsAll(sia1(roi + "&INTERSECT=CENTER").obsIds("access_url")));
        assertEquals(overlaps, sia1(roi + "&INTERSECT=OVERLAPS&FORMAT=image/fits").obsIds("access_url"));
        expect(r -> samples(r).stream().anyMatch(inRoi),
                r -> separation(ra, dec, r.ra(), r.dec()) > Math.hypot(w, h) / 2 + r.fovDiameter() / 2 + 0.01)
                .check(overlaps, "OVERLAPS");
        // COVERS: a region small enough to lie inside images
        ImageRecord big = images.stream().filter(r -> r.collection().equals("ARS-WIDE")).findFirst().orElseThrow();
        double s = 0.05;
        double hs = Math.toDegrees(Math.tan(Math.toRadians(s / 2)));
        List<double[]> roiCorners = List.of(tanInverse(big.ra(), big.dec(), -hs, -hs), tanInverse(big.ra(), big.dec(), hs, -hs),
                tanInverse(big.ra(), big.dec(), hs, hs), tanInverse(big.ra(), big.dec(), -hs, hs));
        Set<String> covers = ids(r -> roiCorners.stream().allMatch(c -> imageContains(r, c[0], c[1])));
        assertTrue(covers.contains(big.obsId()));
        assertEquals(covers, sia1(pos(big.ra(), big.dec()) + "&SIZE=" + s + "&INTERSECT=COVERS").obsIds("access_url"));
    }

    private static List<double[]> corners(ImageRecord r) {
        double x = r.width() / 2;
        double y = r.height() / 2;
        return List.of(tanInverse(r.ra(), r.dec(), -x, -y), tanInverse(r.ra(), r.dec(), x, -y),
                tanInverse(r.ra(), r.dec(), x, y), tanInverse(r.ra(), r.dec(), -x, y));
    }

    @Test
    void sia1FormatsAndMetadata() throws Exception {
        ImageRecord first = images.get(0);
        String q = pos(first.ra(), first.dec()) + "&SIZE=0.5";
        assertFalse(sia1(q).rows().isEmpty());
        VoTable graphic = sia1(q + "&FORMAT=GRAPHIC");
        assertEquals("OK", graphic.status());
        assertTrue(graphic.rows().isEmpty(), "no graphics here");
        VoTable meta = sia1("FORMAT=METADATA");
        assertEquals("OK", meta.status());
        Set<String> params = meta.params().stream().map(p -> p.getAttribute("name")).collect(Collectors.toSet());
        assertTrue(params.containsAll(Set.of("INPUT:POS", "INPUT:SIZE", "INPUT:FORMAT", "INPUT:INTERSECT", "INPUT:VERB")), params.toString());
        assertFalse(meta.fields().isEmpty());
        assertTrue(meta.rows().isEmpty());
    }

    @Test
    void sia1ErrorsNameTheParameter() throws Exception {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("SIZE=1", "POS");
        cases.put("POS=10,20", "SIZE");
        cases.put("POS=10&SIZE=1", "POS");
        cases.put("POS=ten,20&SIZE=1", "POS");
        cases.put("POS=10,95&SIZE=1", "Dec");
        cases.put("POS=10,20&SIZE=-1", "SIZE");
        cases.put("POS=10,20&SIZE=1&INTERSECT=ALL", "INTERSECT");
        cases.put("POS=10,20&SIZE=1&VERB=9", "VERB");
        cases.put("POS=10,20&SIZE=1&FORMAT=nonsense", "FORMAT");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            VoTable t = sia1(c.getKey());
            assertEquals("ERROR", t.status(), c.getKey());
            assertTrue(t.message().contains(c.getValue()), c.getKey() + " -> " + t.message());
        }
    }

    @Test
    void imagesDownloadAsFits() throws Exception {
        for (ImageRecord r : List.of(images.get(0), images.stream().filter(i -> i.naxes() == 3).findFirst().orElseThrow())) {
            HttpResponse<byte[]> res = get(ImageArchive.accessUrl(base, r));
            assertEquals(200, res.statusCode());
            assertEquals("image/fits", res.headers().firstValue("Content-Type").orElse(""));
            byte[] body = res.body();
            assertEquals(Long.toString(body.length), res.headers().firstValue("Content-Length").orElse(""));
            assertEquals(r.fileSize(), body.length);
            assertEquals(0, body.length % 2880, "FITS files come in 2880-byte blocks");
            String header = new String(body, 0, 2880 * 2, StandardCharsets.US_ASCII);
            assertTrue(header.startsWith("SIMPLE  =                    T"), header.substring(0, 80));
            assertTrue(header.contains(String.format("NAXIS1  = %20d", r.naxis1())));
            assertTrue(header.contains(String.format("NAXIS   = %20d", r.naxes())));
            int end = header.indexOf("END     ");
            assertTrue(end > 0 && end % 80 == 0, "END starts a card");
            long dataBytes = 2L * r.naxis1() * r.naxis2() * Math.max(1, r.naxis3());
            long headerBytes = (end / 2880 + 1) * 2880L;
            assertEquals(headerBytes + (dataBytes + 2879) / 2880 * 2880, body.length);
            HttpResponse<byte[]> head = http.send(HttpRequest.newBuilder(URI.create(ImageArchive.accessUrl(base, r)))
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, head.statusCode());
            assertEquals(Long.toString(body.length), head.headers().firstValue("Content-Length").orElse(""));
        }
        assertEquals(404, get("/images/nosuch-00001.fits").statusCode());
    }

    // ================================================================================================ SIA 2.0

    private static HttpResponse<byte[]> sia2Raw(String query) throws Exception {
        return get("/sia2/query?" + query);
    }

    private static VoTable sia2(String query) throws Exception {
        HttpResponse<byte[]> r = sia2Raw(query);
        assertEquals(200, r.statusCode(), query + ": " + new String(r.body(), StandardCharsets.UTF_8));
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/x-votable+xml"));
        VoTable t = votable(r.body());
        assertEquals("OK", t.status());
        return t;
    }

    private static Set<String> sia2Ids(String query) throws Exception {
        VoTable t = sia2(query + "&MAXREC=10000");
        assertFalse(t.overflowAfterTable());
        return new TreeSet<>(t.values("obs_id"));
    }

    private static String circle(double ra, double dec, double r) {
        return "POS=" + enc(String.format(Locale.ROOT, "CIRCLE %s %s %s", ra, dec, r));
    }

    private static Expectation circleExpectation(double ra, double dec, double radius) {
        return expect(r -> imageContains(r, ra, dec)
                        || samples(r).stream().anyMatch(p -> separation(ra, dec, p[0], p[1]) <= radius),
                r -> samples(r).stream().mapToDouble(p -> separation(ra, dec, p[0], p[1])).min().orElseThrow()
                        - step(r) > radius);
    }

    @Test
    void sia2CircleMatchesABruteForceSelection() throws Exception {
        ImageRecord small = images.get(3);
        double[][] circles = {{83.9, -5.2, 2}, {10, 41, 1.5}, {0.2, -23.5, 2.5}, {100, 87.5, 4}, {250, -45, 6},
                              {small.ra(), small.dec(), 0.01}};
        for (double[] c : circles) {
            Set<String> actual = sia2Ids(circle(c[0], c[1], c[2]));
            Expectation e = circleExpectation(c[0], c[1], c[2]);
            e.check(actual, "CIRCLE " + c[0] + " " + c[1] + " " + c[2]);
            if (e.undecided().isEmpty()) {
                assertEquals(e.in().size(), actual.size(), "count for CIRCLE " + c[0] + " " + c[1] + " " + c[2]);
            }
        }
        assertTrue(sia2Ids(circle(small.ra(), small.dec(), 0.01)).contains(small.obsId()));
        Set<String> acrossZero = sia2Ids(circle(0.2, -23.5, 2.5));
        assertTrue(acrossZero.stream().anyMatch(id -> images.stream().anyMatch(r -> r.obsId().equals(id) && r.ra() > 358))
                && acrossZero.stream().anyMatch(id -> images.stream().anyMatch(r -> r.obsId().equals(id) && r.ra() < 2)),
                "a circle across RA 0 finds images on both sides: " + acrossZero);
        assertTrue(sia2Ids(circle(83.9, -5.2, 2)).size() >= 10, "a dense region");
    }

    @Test
    void sia2RepeatsAreOredAndParametersAnded() throws Exception {
        Set<String> a = sia2Ids(circle(83.9, -5.2, 2));
        Set<String> b = sia2Ids(circle(10, 41, 1.5));
        Set<String> union = new TreeSet<>(a);
        union.addAll(b);
        assertEquals(union, sia2Ids(circle(83.9, -5.2, 2) + "&" + circle(10, 41, 1.5)));
        Set<String> vBand = ids(r -> r.emMin() <= 5.5e-7 && r.emMax() >= 5.5e-7);
        Set<String> both = new TreeSet<>(a);
        both.retainAll(vBand);
        assertEquals(both, sia2Ids(circle(83.9, -5.2, 2) + "&BAND=5.5e-7"));
        Set<String> calib = ids(r -> (r.calibLevel() == 1 || r.calibLevel() == 3) && r.collection().equals("ARS-IR"));
        assertEquals(calib, sia2Ids("CALIB=1&CALIB=3&COLLECTION=ARS-IR"));
    }

    @Test
    void sia2RangeAndPolygon() throws Exception {
        double ra1 = 82;
        double ra2 = 86;
        double dec1 = -7;
        double dec2 = -3;
        Predicate<double[]> inBox = p -> p[0] >= ra1 && p[0] <= ra2 && p[1] >= dec1 && p[1] <= dec2;
        Set<String> range = sia2Ids("POS=" + enc("RANGE 82 86 -7 -3"));
        expect(r -> samples(r).stream().anyMatch(inBox),
                r -> samples(r).stream().noneMatch(p -> p[0] >= ra1 - 2 * step(r) && p[0] <= ra2 + 2 * step(r)
                        && p[1] >= dec1 - step(r) && p[1] <= dec2 + step(r))).check(range, "RANGE");
        assertTrue(range.size() >= 10, "a dense region: " + range.size());
        // through RA 0: the same as its two halves
        Set<String> wrapped = sia2Ids("POS=" + enc("RANGE 358 2 -10 10"));
        Set<String> halves = sia2Ids("POS=" + enc("RANGE 358 360 -10 10") + "&POS=" + enc("RANGE 0 2 -10 10"));
        assertEquals(halves, wrapped);
        assertFalse(wrapped.isEmpty());
        // unbounded: a polar cap
        Set<String> cap = sia2Ids("POS=" + enc("RANGE -Inf +Inf 80 +Inf"));
        expect(r -> samples(r).stream().anyMatch(p -> p[1] >= 80),
                r -> samples(r).stream().allMatch(p -> p[1] < 80 - step(r))).check(cap, "RANGE polar cap");
        assertFalse(cap.isEmpty());
        // POLYGON: great-circle edges, either vertex order
        String square = "POLYGON 82 -7 86 -7 86 -3 82 -3";
        Set<String> polygon = sia2Ids("POS=" + enc(square));
        assertEquals(polygon, sia2Ids("POS=" + enc("POLYGON 82 -3 86 -3 86 -7 82 -7")));
        double[][] vertices = {{82, -7}, {86, -7}, {86, -3}, {82, -3}};
        expect(r -> samples(r).stream().anyMatch(p -> inPolygon(vertices, p))
                        || java.util.Arrays.stream(vertices).anyMatch(v -> imageContains(r, v[0], v[1])),
                r -> samples(r).stream().allMatch(p -> outsideByMore(vertices, p, 2 * step(r)))).check(polygon, "POLYGON");
        assertTrue(polygon.size() >= 10);
    }

    /** Point in polygon by ray casting in the TAN plane at the polygon's middle (great circles are straight there). */
    private static boolean inPolygon(double[][] vertices, double[] p) {
        double[][] v = project(vertices);
        double[] q = tanForward(84, -5, p[0], p[1]);
        if (q == null) {
            return false;
        }
        boolean inside = false;
        for (int i = 0, j = v.length - 1; i < v.length; j = i++) {
            if ((v[i][1] > q[1]) != (v[j][1] > q[1])
                    && q[0] < (v[j][0] - v[i][0]) * (q[1] - v[i][1]) / (v[j][1] - v[i][1]) + v[i][0]) {
                inside = !inside;
            }
        }
        return inside;
    }

    /** Whether a point is outside the polygon by more than {@code margin} degrees (in its TAN plane). */
    private static boolean outsideByMore(double[][] vertices, double[] p, double margin) {
        if (inPolygon(vertices, p)) {
            return false;
        }
        double[][] v = project(vertices);
        double[] q = tanForward(84, -5, p[0], p[1]);
        if (q == null) {
            return true;
        }
        double min = Double.MAX_VALUE;
        for (int i = 0, j = v.length - 1; i < v.length; j = i++) {
            double dx = v[i][0] - v[j][0];
            double dy = v[i][1] - v[j][1];
            double t = Math.max(0, Math.min(1, ((q[0] - v[j][0]) * dx + (q[1] - v[j][1]) * dy) / (dx * dx + dy * dy)));
            min = Math.min(min, Math.hypot(q[0] - v[j][0] - t * dx, q[1] - v[j][1] - t * dy));
        }
        return min > margin;
    }

    private static double[][] project(double[][] vertices) {
        double[][] v = new double[vertices.length][];
        for (int i = 0; i < v.length; i++) {
            v[i] = tanForward(84, -5, vertices[i][0], vertices[i][1]);
        }
        return v;
    }

    @Test
    void sia2IntervalsAndStrings() throws Exception {
        assertEquals(ids(r -> r.emMin() <= 5.5e-7 && r.emMax() >= 5.5e-7), sia2Ids("BAND=5.5e-7"));
        assertEquals(ids(r -> r.emMin() <= 2e-6 && r.emMax() >= 1e-6), sia2Ids("BAND=" + enc("1e-6 2e-6")));
        assertEquals(ids(r -> r.tMin() <= 58600 && r.tMax() >= 58500), sia2Ids("TIME=" + enc("58500 58600")));
        assertEquals(ids(r -> r.tMin() <= 58500 && r.tMax() >= 58500), sia2Ids("TIME=58500"));
        assertEquals(ids(r -> r.fovDiameter() >= 1.3), sia2Ids("FOV=" + enc("1.3 +Inf")));
        assertEquals(ids(r -> r.exptime() <= 60), sia2Ids("EXPTIME=" + enc("-Inf 60")));
        assertEquals(ids(r -> r.resolution() >= 0.5 && r.resolution() <= 10), sia2Ids("SPATRES=" + enc("0.5 10")));
        assertEquals(ids(r -> r.polStates() != null && r.polStates().contains("/U/")), sia2Ids("POL=U"));
        assertEquals(ids(r -> r.dataproductType().equals("cube") && r.collection().equals("ARS-IR")),
                sia2Ids("DPTYPE=cube&COLLECTION=ARS-IR"));
        assertEquals(ids(r -> r.instrument().equals("DPol")), sia2Ids("INSTRUMENT=DPol"));
        assertEquals(ids(r -> r.facility().equals("ARS 4.0m")), sia2Ids("FACILITY=" + enc("ARS 4.0m")));
        ImageRecord one = images.get(5);
        assertEquals(Set.of(one.obsId()), sia2Ids("ID=" + enc(ImageArchive.publisherDid(one))));
        assertEquals(ids(r -> r.targetName().equalsIgnoreCase(one.targetName())),
                sia2Ids("TARGET=" + enc(one.targetName().toLowerCase(Locale.ROOT))));
        assertTrue(sia2Ids("POL=U").size() > 10 && sia2Ids("DPTYPE=cube&COLLECTION=ARS-IR").size() > 10);
    }

    @Test
    void sia2MaxrecOverflowComesAfterTheTable() throws Exception {
        VoTable five = sia2("MAXREC=5");
        assertEquals(5, five.rows().size());
        assertTrue(five.overflowAfterTable(), "OVERFLOW INFO after the TABLE");
        VoTable all = sia2("");
        assertEquals(Sia2Endpoint.DEFAULT_MAXREC, all.rows().size());
        assertTrue(all.overflowAfterTable());
        int cubes = ids(r -> r.dataproductType().equals("cube")).size();
        VoTable exact = sia2("DPTYPE=cube&MAXREC=" + cubes);
        assertEquals(cubes, exact.rows().size());
        assertFalse(exact.overflowAfterTable(), "exactly MAXREC rows is no overflow");
        VoTable meta = sia2("MAXREC=0");
        assertTrue(meta.rows().isEmpty());
        assertFalse(meta.overflowAfterTable());
        assertEquals(ObsCore.COLUMNS.size(), meta.fields().size());
        Element sRa = meta.fields().get(meta.column("s_ra"));
        assertEquals("pos.eq.ra", sRa.getAttribute("ucd"));
        assertEquals("obscore:Char.SpatialAxis.Coverage.Location.Coord.Position2D.Value2.C1", sRa.getAttribute("utype"));
        assertEquals("deg", sRa.getAttribute("unit"));
        for (String c : List.of("dataproduct_type", "calib_level", "obs_collection", "obs_id", "obs_publisher_did", "access_url",
                "access_format", "access_estsize", "target_name", "s_ra", "s_dec", "s_fov", "s_region", "s_resolution",
                "t_min", "t_max", "t_exptime", "em_min", "em_max", "pol_states", "facility_name", "instrument_name")) {
            assertTrue(meta.column(c) >= 0);
        }
    }

    @Test
    void sia2PostEqualsGetAndRowsDescribeTheImage() throws Exception {
        String q = "CIRCLE 83.9 -5.2 2";
        HttpResponse<byte[]> p = post("/sia2/query", "POS", q, "BAND", "5e-7 6e-7", "MAXREC", "10000");
        assertEquals(200, p.statusCode());
        VoTable posted = votable(p.body());
        assertEquals(sia2Ids("POS=" + enc(q) + "&BAND=" + enc("5e-7 6e-7")), new TreeSet<>(posted.values("obs_id")));
        VoTable t = sia2("ID=" + enc(ImageArchive.publisherDid(images.get(0))));
        List<String> row = t.rows().get(0);
        ImageRecord r = images.get(0);
        assertEquals(ImageArchive.accessUrl(base, r), row.get(t.column("access_url")));
        assertEquals(Double.toString(r.ra()), row.get(t.column("s_ra")));
        assertEquals(Long.toString((r.fileSize() + 1023) / 1024), row.get(t.column("access_estsize")));
        assertTrue(row.get(t.column("s_region")).startsWith("POLYGON ICRS "));
        assertEquals(200, get(row.get(t.column("access_url"))).statusCode());
    }

    @Test
    void sia2ErrorsAreDaliDocumentsWith400() throws Exception {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("RESPONSEFORMAT=csv", "RESPONSEFORMAT");
        cases.put("POS=" + enc("CIRCLE 1 2"), "POS");
        cases.put("POS=" + enc("BOX 1 2 3 4"), "POS");
        cases.put("POS=" + enc("CIRCLE 1 95 1"), "Dec");
        cases.put("POS=" + enc("POLYGON 1 2 3 4"), "POLYGON");
        cases.put("POS=" + enc("RANGE 1 2 10 5"), "RANGE");
        cases.put("BAND=" + enc("a b"), "BAND");
        cases.put("TIME=" + enc("5 1"), "TIME");
        cases.put("FOV=1", "FOV");
        cases.put("CALIB=x", "CALIB");
        cases.put("POL=Z", "POL");
        cases.put("DPTYPE=spectrum", "DPTYPE");
        cases.put("MAXREC=-1", "MAXREC");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            HttpResponse<byte[]> r = sia2Raw(c.getKey());
            assertEquals(400, r.statusCode(), c.getKey());
            VoTable t = votable(r.body());
            assertEquals("ERROR", t.status());
            assertFalse(t.hasTable());
            assertTrue(t.message().contains(c.getValue()), c.getKey() + " -> " + t.message());
        }
    }

    @Test
    void sia2Vosi() throws Exception {
        String caps = new String(get("/sia2/capabilities").body(), StandardCharsets.UTF_8);
        assertTrue(caps.contains("standardID=\"ivo://ivoa.net/std/SIA#query-2.0\""));
        assertTrue(caps.contains(base + "/sia2/query"));
        assertTrue(new String(get("/sia2/availability").body(), StandardCharsets.UTF_8).contains("<vosi:available>true<"));
    }

    // ================================================================================================ TAP sync

    private static HttpResponse<byte[]> tapSync(String... nameValues) throws Exception {
        return post("/tap/sync", nameValues);
    }

    private static VoTable tapOk(HttpResponse<byte[]> r) throws Exception {
        assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
        VoTable t = votable(r.body());
        assertEquals("OK", t.status());
        return t;
    }

    @Test
    void tapSyncContainsCountMatchesABruteForceCount() throws Exception {
        String adql = "SELECT COUNT(*) AS n FROM demo.stars WHERE CONTAINS(POINT('ICRS', ra, dec), CIRCLE('ICRS', 83.9, -5.2, 4)) = 1";
        long expected = catalogue.sources().stream().filter(s -> separation(s.ra(), s.dec(), 83.9, -5.2) < 4).count();
        assertTrue(expected > 20);
        VoTable posted = tapOk(tapSync("REQUEST", "doQuery", "LANG", "ADQL", "QUERY", adql));
        assertEquals(List.of(Long.toString(expected)), posted.rows().get(0));
        VoTable got = tapOk(get("/tap/sync?LANG=ADQL&QUERY=" + enc(adql)));
        assertEquals(posted.rows(), got.rows());
    }

    @Test
    void tapSyncMaxrecAndFormats() throws Exception {
        VoTable cut = tapOk(tapSync("LANG", "ADQL", "QUERY", "SELECT id FROM demo.stars", "MAXREC", "10"));
        assertEquals(10, cut.rows().size());
        assertTrue(cut.overflowAfterTable());
        VoTable all = tapOk(tapSync("LANG", "ADQL", "QUERY", "SELECT id FROM demo.stars"));
        assertEquals(catalogue.sources().size(), all.rows().size());
        assertFalse(all.overflowAfterTable());
        VoTable meta = tapOk(tapSync("LANG", "ADQL", "QUERY", "SELECT id, ra FROM demo.stars", "MAXREC", "0"));
        assertEquals(2, meta.fields().size());
        assertTrue(meta.rows().isEmpty());
        for (String[] format : new String[][] {{"RESPONSEFORMAT", "csv"}, {"FORMAT", "text/csv"}}) {
            HttpResponse<byte[]> csv = tapSync("LANG", "ADQL", "QUERY", "SELECT TOP 2 id, ra FROM demo.stars ORDER BY ra",
                    format[0], format[1]);
            assertEquals(200, csv.statusCode());
            assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
            String[] lines = new String(csv.body(), StandardCharsets.UTF_8).split("\r\n");
            assertEquals("id,ra", lines[0]);
            assertEquals(3, lines.length);
        }
        VoTable votable = tapOk(tapSync("LANG", "ADQL", "QUERY", "SELECT TOP 1 * FROM TAP_SCHEMA.tables", "RESPONSEFORMAT",
                "application/x-votable+xml"));
        assertEquals(1, votable.rows().size());
    }

    @Test
    void tapSyncErrorsAreDaliDocumentsWith400() throws Exception {
        String[][] cases = {
            {"LANG parameter is missing", "QUERY", "SELECT ra FROM demo.stars"},
            {"LANG=PQL is not supported", "LANG", "PQL", "QUERY", "SELECT ra FROM demo.stars"},
            {"QUERY parameter is missing", "LANG", "ADQL"},
            {"GROUP BY is not supported", "LANG", "ADQL", "QUERY", "SELECT ra FROM demo.stars GROUP BY ra"},
            {"table nosuch does not exist", "LANG", "ADQL", "QUERY", "SELECT * FROM nosuch"},
            {"RESPONSEFORMAT fits is not supported", "LANG", "ADQL", "QUERY", "SELECT ra FROM demo.stars", "RESPONSEFORMAT", "fits"},
            {"MAXREC must be", "LANG", "ADQL", "QUERY", "SELECT ra FROM demo.stars", "MAXREC", "many"},
            {"REQUEST=getCapabilities is not supported", "REQUEST", "getCapabilities", "LANG", "ADQL", "QUERY", "x"},
        };
        for (String[] c : cases) {
            HttpResponse<byte[]> r = tapSync(java.util.Arrays.copyOfRange(c, 1, c.length));
            assertEquals(400, r.statusCode(), c[0]);
            VoTable t = votable(r.body());
            assertEquals("ERROR", t.status());
            assertTrue(t.message().contains(c[0]), c[0] + " -> " + t.message());
        }
    }

    // ================================================================================================ TAP async

    /** Creates a job; returns its URL (the 303 Location). */
    private static String createJob(String... nameValues) throws Exception {
        HttpResponse<byte[]> r = post("/tap/async", nameValues);
        assertEquals(303, r.statusCode());
        String location = r.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith(base + "/tap/async/"), location);
        return location;
    }

    private static Element job(String url) throws Exception {
        HttpResponse<byte[]> r = get(url);
        assertEquals(200, r.statusCode());
        Element job = xml(r.body()).getDocumentElement();
        assertEquals(UWS_NS, job.getNamespaceURI());
        assertEquals("job", job.getLocalName());
        return job;
    }

    /** Blocks (WAIT) until the job leaves PENDING/QUEUED/EXECUTING; a wait may return at each phase change. */
    private static String finalPhase(String url) throws Exception {
        String phase = text(job(url), "phase");
        for (int i = 0; i < 5 && List.of("PENDING", "QUEUED", "EXECUTING").contains(phase); i++) {
            phase = text(job(url + "?WAIT=20"), "phase");
        }
        return phase;
    }

    private static String text(Element parent, String name) {
        Element e = child(parent, name);
        return e == null ? null : e.getTextContent().strip();
    }

    private static boolean isNil(Element parent, String name) {
        return "true".equals(child(parent, name).getAttributeNS("http://www.w3.org/2001/XMLSchema-instance", "nil"));
    }

    @Test
    void tapAsyncRunWaitResultsDelete() throws Exception {
        String adql = "SELECT TOP 10 id, vmag FROM demo.stars ORDER BY vmag";
        String url = createJob("LANG", "ADQL", "QUERY", adql, "PHASE", "RUN", "RUNID", "e2e-peers");
        assertEquals("COMPLETED", finalPhase(url));
        Element job = job(url);
        assertEquals("1.1", job.getAttribute("version"));
        assertEquals(url.substring(url.lastIndexOf('/') + 1), text(job, "jobId"));
        assertEquals("e2e-peers", text(job, "runId"));
        assertTrue(isNil(job, "ownerId"));
        assertEquals(List.of("jobId", "runId", "ownerId", "phase", "quote", "creationTime", "startTime", "endTime",
                "executionDuration", "destruction", "parameters", "results"),
                children(job).stream().map(Element::getLocalName).toList(), "UWS 1.1 element order");
        assertFalse(isNil(job, "startTime"));
        assertFalse(isNil(job, "endTime"));
        Element result = child(child(job, "results"), "result");
        assertEquals("result", result.getAttribute("id"));
        String href = result.getAttributeNS(XLINK_NS, "href");
        assertEquals(url + "/results/result", href);
        VoTable t = votable(get(href).body());
        assertEquals("OK", t.status());
        List<String> expected = catalogue.sources().stream().sorted(java.util.Comparator.comparingDouble(Source::vmag))
                .limit(10).map(Source::id).toList();
        assertEquals(expected, t.values("id"));
        HttpResponse<byte[]> phase = get(url + "/phase");
        assertEquals("COMPLETED", new String(phase.body(), StandardCharsets.UTF_8).strip());
        assertTrue(phase.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
        assertTrue(new String(get(url + "/parameters").body(), StandardCharsets.UTF_8).contains(">" + adql.replace("<", "&lt;") + "<"));
        assertEquals("600", new String(get(url + "/executionduration").body(), StandardCharsets.UTF_8).strip());
        assertNotNull(java.time.Instant.parse(new String(get(url + "/destruction").body(), StandardCharsets.UTF_8).strip()));
        assertTrue(new String(get("/tap/async").body(), StandardCharsets.UTF_8).contains(url));
        HttpResponse<byte[]> deleted = delete(url);
        assertEquals(303, deleted.statusCode());
        assertEquals(base + "/tap/async", deleted.headers().firstValue("Location").orElse(""));
        assertEquals(404, get(url).statusCode());
        assertFalse(new String(get("/tap/async").body(), StandardCharsets.UTF_8).contains(url));
    }

    @Test
    void tapAsyncPendingJobWaitsThenRunsOnPhaseRun() throws Exception {
        String url = createJob("LANG", "ADQL", "QUERY", "SELECT COUNT(*) FROM demo.stars");
        assertEquals("PENDING", text(job(url), "phase"));
        long start = System.nanoTime();
        assertEquals("PENDING", text(job(url + "?WAIT=1"), "phase"), "WAIT returns after its time when nothing happens");
        long waited = System.nanoTime() - start;
        assertTrue(waited >= 900_000_000L && waited < 5_000_000_000L, "waited " + waited / 1_000_000 + " ms");
        HttpResponse<byte[]> run = post(url + "/phase", "PHASE", "RUN");
        assertEquals(303, run.statusCode());
        assertEquals(url, run.headers().firstValue("Location").orElse(""));
        assertEquals("COMPLETED", finalPhase(url));
        VoTable t = votable(get(url + "/results/result").body());
        assertEquals(List.of(Integer.toString(catalogue.sources().size())), t.rows().get(0));
        HttpResponse<byte[]> deleted = post(url, "ACTION", "DELETE");
        assertEquals(303, deleted.statusCode());
        assertEquals(404, get(url).statusCode());
    }

    @Test
    void tapAsyncErrorsAreReportedInTheJob() throws Exception {
        String url = createJob("LANG", "ADQL", "QUERY", "SELECT nosuch FROM demo.stars", "PHASE", "RUN");
        assertEquals("ERROR", finalPhase(url));
        Element job = job(url);
        Element summary = child(job, "errorSummary");
        assertEquals("fatal", summary.getAttribute("type"));
        assertTrue(text(summary, "message").contains("column nosuch does not exist"));
        VoTable error = votable(get(url + "/error").body());
        assertEquals("ERROR", error.status());
        assertTrue(error.message().contains("column nosuch does not exist"));
        assertEquals(404, get(url + "/results/result").statusCode());
        delete(url);
    }

    @Test
    void tapAsyncAbortStopsASlowScan() throws Exception {
        String url = createJob("LANG", "ADQL", "QUERY", "SELECT * FROM demo.slow_stars", "PHASE", "RUN");
        String phase = text(job(url), "phase");
        for (int i = 0; i < 10 && !phase.equals("EXECUTING"); i++) {
            phase = text(job(url + "?WAIT=1"), "phase");
        }
        assertEquals("EXECUTING", phase, "a full slow_stars scan takes over a minute");
        boolean scanning = false;
        for (int i = 0; i < 50 && !scanning; i++) {
            scanning = slowScanRunning();
            Thread.sleep(10);
        }
        assertTrue(scanning, "the worker is scanning demo.slow_stars");
        assertEquals("EXECUTING", text(job(url + "?WAIT=1"), "phase"), "still running after a blocking WAIT");
        HttpResponse<byte[]> abort = post(url + "/phase", "PHASE", "ABORT");
        assertEquals(303, abort.statusCode());
        Element job = job(url + "?WAIT=10");
        assertEquals("ABORTED", text(job, "phase"));
        assertFalse(isNil(job, "endTime"));
        long deadline = System.nanoTime() + 3_000_000_000L;
        while (slowScanRunning() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertFalse(slowScanRunning(), "the scan itself has stopped, not only the job's phase");
        assertEquals(404, get(url + "/results/result").statusCode());
        delete(url);
    }

    /** Whether a TAP worker thread (this JVM runs the server) is inside the slow table's row iterator. */
    private static boolean slowScanRunning() {
        for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
            if (e.getKey().getName().startsWith("tap-worker")) {
                for (StackTraceElement f : e.getValue()) {
                    if (f.getClassName().startsWith(TapTables.class.getName())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    @Test
    void tapAsyncJobListFiltersAndParameterUpdates() throws Exception {
        String a = createJob("LANG", "ADQL", "QUERY", "SELECT TOP 1 id FROM demo.stars", "PHASE", "RUN");
        assertEquals("COMPLETED", finalPhase(a));
        String b = createJob("LANG", "ADQL", "QUERY", "SELECT TOP 2 id FROM demo.stars");
        // parameters can be changed while PENDING, not afterwards
        assertEquals(303, post(b + "/parameters", "QUERY", "SELECT TOP 3 id FROM demo.stars").statusCode());
        assertEquals(400, post(a + "/parameters", "QUERY", "SELECT TOP 3 id FROM demo.stars").statusCode());
        assertEquals(303, post(b + "/executionduration", "EXECUTIONDURATION", "30").statusCode());
        assertEquals("30", new String(get(b + "/executionduration").body(), StandardCharsets.UTF_8).strip());
        assertEquals(400, post(b + "/destruction", "DESTRUCTION", "2001-01-01T00:00:00Z").statusCode());
        assertEquals(303, post(b + "/destruction", "DESTRUCTION", java.time.Instant.now().plusSeconds(3600).toString()).statusCode());
        Element jobs = xml(get("/tap/async?PHASE=PENDING").body()).getDocumentElement();
        assertEquals("jobs", jobs.getLocalName());
        Set<String> pending = new HashSet<>();
        for (Element ref : children(jobs)) {
            assertEquals("PENDING", text(ref, "phase"));
            pending.add(ref.getAttributeNS(XLINK_NS, "href"));
        }
        assertTrue(pending.contains(b) && !pending.contains(a));
        Element last = xml(get("/tap/async?LAST=1").body()).getDocumentElement();
        assertEquals(1, children(last).size());
        assertEquals(b, children(last).get(0).getAttributeNS(XLINK_NS, "href"), "LAST=1 is the newest job");
        assertEquals(303, post(b + "/phase", "PHASE", "RUN").statusCode());
        assertEquals("COMPLETED", finalPhase(b));
        assertEquals(3, votable(get(b + "/results/result").body()).rows().size(), "the updated QUERY ran");
        assertEquals(404, get("/tap/async/nosuchjob").statusCode());
        delete(a);
        delete(b);
    }

    // ================================================================================================ TAP VOSI

    @Test
    void tapVosiResources() throws Exception {
        Element tableset = xml(get("/tap/tables").body()).getDocumentElement();
        assertEquals("tableset", tableset.getLocalName());
        Set<String> tables = new TreeSet<>();
        String raUnit = null;
        for (Element schema : children(tableset)) {
            for (Element table : children(schema)) {
                if (table.getLocalName().equals("table")) {
                    String name = text(table, "name");
                    tables.add(name);
                    for (Element column : children(table)) {
                        if (column.getLocalName().equals("column") && name.equals("demo.stars") && text(column, "name").equals("ra")) {
                            raUnit = text(column, "unit");
                            assertEquals("double", text(column, "dataType"));
                            assertEquals("pos.eq.ra;meta.main", text(column, "ucd"));
                        }
                    }
                }
            }
        }
        assertTrue(tables.containsAll(Set.of("demo.stars", "demo.slow_stars", "ivoa.obscore", "TAP_SCHEMA.columns")), tables.toString());
        assertEquals("deg", raUnit);
        Element one = xml(get("/tap/tables/ivoa.obscore").body()).getDocumentElement();
        assertEquals("table", one.getLocalName());
        assertEquals(ObsCore.COLUMNS.size(), children(one).stream().filter(e -> e.getLocalName().equals("column")).count());
        String caps = new String(get("/tap/capabilities").body(), StandardCharsets.UTF_8);
        assertTrue(caps.contains("standardID=\"ivo://ivoa.net/std/TAP\""));
        assertTrue(caps.contains("xsi:type=\"tr:TableAccess\""));
        assertTrue(caps.contains("ivo://ivoa.net/std/ADQL#v2.0"));
        assertTrue(caps.contains("<alias>csv</alias>"));
        assertTrue(new String(get("/tap/availability").body(), StandardCharsets.UTF_8).contains("<vosi:available>true<"));
    }
}
