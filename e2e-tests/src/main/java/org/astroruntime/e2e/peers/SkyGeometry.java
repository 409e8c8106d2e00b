package org.astroruntime.e2e.peers;

import java.util.List;

/**
 * Spherical geometry for the image and table services, on unit vectors so that nothing breaks at RA 0/360 or at
 * the poles. Polygons have great-circle edges (what the TAN projection and DALI/STC polygons mean); they must lie
 * within an open hemisphere, which is checked where users supply them.
 */
final class SkyGeometry {

    /** A direction on the sky as a unit vector (x towards RA 0 Dec 0, z towards the north pole). */
    record Vec(double x, double y, double z) {

        static Vec of(double raDeg, double decDeg) {
            double ra = Math.toRadians(raDeg);
            double dec = Math.toRadians(decDeg);
            double c = Math.cos(dec);
            return new Vec(c * Math.cos(ra), c * Math.sin(ra), Math.sin(dec));
        }

        double dot(Vec o) {
            return x * o.x + y * o.y + z * o.z;
        }

        Vec cross(Vec o) {
            return new Vec(y * o.z - z * o.y, z * o.x - x * o.z, x * o.y - y * o.x);
        }

        Vec plus(Vec o) {
            return new Vec(x + o.x, y + o.y, z + o.z);
        }

        Vec times(double k) {
            return new Vec(x * k, y * k, z * k);
        }

        Vec negate() {
            return new Vec(-x, -y, -z);
        }

        double norm() {
            return Math.sqrt(x * x + y * y + z * z);
        }

        Vec unit() {
            double n = norm();
            return new Vec(x / n, y / n, z / n);
        }

        /** Right ascension in [0, 360). */
        double ra() {
            double ra = Math.toDegrees(Math.atan2(y, x));
            return ra < 0 ? ra + 360 : (ra >= 360 ? ra - 360 : ra);
        }

        double dec() {
            return Math.toDegrees(Math.asin(Math.max(-1, Math.min(1, z / norm()))));
        }
    }

    /** Great-circle distance in degrees (haversine, as {@link Source#distanceTo}: exact at small separations). */
    static double distance(double ra1, double dec1, double ra2, double dec2) {
        double p1 = Math.toRadians(dec1);
        double p2 = Math.toRadians(dec2);
        double dp = p2 - p1;
        double dl = Math.toRadians(ra2 - ra1);
        double h = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return Math.toDegrees(2 * Math.asin(Math.min(1, Math.sqrt(h))));
    }

    /** Angle between two unit vectors in degrees; atan2 keeps it accurate at all separations. */
    static double angle(Vec a, Vec b) {
        return Math.toDegrees(Math.atan2(a.cross(b).norm(), a.dot(b)));
    }

    /**
     * The tangent-plane basis at a position: unit vectors east and north (for the poles an arbitrary but fixed
     * orientation). Used for the TAN (gnomonic) projection, which maps great circles to straight lines.
     */
    record Tangent(Vec centre, Vec east, Vec north) {

        static Tangent at(double raDeg, double decDeg) {
            Vec c = Vec.of(raDeg, decDeg);
            double ra = Math.toRadians(raDeg);
            Vec east = new Vec(-Math.sin(ra), Math.cos(ra), 0);
            return new Tangent(c, east, c.cross(east));
        }

        /**
         * The point at intermediate world coordinates (x east, y north, degrees) as FITS TAN defines them: the
         * plane coordinates are {@code toRadians(x)}, {@code toRadians(y)} on the plane tangent at the centre.
         */
        Vec deproject(double xDeg, double yDeg) {
            return centre.plus(east.times(Math.toRadians(xDeg))).plus(north.times(Math.toRadians(yDeg))).unit();
        }

        /** Intermediate world coordinates (degrees) of a point, or null when it is on the far hemisphere. */
        double[] project(Vec p) {
            double d = p.dot(centre);
            if (d <= 1e-12) {
                return null;
            }
            return new double[] {Math.toDegrees(p.dot(east) / d), Math.toDegrees(p.dot(north) / d)};
        }
    }

    /**
     * A spherical polygon with great-circle edges, within an open hemisphere around {@link #centre}. Vertex order
     * does not matter for the tests below (inside is always the part within that hemisphere).
     */
    record Polygon(List<Vec> vertices, Vec centre) {

