package org.astroruntime.e2e.peers;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Renders an {@link ImageRecord} as a small single-HDU FITS file (BITPIX 16, TAN WCS): a flat background with
 * deterministic noise, and the catalogue's stars drawn as Gaussians where the WCS puts them, so that source
 * extraction on a download finds the catalogue again. Header and data are padded to 2880-byte blocks.
 */
final class FitsImage {

    static final int BLOCK = 2880;
    private static final double MJD_UNIX_EPOCH = 40587.0;

    /** The header cards (80 characters each, END included). */
    static List<String> header(ImageRecord r) {
        List<String> cards = new ArrayList<>();
        cards.add(logical("SIMPLE", true, "conforms to FITS standard"));
        cards.add(integer("BITPIX", 16, "16-bit signed integers"));
        cards.add(integer("NAXIS", r.naxes(), "number of data axes"));
        cards.add(integer("NAXIS1", r.naxis1(), "pixels along RA"));
        cards.add(integer("NAXIS2", r.naxis2(), "pixels along Dec"));
        if (r.naxes() == 3) {
            cards.add(integer("NAXIS3", r.naxis3(), "STOKES".equals(r.axis3()) ? "polarization planes" : "spectral planes"));
        }
        cards.add(string("BUNIT", "adu", "pixel unit"));
        cards.add(string("ORIGIN", "AstroRuntime e2e peers", "synthetic data"));
        cards.add(string("OBS_ID", r.obsId(), "observation identifier"));
        cards.add(string("OBJECT", r.targetName(), "target"));
        cards.add(string("TELESCOP", r.facility(), "facility"));
        cards.add(string("INSTRUME", r.instrument(), "instrument"));
        cards.add(string("FILTER", r.band(), "filter"));
        cards.add(string("DATE-OBS", isoDate(r.tMin()), "exposure start (UTC)"));
        cards.add(real("MJD-OBS", r.tMin(), "exposure start (MJD)"));
        cards.add(real("EXPTIME", r.exptime(), "[s] exposure time"));
        cards.add(integer("WCSAXES", r.naxes(), "WCS dimensionality"));
        cards.add(string("RADESYS", "ICRS", "celestial frame"));
        cards.add(string("CTYPE1", "RA---TAN", "gnomonic projection"));
        cards.add(string("CTYPE2", "DEC--TAN", "gnomonic projection"));
        cards.add(string("CUNIT1", "deg", ""));
        cards.add(string("CUNIT2", "deg", ""));
        cards.add(real("CRPIX1", r.naxis1() / 2.0 + 0.5, "reference pixel: the field centre"));
        cards.add(real("CRPIX2", r.naxis2() / 2.0 + 0.5, "reference pixel: the field centre"));
        cards.add(real("CRVAL1", r.ra(), "[deg] RA at the reference pixel"));
        cards.add(real("CRVAL2", r.dec(), "[deg] Dec at the reference pixel"));
        cards.add(real("CDELT1", -r.pixelScale(), "[deg] RA increases to the left"));
        cards.add(real("CDELT2", r.pixelScale(), "[deg]"));
        if ("WAVE".equals(r.axis3())) {
            double step = (r.emMax() - r.emMin()) / r.naxis3();
            cards.add(string("CTYPE3", "WAVE", "wavelength"));
            cards.add(string("CUNIT3", "m", ""));
            cards.add(real("CRPIX3", 1, ""));
            cards.add(real("CRVAL3", r.emMin() + step / 2, "[m] centre of the first plane"));
            cards.add(real("CDELT3", step, "[m]"));
        } else if ("STOKES".equals(r.axis3())) {
            cards.add(string("CTYPE3", "STOKES", "1=I 2=Q 3=U"));
            cards.add(real("CRPIX3", 1, ""));
            cards.add(real("CRVAL3", r.polStates().startsWith("/I/") ? 1 : 2, ""));
            cards.add(real("CDELT3", 1, ""));
        }
        cards.add(comment("Synthetic image for the AstroRuntime end-to-end tests."));
        cards.add(pad("END"));
        return cards;
    }

    /** Header card counts by data shape (only the shape changes the number of cards, never the values). */
    private static final Map<String, Integer> CARDS = new ConcurrentHashMap<>();

    /** The file's size, without rendering the pixels. */
    static long size(ImageRecord r) {
        int cards = CARDS.computeIfAbsent(r.naxes() + "/" + r.axis3(), k -> header(r).size());
        long headerBytes = padded(cards * 80L);
        long dataBytes = padded(2L * r.naxis1() * r.naxis2() * Math.max(1, r.naxis3()));
        return headerBytes + dataBytes;
    }

    private static long padded(long n) {
        return (n + BLOCK - 1) / BLOCK * BLOCK;
    }

