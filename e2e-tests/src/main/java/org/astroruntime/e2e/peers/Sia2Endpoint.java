package org.astroruntime.e2e.peers;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * A Simple Image Access 2.0 service over an {@link ImageArchive}: {@code /sia2/query} (GET, or POST form) answers
 * ObsCore 1.1 rows; {@code /sia2/capabilities} and {@code /sia2/availability} are its VOSI resources.
 *
 * <p>Constraints are ANDed across parameters and ORed across repeats of one parameter. {@code POS} (CIRCLE,
 * RANGE, POLYGON) selects images whose footprint overlaps the region, computed exactly on the sphere (footprints
 * and polygons have great-circle edges, RANGE has meridian and parallel edges; a RANGE with ra1 &gt; ra2 wraps
 * through RA 0). {@code BAND} and {@code TIME} select overlapping [em_min, em_max] / [t_min, t_max] (a single
 * value: containing it); {@code FOV} (s_fov), {@code SPATRES} (s_resolution), {@code EXPTIME}, {@code TIMERES},
 * {@code SPECRP} need the value inside the interval; {@code POL} a state in pol_states; {@code CALIB},
 * {@code COLLECTION}, {@code FACILITY}, {@code INSTRUMENT}, {@code DPTYPE}, {@code FORMAT} and {@code ID}
 * (obs_publisher_did) exact matches, {@code TARGET} case-insensitive. {@code MAXREC} defaults to
 * {@value #DEFAULT_MAXREC} (at most {@value #MAX_MAXREC}); cut results end with an OVERFLOW INFO after the table;
 * {@code MAXREC=0} answers the metadata only. Errors are DALI error documents with HTTP 400. Unknown parameters
 * are ignored, as DALI asks.
 */
public final class Sia2Endpoint {

    public static final int DEFAULT_MAXREC = 1000;
    public static final int MAX_MAXREC = 10000;
    static final Set<String> POL_STATES = Set.of("I", "Q", "U", "V", "RR", "LL", "RL", "LR", "XX", "YY", "XY", "YX",
            "POLI", "POLA");

    private final ImageArchive archive;
    private final String publicBase;
    private final String base;

    private Sia2Endpoint(ImageArchive archive, String publicBase) {
        this.archive = archive;
        this.publicBase = publicBase;
        this.base = publicBase + "/sia2";
    }

    /** Adds {@code /sia2/query}, {@code /sia2/capabilities} and {@code /sia2/availability} to a server. */
    public static void install(HttpServer server, ImageArchive archive, String publicBase) {
        Sia2Endpoint e = new Sia2Endpoint(archive, publicBase);
        server.createContext("/sia2/", e::handle);
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            String method = ex.getRequestMethod();
            switch (path) {
                case "/sia2/query" -> {
                    if (method.equals("GET") || method.equals("POST") || method.equals("HEAD")) {
                        query(ex);
                    } else {
                        Http.methodNotAllowed(ex, "GET, POST");
                    }
                }
                case "/sia2/capabilities" -> Http.xml(ex, 200, capabilities());
                case "/sia2/availability" -> Http.xml(ex, 200, Vosi.availability("SIA 2.0 peer of the AstroRuntime e2e tests"));
                default -> Http.text(ex, 404, "no resource " + path + " (try /sia2/query)\n");
            }
        }
    }

    private String capabilities() {
        return Vosi.capabilitiesStart(base, false)
                + "  <capability standardID=\"ivo://ivoa.net/std/SIA#query-2.0\">\n"
                + "    <interface xsi:type=\"vs:ParamHTTP\" role=\"std\" version=\"2.0\">\n"
                + "      <accessURL use=\"base\">" + VoTables.esc(base + "/query") + "</accessURL>\n"
                + "    </interface>\n"
                + "  </capability>\n"
                + Vosi.capabilitiesEnd();
    }

    private void query(HttpExchange ex) throws IOException {
        Query q;
        try {
            q = parse(Http.params(ex));
        } catch (IllegalArgumentException e) {
            Http.send(ex, 400, VoTables.MIME, VoTables.error(e.getMessage()));
            return;
        }
        List<Object[]> rows = new ArrayList<>();
        boolean overflow = false;
        if (q.maxrec() > 0) {
            for (ImageRecord r : archive.images()) {
                if (q.test(r)) {
                    if (rows.size() == q.maxrec()) {
                        overflow = true;
                        break;
                    }
                    rows.add(ObsCore.row(r, publicBase));
                }
            }
        }
        boolean cut = overflow;
        byte[] body = VoTables.render(w -> VoTables.results(w, "results",
                List.<String[]>of(new String[] {"standardID", "ivo://ivoa.net/std/SIA#query-2.0"}), ObsCore.COLUMNS, rows, cut));
        Http.send(ex, 200, VoTables.MIME, body);
    }

    /** A parsed query: one list of alternatives (ORed) per constrained parameter, the lists ANDed. */
    record Query(List<List<Predicate<ImageRecord>>> constraints, int maxrec) {
        boolean test(ImageRecord r) {
            for (List<Predicate<ImageRecord>> anyOf : constraints) {
                boolean ok = false;
                for (Predicate<ImageRecord> p : anyOf) {
                    if (p.test(r)) {
                        ok = true;
                        break;
                    }
                }
                if (!ok) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * Parses the SIA 2.0 parameters.
     *
     * @throws IllegalArgumentException with a message naming the bad parameter
     */
    static Query parse(Http.Params p) {
        List<List<Predicate<ImageRecord>>> all = new ArrayList<>();
        add(all, p, "POS", Sia2Endpoint::pos);
        add(all, p, "BAND", v -> overlap("BAND", v, ImageRecord::emMin, ImageRecord::emMax));
        add(all, p, "TIME", v -> overlap("TIME", v, ImageRecord::tMin, ImageRecord::tMax));
        add(all, p, "FOV", v -> within("FOV", v, ImageRecord::fovDiameter));
        add(all, p, "SPATRES", v -> within("SPATRES", v, ImageRecord::resolution));
        add(all, p, "EXPTIME", v -> within("EXPTIME", v, ImageRecord::exptime));
        add(all, p, "TIMERES", v -> within("TIMERES", v, ImageRecord::exptime));
        add(all, p, "SPECRP", v -> within("SPECRP", v, ImageRecord::resolvingPower));
        add(all, p, "POL", v -> {
            String s = v.strip();
            if (!POL_STATES.contains(s)) {
                throw new IllegalArgumentException("POL must be one of " + new java.util.TreeSet<>(POL_STATES) + ", got '" + v + "'");
            }
            return r -> r.polStates() != null && r.polStates().contains("/" + s + "/");
        });
        add(all, p, "CALIB", v -> {
            int level;
            try {
                level = Integer.parseInt(v.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("CALIB must be an integer 0..4, got '" + v + "'");
            }
            if (level < 0 || level > 4) {
                throw new IllegalArgumentException("CALIB must be an integer 0..4, got '" + v + "'");
            }
            return r -> r.calibLevel() == level;
        });
        add(all, p, "DPTYPE", v -> {
            if (!v.equals("image") && !v.equals("cube")) {
                throw new IllegalArgumentException("DPTYPE must be image or cube, got '" + v + "'");
            }
            return r -> r.dataproductType().equals(v);
        });
        add(all, p, "COLLECTION", v -> r -> r.collection().equals(v));
        add(all, p, "FACILITY", v -> r -> r.facility().equals(v));
        add(all, p, "INSTRUMENT", v -> r -> r.instrument().equals(v));
        add(all, p, "FORMAT", v -> r -> "image/fits".equals(v));
        add(all, p, "ID", v -> r -> ImageArchive.publisherDid(r).equals(v));
        add(all, p, "TARGET", v -> r -> r.targetName().equalsIgnoreCase(v.strip()));
        String format = p.first("RESPONSEFORMAT");
        if (format != null && !isVoTable(format)) {
            throw new IllegalArgumentException("RESPONSEFORMAT " + format + " is not supported: this service answers "
                    + "VOTable only (votable, application/x-votable+xml)");
        }
        int maxrec = DEFAULT_MAXREC;
        String m = p.first("MAXREC");
        if (m != null) {
            try {
                maxrec = Integer.parseInt(m.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("MAXREC must be a non-negative integer, got '" + m + "'");
            }
            if (maxrec < 0) {
                throw new IllegalArgumentException("MAXREC must be a non-negative integer, got '" + m + "'");
            }
            maxrec = Math.min(maxrec, MAX_MAXREC);
        }
        return new Query(all, maxrec);
    }

    static boolean isVoTable(String format) {
        String f = format.strip().toLowerCase(Locale.ROOT);
        return f.equals("votable") || f.startsWith("application/x-votable+xml") || f.equals("text/xml")
                || f.startsWith("votable/");
    }

    private interface Parser {
        Predicate<ImageRecord> parse(String value);
    }

    private static void add(List<List<Predicate<ImageRecord>>> all, Http.Params p, String name, Parser parser) {
        List<String> values = p.all(name);
        if (values.isEmpty()) {
            return;
        }
        List<Predicate<ImageRecord>> anyOf = new ArrayList<>();
        for (String v : values) {
            if (v.isBlank()) {
                throw new IllegalArgumentException(name + " is empty");
            }
            anyOf.add(parser.parse(v));
        }
        all.add(anyOf);
    }

    /** POS: CIRCLE ra dec radius | RANGE ra1 ra2 dec1 dec2 | POLYGON ra1 dec1 ra2 dec2 ra3 dec3 ... (degrees). */
    static Predicate<ImageRecord> pos(String value) {
        String[] t = value.strip().split("\\s+");
        String shape = t[0].toUpperCase(Locale.ROOT);
        switch (shape) {
            case "CIRCLE" -> {
                if (t.length != 4) {
                    throw new IllegalArgumentException("POS CIRCLE needs 3 numbers (ra dec radius), got '" + value + "'");
                }
                double ra = ra(t[1]);
                double dec = dec(t[2]);
                double r = number("POS", t[3], false);
                if (!(r > 0 && r <= 180)) {
                    throw new IllegalArgumentException("POS CIRCLE radius must be in (0, 180] degrees, got " + t[3]);
                }
                SkyGeometry.Vec c = SkyGeometry.Vec.of(ra, dec);
                return img -> SkyGeometry.distance(ra, dec, img.ra(), img.dec()) <= r + img.fovDiameter() / 2
                        && img.footprint().intersectsCircle(c, r);
            }
            case "RANGE" -> {
                if (t.length != 5) {
                    throw new IllegalArgumentException("POS RANGE needs 4 numbers (ra1 ra2 dec1 dec2), got '" + value + "'");
                }
                double ra1 = number("POS", t[1], true);
                double ra2 = number("POS", t[2], true);
                double dec1 = Math.max(-90, number("POS", t[3], true));
                double dec2 = Math.min(90, number("POS", t[4], true));
                if (dec1 > dec2) {
                    throw new IllegalArgumentException("POS RANGE: dec1 " + t[3] + " is above dec2 " + t[4]);
                }
                if (dec1 > 90 || dec2 < -90) {
                    throw new IllegalArgumentException("POS RANGE: Dec must overlap -90..90, got " + t[3] + " " + t[4]);
                }
                boolean full = ra1 == Double.NEGATIVE_INFINITY || ra2 == Double.POSITIVE_INFINITY
                        || ra2 - ra1 >= 360 || (ra1 <= 0 && ra2 >= 360);
                double a = full ? 0 : ra(t[1]);
                double b = full ? 360 : ra(t[2]);
                SkyGeometry.RaDecBox box = new SkyGeometry.RaDecBox(a, b, full, dec1, dec2);
                return img -> box.intersects(img.footprint());
            }
            case "POLYGON" -> {
                if (t.length < 7 || t.length % 2 != 1) {
                    throw new IllegalArgumentException("POS POLYGON needs at least 3 vertices as ra dec pairs, got '" + value + "'");
                }
                List<SkyGeometry.Vec> vs = new ArrayList<>();
                for (int i = 1; i < t.length; i += 2) {
                    vs.add(SkyGeometry.Vec.of(ra(t[i]), dec(t[i + 1])));
                }
                SkyGeometry.Polygon poly;
                try {
                    poly = SkyGeometry.Polygon.of(vs);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("POS POLYGON: " + e.getMessage());
                }
                double reach = 0;
                for (SkyGeometry.Vec v : vs) {
                    reach = Math.max(reach, SkyGeometry.angle(poly.centre(), v));
                }
                double maxReach = reach;
                return img -> SkyGeometry.angle(poly.centre(), SkyGeometry.Vec.of(img.ra(), img.dec()))
                        <= maxReach + img.fovDiameter() / 2 && poly.intersects(img.footprint());
            }
            default -> throw new IllegalArgumentException("POS must start with CIRCLE, RANGE or POLYGON, got '" + value + "'");
        }
    }

    private static double ra(String token) {
        double ra = number("POS", token, false);
        if (!(ra >= 0 && ra <= 360)) {
            throw new IllegalArgumentException("POS: RA must be between 0 and 360 degrees, got " + token);
        }
        return ra == 360 ? 0 : ra;
    }

    private static double dec(String token) {
        double dec = number("POS", token, false);
        if (!(dec >= -90 && dec <= 90)) {
            throw new IllegalArgumentException("POS: Dec must be between -90 and 90 degrees, got " + token);
        }
        return dec;
    }

    /** A number; with {@code infinite}, also -Inf/+Inf (DALI interval bounds). NaN is refused. */
    static double number(String param, String token, boolean infinite) {
        String t = token.strip();
        String lower = t.toLowerCase(Locale.ROOT);
        if (infinite) {
            if (lower.equals("-inf") || lower.equals("-infinity")) {
                return Double.NEGATIVE_INFINITY;
            }
            if (lower.equals("+inf") || lower.equals("inf") || lower.equals("+infinity") || lower.equals("infinity")) {
                return Double.POSITIVE_INFINITY;
            }
        }
        try {
            if (lower.contains("n") || lower.contains("x") || lower.contains("d") || lower.contains("f")) {
                throw new NumberFormatException(); // no NaN, Infinity, hex or Java type suffixes
            }
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(param + ": '" + token + "' is not a number");
        }
    }

    /** An interval "lo hi" (with -Inf/+Inf), or a single value when {@code single} is allowed: {lo, hi}. */
    static double[] interval(String param, String value, boolean single) {
        String[] t = value.strip().split("\\s+");
        if (t.length == 1 && single) {
            double v = number(param, t[0], false);
            return new double[] {v, v};
        }
        if (t.length != 2) {
            throw new IllegalArgumentException(param + " must be an interval 'lo hi'" + (single ? " or one value" : "")
                    + ", got '" + value + "'");
        }
        double lo = number(param, t[0], true);
        double hi = number(param, t[1], true);
        if (lo > hi) {
            throw new IllegalArgumentException(param + ": the lower bound " + t[0] + " is above the upper bound " + t[1]);
        }
        return new double[] {lo, hi};
    }

    private static Predicate<ImageRecord> overlap(String param, String value, ToDoubleFunction<ImageRecord> min,
                                                  ToDoubleFunction<ImageRecord> max) {
        double[] iv = interval(param, value, true);
        return r -> min.applyAsDouble(r) <= iv[1] && max.applyAsDouble(r) >= iv[0];
    }

    private static Predicate<ImageRecord> within(String param, String value, ToDoubleFunction<ImageRecord> f) {
        double[] iv = interval(param, value, false);
        return r -> {
            double v = f.applyAsDouble(r);
            return v >= iv[0] && v <= iv[1];
        };
    }
}
