package org.astroruntime.query.cone;

import java.util.Locale;
import java.util.Map;
import org.astroruntime.common.error.InvalidParameterException;

/**
 * The parameters of a Simple Cone Search 1.03 request, validated: ICRS position and search radius in decimal
 * degrees, and the optional column verbosity.
 *
 * @param ra   right ascension, 0 ≤ RA ≤ 360 (360 is read as 0)
 * @param dec  declination, −90 ≤ DEC ≤ 90
 * @param sr   search radius, 0 < SR ≤ 180
 * @param verb column verbosity 1..3, or null for the service's default
 */
public record ConeParameters(double ra, double dec, double sr, Integer verb) {

    public ConeParameters {
        if (!Double.isFinite(ra) || ra < 0 || ra > 360) {
            throw new InvalidParameterException("RA", "RA must be between 0 and 360 degrees, got " + ra);
        }
        if (!Double.isFinite(dec) || dec < -90 || dec > 90) {
            throw new InvalidParameterException("DEC", "DEC must be between -90 and 90 degrees, got " + dec);
        }
        if (!Double.isFinite(sr) || sr <= 0 || sr > 180) {
            throw new InvalidParameterException("SR", "SR must be more than 0 and at most 180 degrees, got " + sr);
        }
        if (verb != null && (verb < 1 || verb > 3)) {
            throw new InvalidParameterException("VERB", "VERB must be 1, 2 or 3, got " + verb);
        }
        ra = ra == 360 ? 0 : ra;
    }

    /** Reads RA, DEC, SR and VERB from request parameters; names are case-insensitive (DALI). */
    public static ConeParameters from(Map<String, String> parameters) {
        Map<String, String> p = upperCaseKeys(parameters);
        return new ConeParameters(number(p, "RA"), number(p, "DEC"), number(p, "SR"),
                p.containsKey("VERB") ? (int) number(p, "VERB") : null);
    }

    /** The query string to append to a service's base URL, e.g. {@code RA=180.0&DEC=2.0&SR=0.5}. */
    public String toQueryString() {
        String q = "RA=" + ra + "&DEC=" + dec + "&SR=" + sr;
        return verb == null ? q : q + "&VERB=" + verb;
    }

    /** Appends the parameters to an access URL that may already end in {@code ?} or {@code &}, or hold a query. */
    public String appendTo(String accessUrl) {
        String separator = accessUrl.endsWith("?") || accessUrl.endsWith("&") ? ""
                : accessUrl.contains("?") ? "&" : "?";
        return accessUrl + separator + toQueryString();
    }

    private static double number(Map<String, String> p, String name) {
        String v = p.get(name);
        if (v == null || v.isBlank()) {
            throw new InvalidParameterException(name, name + " is required");
        }
        try {
            return Double.parseDouble(v.strip());
        } catch (NumberFormatException e) {
            throw new InvalidParameterException(name, name + " must be a number in degrees, got '" + v + "'");
        }
    }

    private static Map<String, String> upperCaseKeys(Map<String, String> parameters) {
        java.util.HashMap<String, String> upper = new java.util.HashMap<>();
        parameters.forEach((k, v) -> upper.put(k.toUpperCase(Locale.ROOT), v));
        return upper;
    }
}