        static Polygon of(List<Vec> vertices) {
            Vec sum = new Vec(0, 0, 0);
            for (Vec v : vertices) {
                sum = sum.plus(v);
            }
            if (sum.norm() < 1e-9) {
                throw new IllegalArgumentException("the polygon does not fit in a hemisphere");
            }
            Vec c = sum.unit();
            for (Vec v : vertices) {
                if (v.dot(c) < 1e-9) {
                    throw new IllegalArgumentException("the polygon does not fit in a hemisphere");
                }
            }
            return new Polygon(List.copyOf(vertices), c);
        }

        /**
         * Whether a point is inside: it must be in the polygon's hemisphere and the polygon must wind around it.
         * The winding angle is summed in the point's own tangent plane, which is exact for edges shorter than 180°.
         */
        boolean contains(Vec p) {
            if (p.dot(centre) <= 0) {
                return false;
            }
            double total = 0;
            int n = vertices.size();
            for (int i = 0; i < n; i++) {
                Vec a = vertices.get(i);
                Vec b = vertices.get((i + 1) % n);
                Vec ta = a.plus(p.times(-a.dot(p)));
                Vec tb = b.plus(p.times(-b.dot(p)));
                if (ta.norm() < 1e-15 || tb.norm() < 1e-15) {
                    return true; // the point is a vertex
                }
                total += Math.atan2(ta.cross(tb).dot(p), ta.dot(tb));
            }
            return Math.abs(total) > Math.PI;
        }

        /** Exact overlap test: a vertex of one inside the other, or two edges crossing. */
        boolean intersects(Polygon o) {
            for (Vec v : vertices) {
                if (o.contains(v)) {
                    return true;
                }
            }
            for (Vec v : o.vertices) {
                if (contains(v)) {
                    return true;
                }
            }
            int n = vertices.size();
            int m = o.vertices.size();
            for (int i = 0; i < n; i++) {
                Vec a1 = vertices.get(i);
                Vec a2 = vertices.get((i + 1) % n);
                for (int j = 0; j < m; j++) {
                    if (arcsCross(a1, a2, o.vertices.get(j), o.vertices.get((j + 1) % m))) {
                        return true;
                    }
                }
            }
            return false;
        }

        /** Whether every vertex of {@code o} is inside this polygon (= containment when this polygon is convex). */
        boolean containsAllOf(Polygon o) {
            for (Vec v : o.vertices) {
                if (!contains(v)) {
                    return false;
                }
            }
            return true;
        }

        /** Whether the polygon comes within {@code radiusDeg} of a point (the circle and polygon overlap). */
        boolean intersectsCircle(Vec c, double radiusDeg) {
            if (contains(c)) {
                return true;
            }
            int n = vertices.size();
            for (int i = 0; i < n; i++) {
                if (arcDistance(c, vertices.get(i), vertices.get((i + 1) % n)) <= radiusDeg) {
                    return true;
                }
            }
            return false;
        }

        /** The vertices as "ra dec ra dec ..." (degrees), for s_region and FITS/DALI polygons. */
        String coordinates() {
            StringBuilder sb = new StringBuilder();
            for (Vec v : vertices) {
                if (!sb.isEmpty()) {
                    sb.append(' ');
                }
                sb.append(round(v.ra())).append(' ').append(round(v.dec()));
            }
            return sb.toString();
        }
    }

    private static String round(double d) {
        return Double.toString(Math.round(d * 1e7) / 1e7);
    }

    /** Whether great-circle arcs a1–a2 and b1–b2 (each shorter than 180°) have a point in common. */
    static boolean arcsCross(Vec a1, Vec a2, Vec b1, Vec b2) {
        Vec na = a1.cross(a2);
        Vec nb = b1.cross(b2);
        Vec x = na.cross(nb);
        if (x.norm() < 1e-15) {
            return false; // same great circle: overlapping collinear edges are caught by the vertex tests
        }
        x = x.unit();
        return (onArc(x, a1, a2, na) && onArc(x, b1, b2, nb)) || (onArc(x.negate(), a1, a2, na) && onArc(x.negate(), b1, b2, nb));
    }

    /** Whether a point of the great circle through a and b (normal n) lies between them. */
    private static boolean onArc(Vec p, Vec a, Vec b, Vec n) {
        return a.cross(p).dot(n) >= -1e-15 && p.cross(b).dot(n) >= -1e-15;
    }