    /** The complete file. {@code stars} are those near the field; those outside the pixel grid are skipped. */
    static byte[] render(ImageRecord r, List<Source> stars) {
        int n1 = r.naxis1();
        int n2 = r.naxis2();
        int planes = Math.max(1, r.naxis3());
        double[] base = new double[n1 * n2];
        SkyGeometry.Tangent t = SkyGeometry.Tangent.at(r.ra(), r.dec());
        double crpix1 = n1 / 2.0 + 0.5;
        double crpix2 = n2 / 2.0 + 0.5;
        double sigma = Math.max(0.8, r.resolution() / 3600 / r.pixelScale() / 2.355);
        int reach = (int) Math.ceil(5 * sigma);
        for (Source s : stars) {
            double[] xy = t.project(SkyGeometry.Vec.of(s.ra(), s.dec()));
            if (xy == null) {
                continue;
            }
            // FITS pixel coordinates (1-based) from intermediate world coordinates, then 0-based array indices.
            double px = crpix1 + xy[0] / -r.pixelScale() - 1;
            double py = crpix2 + xy[1] / r.pixelScale() - 1;
            if (px < -reach || py < -reach || px > n1 + reach || py > n2 + reach) {
                continue;
            }
            double peak = 20000 * Math.pow(10, -0.4 * (s.vmag() - 9));
            for (int j = Math.max(0, (int) py - reach); j <= Math.min(n2 - 1, (int) py + reach); j++) {
                for (int i = Math.max(0, (int) px - reach); i <= Math.min(n1 - 1, (int) px + reach); i++) {
                    double d2 = (i - px) * (i - px) + (j - py) * (j - py);
                    base[j * n1 + i] += peak * Math.exp(-d2 / (2 * sigma * sigma));
                }
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) size(r));
        StringBuilder head = new StringBuilder();
        for (String card : header(r)) {
            head.append(card);
        }
        while (head.length() % BLOCK != 0) {
            head.append(' ');
        }
        out.writeBytes(head.toString().getBytes(StandardCharsets.US_ASCII));
        // Noise seeded by the obs_id (String.hashCode is specified), so every download is byte-identical.
        Random noise = new Random(r.obsId().hashCode());
        ByteBuffer data = ByteBuffer.allocate((int) padded(2L * n1 * n2 * planes)); // big-endian, zero padded
        for (int k = 0; k < planes; k++) {
            boolean polarized = "STOKES".equals(r.axis3()) && !(k == 0 && r.polStates().startsWith("/I/"));
            double sky = polarized ? 0 : 1000;
            double gain = polarized ? 0.03 * (k % 2 == 0 ? 1 : -1) : 1 - 0.1 * k;
            for (int p = 0; p < n1 * n2; p++) {
                double v = sky + gain * base[p] + noise.nextGaussian() * 10;
                data.putShort((short) Math.max(-32768, Math.min(32767, Math.round(v))));
            }
        }
        out.writeBytes(data.array());
        return out.toByteArray();
    }

    private static String isoDate(double mjd) {
        long millis = Math.round((mjd - MJD_UNIX_EPOCH) * 86_400_000L);
        String iso = Instant.ofEpochMilli(millis).truncatedTo(ChronoUnit.MILLIS).toString();
        return iso.endsWith("Z") ? iso.substring(0, iso.length() - 1) : iso;
    }

    private static String keyword(String k) {
        return String.format("%-8s= ", k);
    }

    private static String logical(String k, boolean v, String comment) {
        return pad(keyword(k) + String.format("%20s", v ? "T" : "F") + " / " + comment);
    }

    private static String integer(String k, long v, String comment) {
        return pad(keyword(k) + String.format("%20d", v) + " / " + comment);
    }

    /** Fixed-format real: plain decimal with a point, at most 14 significant digits (fits the 20 columns). */
    private static String real(String k, double v, String comment) {
        String s = new BigDecimal(v).round(new MathContext(14)).stripTrailingZeros().toPlainString();
        if (s.indexOf('.') < 0) {
            s += ".0";
        }
        if (s.length() > 20) {
            s = String.format(java.util.Locale.ROOT, "%.12E", v);
        }
        return pad(keyword(k) + String.format("%20s", s) + (comment.isEmpty() ? "" : " / " + comment));
    }

    private static String string(String k, String v, String comment) {
        String quoted = "'" + String.format("%-8s", v.replace("'", "''")) + "'";
        String card = keyword(k) + String.format("%-20s", quoted);
        return pad(comment.isEmpty() ? card : card + " / " + comment);
    }

    private static String comment(String text) {
        return pad("COMMENT " + text);
    }

    /** Pads (or cuts) a card to 80 ASCII characters. */
    private static String pad(String card) {
        StringBuilder sb = new StringBuilder(80);
        for (char ch : card.toCharArray()) {
            sb.append(ch >= 0x20 && ch < 0x7f ? ch : '?');
        }
        while (sb.length() < 80) {
            sb.append(' ');
        }
        return sb.substring(0, 80);
    }

    private FitsImage() {
    }
}
