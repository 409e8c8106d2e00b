package org.astroruntime.e2e.peers;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * A deterministic archive of synthetic images for the SIA and TAP peers: {@link #demo(Catalogue)} always makes the
 * same 2,000 records (fixed seed; {@link Random} is specified to be reproducible across JVMs), 60 % pointed at
 * catalogue stars, which then lie inside the field (so image and cone searches meet), the rest spread uniformly over the catalogue's Dec range.
 *
 * <p>Three collections: {@code ARS-WIDE} (Schmidt, U B V R I, 0.6–1.0°), {@code ARS-DEEP} (4 m, B V R I,
 * 0.1–0.35°, with some polarimetry cubes, pol_states {@code /Q/U/} or {@code /I/Q/U/}, and some {@code /I/}
 * images) and {@code ARS-IR} (2.2 m, J H K, 0.1–0.3°, with some 4-plane spectral cubes). Every record can be
 * downloaded as FITS from {@code /images/{obs_id}.fits} once {@link #install(HttpServer)} has run.
 */
public final class ImageArchive {

    /** Number of records in {@link #demo(Catalogue)}. */
    public static final int DEMO_SIZE = 2000;
    /** Seed of {@link #demo(Catalogue)}. */
    public static final long DEMO_SEED = 20_240_611L;
    /** Publisher DID authority and path; obs_publisher_did = this + "?" + obs_id. */
    public static final String DID_BASE = "ivo://astroruntime.e2e/images";

    /** Filter bands: name, em_min, em_max (metres). */
    static final Map<String, double[]> BANDS = new LinkedHashMap<>();

    static {
        BANDS.put("U", new double[] {3.2e-7, 4.0e-7});
        BANDS.put("B", new double[] {3.9e-7, 4.9e-7});
        BANDS.put("V", new double[] {5.0e-7, 5.9e-7});
        BANDS.put("R", new double[] {5.7e-7, 7.2e-7});
        BANDS.put("I", new double[] {7.0e-7, 9.0e-7});
        BANDS.put("J", new double[] {1.10e-6, 1.40e-6});
        BANDS.put("H", new double[] {1.50e-6, 1.80e-6});
        BANDS.put("K", new double[] {2.00e-6, 2.40e-6});
    }

    private final List<ImageRecord> images;
    private final Map<String, ImageRecord> byId = new LinkedHashMap<>();
    private final Catalogue stars;

    /**
     * An archive over given records.
     *
     * @param images the records (obs_id must be unique)
     * @param stars  the catalogue drawn into downloads, or null for star-less images
     */
    public ImageArchive(List<ImageRecord> images, Catalogue stars) {
        this.images = List.copyOf(images);
        this.stars = stars;
        for (ImageRecord r : this.images) {
            if (byId.put(r.obsId(), r) != null) {
                throw new IllegalArgumentException("duplicate obs_id " + r.obsId());
            }
        }
    }

    /** The suite's archive: {@value #DEMO_SIZE} records over the catalogue's sky, seed {@value #DEMO_SEED}. */
    public static ImageArchive demo(Catalogue catalogue) {
        return generate(catalogue, DEMO_SIZE, DEMO_SEED);
    }

    /** A deterministic archive of {@code count} records; the same arguments give the same records. */
    public static ImageArchive generate(Catalogue catalogue, int count, long seed) {
        Random rnd = new Random(seed);
        List<Source> sources = catalogue.sources();
        double minDec = -87;
        double maxDec = 87;
        if (!sources.isEmpty()) {
            minDec = sources.stream().mapToDouble(Source::dec).min().orElse(-87);
            maxDec = sources.stream().mapToDouble(Source::dec).max().orElse(87);
        }
        List<ImageRecord> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(make(i, rnd, sources, minDec, maxDec));
        }
        return new ImageArchive(out, catalogue);
    }

    private static ImageRecord make(int i, Random rnd, List<Source> sources, double minDec, double maxDec) {
        double pick = rnd.nextDouble();
        String collection;
        String facility;
        String instrument;
        String[] filters;
        int[] sizes;
        double fovLo;
        double fovHi;
        double expLo;
        double expHi;
        double seeingLo;
        double seeingHi;
        String prefix;
        if (pick < 0.45) {
            collection = "ARS-WIDE";
            facility = "ARS Schmidt 1.2m";
            instrument = "WFC";
            filters = new String[] {"U", "B", "V", "R", "I"};
            sizes = new int[] {128, 192, 256};
            fovLo = 0.6;
            fovHi = 1.0;
            expLo = 30;
            expHi = 300;
            seeingLo = 1.5;
            seeingHi = 3.0;
            prefix = "wide";
        } else if (pick < 0.8) {
            collection = "ARS-DEEP";
            facility = "ARS 4.0m";
            instrument = "DCam";
            filters = new String[] {"B", "V", "R", "I"};
            sizes = new int[] {64, 96, 128};
            fovLo = 0.1;
            fovHi = 0.35;
            expLo = 300;
            expHi = 1800;
            seeingLo = 0.6;
            seeingHi = 1.2;
            prefix = "deep";
        } else {
            collection = "ARS-IR";
            facility = "ARS 2.2m";
            instrument = "IRCam";
            filters = new String[] {"J", "H", "K"};
            sizes = new int[] {64, 128};
            fovLo = 0.1;
            fovHi = 0.3;
            expLo = 10;
            expHi = 120;
            seeingLo = 0.8;
            seeingHi = 1.5;
            prefix = "ir";
        }
        String band = filters[rnd.nextInt(filters.length)];
        int naxis1 = sizes[rnd.nextInt(sizes.length)];
        int naxis2 = rnd.nextInt(4) == 0 ? sizes[rnd.nextInt(sizes.length)] : naxis1;
        double fov = fovLo + rnd.nextDouble() * (fovHi - fovLo);
        // Position: near a catalogue star (its name is the target) or anywhere in the catalogue's Dec range.
        double ra;
        double dec;
        String target;
        if (!sources.isEmpty() && rnd.nextDouble() < 0.6) {
            Source s = sources.get(rnd.nextInt(sources.size()));
            double angle = rnd.nextDouble() * 2 * Math.PI;
            double offset = rnd.nextDouble() * 0.35 * fov * Math.min(naxis1, naxis2) / Math.max(naxis1, naxis2); // stays inside
            SkyGeometry.Vec v = SkyGeometry.Tangent.at(s.ra(), s.dec())
                    .deproject(offset * Math.cos(angle), offset * Math.sin(angle));
            ra = v.ra();
            dec = v.dec();
            target = s.id();
        } else {
            double lo = Math.sin(Math.toRadians(minDec));
            double hi = Math.sin(Math.toRadians(maxDec));
            dec = Math.toDegrees(Math.asin(lo + rnd.nextDouble() * (hi - lo)));
            ra = rnd.nextDouble() * 360;
            target = String.format(Locale.ROOT, "ARSF %03d%+03d", (int) ra, (int) Math.round(dec));
        }
        ra = Math.round(ra * 1e6) / 1e6;
        dec = Math.round(dec * 1e6) / 1e6;
        double scale = Math.round(fov / Math.max(naxis1, naxis2) * 1e8) / 1e8;
        double exptime = Math.round(expLo + rnd.nextDouble() * (expHi - expLo));
        double tMin = Math.round((58000 + rnd.nextDouble() * 2000) * 1e5) / 1e5;
        double tMax = tMin + exptime / 86400;
        double seeing = seeingLo + rnd.nextDouble() * (seeingHi - seeingLo);
        double resolution = Math.round(Math.max(seeing, 2 * scale * 3600) * 100) / 100.0;
        int calib = 1 + rnd.nextInt(3);
        double variant = rnd.nextDouble();
        String dptype = "image";
        String polStates = null;
        int naxis3 = 1;
        String axis3 = null;
        double[] em = BANDS.get(band);
        if (collection.equals("ARS-DEEP") && variant < 0.15) {
            instrument = "DPol";
            dptype = "cube";
            polStates = variant < 0.08 ? "/Q/U/" : "/I/Q/U/";
            naxis3 = polStates.equals("/Q/U/") ? 2 : 3;
            axis3 = "STOKES";
            calib = 2 + rnd.nextInt(2);
        } else if (collection.equals("ARS-DEEP") && variant < 0.3) {
            polStates = "/I/";
        } else if (collection.equals("ARS-IR") && variant < 0.25) {
            instrument = "IRIFU";
            dptype = "cube";
            naxis3 = 4;
            axis3 = "WAVE";
            calib = 2 + rnd.nextInt(2);
        }
        String obsId = String.format(Locale.ROOT, "%s-%05d", prefix, i);
        ImageRecord draft = new ImageRecord(obsId, collection, facility, instrument, target, ra, dec, naxis1, naxis2,
                naxis3, axis3, scale, band, em[0], em[1], tMin, tMax, exptime, polStates, calib, dptype, resolution, 0);
        return new ImageRecord(obsId, collection, facility, instrument, target, ra, dec, naxis1, naxis2, naxis3, axis3,
                scale, band, em[0], em[1], tMin, tMax, exptime, polStates, calib, dptype, resolution,
                FitsImage.size(draft));
    }

    /** All records, in obs_id creation order. */
    public List<ImageRecord> images() {
        return images;
    }

    public Optional<ImageRecord> find(String obsId) {
        return Optional.ofNullable(byId.get(obsId));
    }

    /** The FITS file of a record, rendered on demand (deterministic bytes). */
    public byte[] fits(ImageRecord r) {
        List<Source> near = stars == null ? Collections.emptyList()
                : stars.cone(r.ra(), r.dec(), r.fovDiameter() / 2 + 0.01);
        return FitsImage.render(r, near);
    }

    /** Download URL of a record. */
    public static String accessUrl(String publicBase, ImageRecord r) {
        return publicBase + "/images/" + r.obsId() + ".fits";
    }

    /** obs_publisher_did of a record. */
    public static String publisherDid(ImageRecord r) {
        return DID_BASE + "?" + r.obsId();
    }

    /** Serves {@code GET|HEAD /images/{obs_id}.fits} with Content-Length; unknown names get 404. */
    public void install(HttpServer server) {
        server.createContext("/images/", this::download);
    }

    private void download(HttpExchange ex) throws IOException {
        try (ex) {
            if (!ex.getRequestMethod().equals("GET") && !ex.getRequestMethod().equals("HEAD")) {
                Http.methodNotAllowed(ex, "GET, HEAD");
                return;
            }
            String path = ex.getRequestURI().getPath();
            String name = path.substring("/images/".length());
            ImageRecord r = name.endsWith(".fits") ? byId.get(name.substring(0, name.length() - 5)) : null;
            if (r == null) {
                Http.text(ex, 404, "no image " + name + " here\n");
                return;
            }
            ex.getResponseHeaders().set("Content-Disposition", "inline; filename=\"" + r.obsId() + ".fits\"");
            Http.send(ex, 200, "image/fits", fits(r));
        }
    }
}
