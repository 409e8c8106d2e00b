package org.astroruntime.query.cone;

import java.util.Map;
import java.util.Set;
import org.astroruntime.common.error.InvalidParameterException;
import org.astroruntime.query.protocol.ProtocolParameters;
import org.astroruntime.query.protocol.QueryProtocol;
import org.astroruntime.query.protocol.RemoteRequest;
import org.astroruntime.query.protocol.RequestParameters;

/**
 * The parameters of a Simple Cone Search 1.03 request, validated: ICRS position and search radius in decimal
 * degrees, and the optional column verbosity.
 *
 * @param ra   right ascension, 0 ≤ RA ≤ 360 (360 is read as 0)
 * @param dec  declination, −90 ≤ DEC ≤ 90
 * @param sr   search radius, 0 < SR ≤ 180
 * @param verb column verbosity 1..3, or null for the service's default
 */
public record ConeParameters(double ra, double dec, double sr, Integer verb) implements ProtocolParameters {

    private static final Set<String> KNOWN = Set.of("RA", "DEC", "SR", "VERB", "RUNID");

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
        RequestParameters p = RequestParameters.of(parameters, "cone search", KNOWN);
        return new ConeParameters(degrees(p, "RA"), degrees(p, "DEC"), degrees(p, "SR"), p.integer("VERB", 1, 3));
    }

    @Override
    public QueryProtocol protocol() {
        return QueryProtocol.CONE;
    }

    @Override
    public RemoteRequest request(String accessUrl) {
        return RemoteRequest.get(accessUrl, toQueryString());
    }

    @Override
    public String canonical(String accessUrl) {
        return "cone " + accessUrl + " RA=" + ProtocolParameters.rounded(ra) + " DEC=" + ProtocolParameters.rounded(dec)
                + " SR=" + ProtocolParameters.rounded(sr) + " VERB=" + verb;
    }

    /** The query string to append to a service's base URL, e.g. {@code RA=180.0&DEC=2.0&SR=0.5}. */
    public String toQueryString() {
        String q = "RA=" + ra + "&DEC=" + dec + "&SR=" + sr;
        return verb == null ? q : q + "&VERB=" + verb;
    }

    private static double degrees(RequestParameters p, String name) {
        String v = p.required(name);
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new InvalidParameterException(name, name + " must be a number in degrees, got '" + v + "'");
        }
    }
}
