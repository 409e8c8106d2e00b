package org.astroruntime.e2e.peers;

/**
 * One catalogue entry.
 *
 * @param id   source name
 * @param ra   right ascension, degrees (ICRS)
 * @param dec  declination, degrees (ICRS)
 * @param vmag V magnitude
 * @param bv   B−V colour
 */
public record Source(String id, double ra, double dec, double vmag, double bv) {

    /** Great-circle distance to a position, in degrees (haversine: exact near 0 and at small separations). */
    public double distanceTo(double ra2, double dec2) {
        double p1 = Math.toRadians(dec);
        double p2 = Math.toRadians(dec2);
        double dp = p2 - p1;
        double dl = Math.toRadians(ra2 - ra);
        double h = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return Math.toDegrees(2 * Math.asin(Math.min(1, Math.sqrt(h))));
    }
}
