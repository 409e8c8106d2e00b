package org.astroruntime.query.sia;

import java.util.Locale;
import org.astroruntime.common.error.InvalidParameterException;
import org.astroruntime.query.protocol.RequestParameters;

/** Checks of SIA 2.0 / DALI geometry and interval values. */
final class SiaGeometry {

    private SiaGeometry() {
    }

    /**
     * Checks a {@code POS} value ({@code CIRCLE ra dec r}, {@code RANGE ra1 ra2 dec1 dec2},
     * {@code POLYGON ra1 dec1 ra2 dec2 ra3 dec3 ...}) and returns it with single spaces and the shape upper-case.
     */
    static String normalisePos(String pos) {
        String[] t = pos.strip().split("\\s+");
        String shape = t[0].toUpperCase(Locale.ROOT);
        switch (shape) {
            case "CIRCLE" -> {
                expect(t, 4, "CIRCLE ra dec radius");
                ra(t[1]);
                dec(t[2]);
                double r = RequestParameters.number("POS", t[3]);
                if (!(r > 0 && r <= 180)) {
                    throw new InvalidParameterException("POS", "POS: the CIRCLE radius must be more than 0 and at most 180, got " + t[3]);
                }
            }
            case "RANGE" -> {
                expect(t, 5, "RANGE ra1 ra2 dec1 dec2");
                double ra1 = bounded(t[1], 0, 360);
                double ra2 = bounded(t[2], 0, 360);
                double dec1 = bounded(t[3], -90, 90);
                double dec2 = bounded(t[4], -90, 90);
                if (ra1 > ra2 || dec1 > dec2) {
                    throw new InvalidParameterException("POS", "POS: RANGE bounds must be given low then high");
                }
            }
            case "POLYGON" -> {
                if (t.length < 7 || t.length % 2 == 0) {
                    throw new InvalidParameterException("POS", "POS: POLYGON needs at least three ra dec pairs");
                }
                for (int i = 1; i < t.length; i += 2) {
                    ra(t[i]);
                    dec(t[i + 1]);
                }
            }
            default -> throw new InvalidParameterException("POS", "POS must start with CIRCLE, RANGE or POLYGON, got '"
                    + t[0] + "'");
        }
        t[0] = shape;
        return String.join(" ", t);
    }

    /** A number or {@code -Inf}/{@code +Inf}, as DALI intervals allow. */
    static double bound(String name, String text) {
        String s = text.strip();
        if (s.equalsIgnoreCase("-Inf")) {
            return Double.NEGATIVE_INFINITY;
        }
        if (s.equalsIgnoreCase("+Inf") || s.equalsIgnoreCase("Inf")) {
            return Double.POSITIVE_INFINITY;
        }
        return RequestParameters.number(name, s);
    }

    private static void expect(String[] tokens, int n, String form) {
        if (tokens.length != n) {
            throw new InvalidParameterException("POS", "POS must be '" + form + "'");
        }
    }

    private static void ra(String text) {
        double v = RequestParameters.number("POS", text);
        if (!(v >= 0 && v <= 360)) {
            throw new InvalidParameterException("POS", "POS: RA must be between 0 and 360, got " + text);
        }
    }

    private static void dec(String text) {
        double v = RequestParameters.number("POS", text);
        if (!(v >= -90 && v <= 90)) {
            throw new InvalidParameterException("POS", "POS: Dec must be between -90 and 90, got " + text);
        }
    }

    private static double bounded(String text, double min, double max) {
        double v = bound("POS", text);
        if (Double.isFinite(v) && (v < min || v > max)) {
            throw new InvalidParameterException("POS", "POS: " + text + " is outside " + min + ".." + max);
        }
        return v;
    }
}
