package org.astroruntime.query.sia;

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
 * A Simple Image Access 1.0 query, validated: {@code POS=ra,dec} and {@code SIZE=s} or {@code SIZE=w,h} in ICRS
 * degrees, with the optional {@code FORMAT}, {@code INTERSECT} and {@code VERB}.
 *
 * @param ra        right ascension of the centre, 0..360
 * @param dec       declination of the centre, -90..90
 * @param width     size in RA (degrees; 0 means "images containing POS")
 * @param height    size in Dec (degrees)
 * @param format    the FORMAT constraint as given (e.g. {@code image/fits}, {@code ALL}), or null
 * @param intersect COVERS, ENCLOSED, CENTER or OVERLAPS, or null for the service's default (OVERLAPS)
 * @param verb      column verbosity 0..3, or null
 */
public record Sia1Parameters(double ra, double dec, double width, double height, String format, String intersect,
                             Integer verb) implements ProtocolParameters {

    private static final Set<String> KNOWN = Set.of("POS", "SIZE", "FORMAT", "INTERSECT", "VERB", "RUNID");
    private static final Set<String> INTERSECTS = Set.of("COVERS", "ENCLOSED", "CENTER", "OVERLAPS");

    public Sia1Parameters {
        if (!(ra >= 0 && ra <= 360)) {
            throw new InvalidParameterException("POS", "POS: RA must be between 0 and 360 degrees, got " + ra);
        }
        if (!(dec >= -90 && dec <= 90)) {
            throw new InvalidParameterException("POS", "POS: Dec must be between -90 and 90 degrees, got " + dec);
        }
        if (!(width >= 0 && width <= 360) || !(height >= 0 && height <= 180)) {
            throw new InvalidParameterException("SIZE", "SIZE must be 0 to 360 degrees wide and 0 to 180 high, got "
                    + width + "," + height);
        }
        if (intersect != null && !INTERSECTS.contains(intersect)) {
            throw new InvalidParameterException("INTERSECT", "INTERSECT must be one of " + INTERSECTS + ", got " + intersect);
        }
        if (format != null && !format.matches("[A-Za-z0-9+./*,-]{1,200}")) {
            throw new InvalidParameterException("FORMAT", "FORMAT must be a list of MIME types or ALL, GRAPHIC, METADATA");
        }
        ra = ra == 360 ? 0 : ra;
    }

    /** Reads POS, SIZE, FORMAT, INTERSECT and VERB (names case-insensitive). */
    public static Sia1Parameters from(Map<String, String> parameters) {
        RequestParameters p = RequestParameters.of(parameters, "SIA 1.0", KNOWN);
        String[] pos = p.required("POS").split(",");
        if (pos.length != 2) {
            throw new InvalidParameterException("POS", "POS must be 'ra,dec' in degrees, got '" + p.required("POS") + "'");
        }
        String[] size = p.required("SIZE").split(",");
        if (size.length > 2) {
            throw new InvalidParameterException("SIZE", "SIZE must be one or two numbers in degrees");
        }
        double w = RequestParameters.number("SIZE", size[0].strip());
        double h = size.length == 2 ? RequestParameters.number("SIZE", size[1].strip()) : w;
        String intersect = p.optional("INTERSECT");
        return new Sia1Parameters(RequestParameters.number("POS", pos[0].strip()),
                RequestParameters.number("POS", pos[1].strip()), w, h, p.optional("FORMAT"),
                intersect == null ? null : intersect.toUpperCase(java.util.Locale.ROOT), p.integer("VERB", 0, 3));
    }

    @Override
    public QueryProtocol protocol() {
        return QueryProtocol.SIA1;
    }

    @Override
    public String canonical(String accessUrl) {
        return "sia1 " + accessUrl + " POS=" + ProtocolParameters.rounded(ra) + "," + ProtocolParameters.rounded(dec)
                + " SIZE=" + ProtocolParameters.rounded(width) + "," + ProtocolParameters.rounded(height)
                + " FORMAT=" + format + " INTERSECT=" + intersect + " VERB=" + verb;
    }

    @Override
    public RemoteRequest request(String accessUrl) {
        Map<String, String> q = new TreeMap<>();
        q.put("POS", ra + "," + dec);
        q.put("SIZE", width == height ? String.valueOf(width) : width + "," + height);
        if (format != null) {
            q.put("FORMAT", format);
        }
        if (intersect != null) {
            q.put("INTERSECT", intersect);
        }
        if (verb != null) {
            q.put("VERB", verb.toString());
        }
        return RemoteRequest.get(accessUrl, FormEncoding.encode(q));
    }
}
