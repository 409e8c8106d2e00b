package org.astroruntime.query.sia;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.astroruntime.common.error.InvalidParameterException;
import org.astroruntime.query.protocol.FormEncoding;
import org.astroruntime.query.protocol.ProtocolParameters;
import org.astroruntime.query.protocol.QueryProtocol;
import org.astroruntime.query.protocol.RemoteRequest;
import org.astroruntime.query.protocol.RequestParameters;

/**
 * A Simple Image Access 2.0 query, validated and normalised. Geometry ({@code POS}), intervals ({@code BAND} in
 * metres, {@code TIME} in MJD, {@code FOV}, {@code EXPTIME}, ...) and enumerations are checked here, so a mistake
 * is a 400 naming the parameter rather than a remote error; string constraints ({@code COLLECTION},
 * {@code TARGET}, ...) are passed on as given. One value per parameter.
 *
 * @param constraints the parameters to send, upper-case names, values normalised
 */
public record Sia2Parameters(Map<String, String> constraints) implements ProtocolParameters {

    private static final Set<String> INTERVALS = Set.of("BAND", "TIME", "FOV", "SPATRES", "EXPTIME", "TIMERES", "SPECRP");
    private static final Set<String> STRINGS = Set.of("ID", "COLLECTION", "FACILITY", "INSTRUMENT", "TARGET", "FORMAT");
    private static final Set<String> POL_STATES = Set.of("I", "Q", "U", "V", "RR", "LL", "RL", "LR", "XX", "YY",
            "XY", "YX", "POLI", "POLA");
    private static final Set<String> KNOWN;

    static {
        java.util.HashSet<String> known = new java.util.HashSet<>(INTERVALS);
        known.addAll(STRINGS);
        known.addAll(Set.of("POS", "POL", "CALIB", "DPTYPE", "MAXREC", "RESPONSEFORMAT", "RUNID"));
        KNOWN = Set.copyOf(known);
    }

    public Sia2Parameters {
        constraints = Map.copyOf(constraints);
    }

    /** Validates the parameters (names case-insensitive). */
    public static Sia2Parameters from(Map<String, String> parameters) {
        RequestParameters p = RequestParameters.of(parameters, "SIA 2.0", KNOWN);
        Map<String, String> out = new TreeMap<>();
        String pos = p.optional("POS");
        if (pos != null) {
            out.put("POS", SiaGeometry.normalisePos(pos));
        }
        for (String name : INTERVALS) {
            String v = p.optional(name);
            if (v != null) {
                out.put(name, interval(name, v));
            }
        }
        for (String name : STRINGS) {
            String v = p.optional(name);
            if (v != null) {
                out.put(name, v);
            }
        }
        String pol = p.optional("POL");
        if (pol != null) {
            if (!POL_STATES.contains(pol.toUpperCase(Locale.ROOT))) {
                throw new InvalidParameterException("POL", "POL must be one of " + POL_STATES + ", got " + pol);
            }
            out.put("POL", pol.toUpperCase(Locale.ROOT));
        }
        Integer calib = p.integer("CALIB", 0, 4);
        if (calib != null) {
            out.put("CALIB", calib.toString());
        }
        String dptype = p.optional("DPTYPE");
        if (dptype != null) {
            if (!dptype.equalsIgnoreCase("image") && !dptype.equalsIgnoreCase("cube")) {
                throw new InvalidParameterException("DPTYPE", "DPTYPE must be image or cube, got " + dptype);
            }
            out.put("DPTYPE", dptype.toLowerCase(Locale.ROOT));
        }
        Integer maxrec = p.integer("MAXREC", 0, Integer.MAX_VALUE);
        if (maxrec != null) {
            out.put("MAXREC", maxrec.toString());
        }
        String format = p.optional("RESPONSEFORMAT");
        if (format != null && !format.toLowerCase(Locale.ROOT).contains("votable")) {
            throw new InvalidParameterException("RESPONSEFORMAT", "query-svc reads VOTable answers only; "
                    + "RESPONSEFORMAT must be a VOTable type (choose the stored format with FORMAT), got " + format);
        }
        if (out.isEmpty()) {
            throw new InvalidParameterException("POS", "an SIA 2.0 query needs at least one constraint, e.g. POS");
        }
        return new Sia2Parameters(out);
    }

    /** {@code lo hi} or a single value; each a number or ±Inf; lo ≤ hi. */
    private static String interval(String name, String value) {
        String[] parts = value.strip().split("\\s+");
        if (parts.length > 2) {
            throw new InvalidParameterException(name, name + " must be 'lo hi' or one value, got '" + value + "'");
        }
        double lo = SiaGeometry.bound(name, parts[0]);
        double hi = parts.length == 2 ? SiaGeometry.bound(name, parts[1]) : lo;
        if (lo > hi) {
            throw new InvalidParameterException(name, name + ": the lower bound " + parts[0] + " is above the upper "
                    + parts[1]);
        }
        return String.join(" ", parts);
    }

    @Override
    public QueryProtocol protocol() {
        return QueryProtocol.SIA2;
    }

    @Override
    public RemoteRequest request(String accessUrl) {
        return RemoteRequest.get(accessUrl, FormEncoding.encode(new TreeMap<>(constraints)));
    }
}