    /** Distance in degrees from a point to the great-circle arc a–b. */
    static double arcDistance(Vec p, Vec a, Vec b) {
        Vec n = a.cross(b);
        if (n.norm() > 1e-15) {
            n = n.unit();
            Vec foot = p.plus(n.times(-p.dot(n)));
            if (foot.norm() > 1e-15) {
                foot = foot.unit();
                if (onArc(foot, a, b, n)) {
                    return Math.toDegrees(Math.asin(Math.min(1, Math.abs(p.dot(n)))));
                }
            }
        }
        return Math.min(angle(p, a), angle(p, b));
    }

    /**
     * An RA/Dec box as in SIA 2.0 {@code RANGE}: RA from {@code ra1} eastwards to {@code ra2} (through 0 when
     * ra1 > ra2), or all RA when {@code fullRa}; Dec between dec1 and dec2. Its RA edges are meridian arcs and its
     * Dec edges are parallels (small circles), so overlap with a polygon is solved exactly below.
     */
    record RaDecBox(double ra1, double ra2, boolean fullRa, double dec1, double dec2) {

        boolean contains(double ra, double dec) {
            return dec >= dec1 && dec <= dec2 && raIn(ra);
        }

        boolean raIn(double ra) {
            if (fullRa) {
                return true;
            }
            return ra1 <= ra2 ? ra >= ra1 && ra <= ra2 : ra >= ra1 || ra <= ra2;
        }

        /** Overlap with a polygon: a vertex inside, a box point inside the polygon, or an edge crossing. */
        boolean intersects(Polygon poly) {
            for (Vec v : poly.vertices()) {
                if (contains(v.ra(), v.dec())) {
                    return true;
                }
            }
            // Points of the box: its corners (a single point per pole), so a box inside the polygon is found.
            double[] ras = fullRa ? new double[] {0} : new double[] {ra1, ra2};
            for (double ra : ras) {
                for (double dec : new double[] {dec1, dec2}) {
                    if (poly.contains(Vec.of(ra, dec))) {
                        return true;
                    }
                }
            }
            List<Vec> vs = poly.vertices();
            int n = vs.size();
            for (int i = 0; i < n; i++) {
                Vec a = vs.get(i);
                Vec b = vs.get((i + 1) % n);
                if (!fullRa && (crossesMeridian(a, b, ra1) || crossesMeridian(a, b, ra2))) {
                    return true;
                }
                if (crossesParallel(a, b, dec1) || crossesParallel(a, b, dec2)) {
                    return true;
                }
            }
            return false;
        }

        /** Whether the arc a–b crosses this box's meridian edge at RA {@code ra} (split in two: arcs under 180°). */
        private boolean crossesMeridian(Vec a, Vec b, double ra) {
            double mid = (dec1 + dec2) / 2;
            Vec lo = Vec.of(ra, dec1);
            Vec m = Vec.of(ra, mid);
            Vec hi = Vec.of(ra, dec2);
            return arcsCross(a, b, lo, m) || arcsCross(a, b, m, hi);
        }

        /** Whether the arc a–b meets the parallel at {@code dec} at an RA inside the box. */
        private boolean crossesParallel(Vec a, Vec b, double dec) {
            if (Math.abs(dec) >= 90) {
                return false; // a pole: covered by the corner tests
            }
            // Points of the great circle: q(t) = a cos t + w sin t, t in [0, T]; solve q(t).z = sin(dec).
            double total = Math.toRadians(angle(a, b));
            Vec w = b.plus(a.times(-a.dot(b)));
            if (w.norm() < 1e-15) {
                return false;
            }
            w = w.unit();
            double r = Math.hypot(a.z(), w.z());
            double s = Math.sin(Math.toRadians(dec));
            if (r < 1e-15 || Math.abs(s) > r) {
                return false;
            }
            double phi = Math.atan2(w.z(), a.z());
            double delta = Math.acos(s / r);
            for (double t : new double[] {phi + delta, phi - delta}) {
                double u = t % (2 * Math.PI);
                if (u < 0) {
                    u += 2 * Math.PI;
                }
                if (u <= total + 1e-12) {
                    Vec q = a.times(Math.cos(u)).plus(w.times(Math.sin(u)));
                    if (raIn(q.ra())) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    private SkyGeometry() {
    }
}
