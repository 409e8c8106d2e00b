package org.astroruntime.e2e.peers;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * A Simple Image Access 1.0 image query service over an {@link ImageArchive} at {@code /sia1}.
 *
 * <p>{@code POS=ra,dec} (required unless FORMAT=METADATA) and {@code SIZE=s} or {@code SIZE=w,h} (required,
 * degrees) define the region of interest: for sizes under 180° the rectangle w × h centred on POS in the plane
 * tangent at POS (its edges are great circles, w and h are the angular widths through POS along RA and Dec); for
 * larger sizes an RA/Dec box (POS ± w/2 in RA, ± h/2 in Dec). {@code SIZE=0} selects images containing POS.
 * {@code INTERSECT}: COVERS (the image contains the whole region), ENCLOSED (the image lies inside it), CENTER
 * (the image contains POS), OVERLAPS (default: they share any point); all computed exactly with great-circle
 * footprints except ENCLOSED/COVERS on the large RA/Dec boxes (corner tests). {@code FORMAT}: ALL (default),
 * image/fits, GRAPHIC (none here), METADATA (PARAMs and FIELDs, no rows). {@code VERB} 0..3 (default 1) chooses
 * the columns. Errors: HTTP 200 with QUERY_STATUS=ERROR, naming the parameter, as SIA 1.0 says.
 */
public final class Sia1Endpoint {

    static final String MIME = "text/xml;content=x-votable;charset=UTF-8";

    private final ImageArchive archive;
    private final String publicBase;

    private Sia1Endpoint(ImageArchive archive, String publicBase) {
        this.archive = archive;
        this.publicBase = publicBase;
    }

    /** Adds {@code /sia1} to a server. */
    public static void install(HttpServer server, ImageArchive archive, String publicBase) {
        Sia1Endpoint e = new Sia1Endpoint(archive, publicBase);
        server.createContext("/sia1", e::handle);
    }

    /** A SIA 1.0 output column and how to get its value. */
    private record Col(ColumnDef def, int verb, java.util.function.Function<ImageRecord, Object> value) {
    }

    private List<Col> columns() {
        List<Col> c = new ArrayList<>();
        c.add(new Col(ColumnDef.of("title", "char", "*", null, "VOX:Image_Title", "Image title"), 0,
                r -> r.collection() + " " + r.band() + " " + r.targetName() + " (" + r.obsId() + ")"));
        c.add(new Col(ColumnDef.of("ra", "double", null, "deg", "POS_EQ_RA_MAIN", "Image centre RA (ICRS)"), 0, ImageRecord::ra));
        c.add(new Col(ColumnDef.of("dec", "double", null, "deg", "POS_EQ_DEC_MAIN", "Image centre Dec (ICRS)"), 0, ImageRecord::dec));
        c.add(new Col(ColumnDef.of("naxes", "int", null, null, "VOX:Image_Naxes", "Number of image axes"), 0, ImageRecord::naxes));
        c.add(new Col(ColumnDef.of("naxis", "int", "*", "pix", "VOX:Image_Naxis", "Length of each axis"), 0,
                r -> r.naxes() == 3 ? new int[] {r.naxis1(), r.naxis2(), r.naxis3()} : new int[] {r.naxis1(), r.naxis2()}));
        c.add(new Col(ColumnDef.of("scale", "double", "*", "deg/pix", "VOX:Image_Scale", "Scale of the two spatial axes"), 0,
                r -> new double[] {r.pixelScale(), r.pixelScale()}));
        c.add(new Col(ColumnDef.of("format", "char", "*", null, "VOX:Image_Format", "MIME type of the file"), 0, r -> "image/fits"));
        c.add(new Col(ColumnDef.of("access_url", "char", "*", null, "VOX:Image_AccessReference", "Download URL"), 0,
                r -> ImageArchive.accessUrl(publicBase, r)));
        c.add(new Col(ColumnDef.of("mjd_obs", "double", null, "d", "VOX:Image_MJDateObs", "Exposure start (MJD)"), 1, ImageRecord::tMin));
        c.add(new Col(ColumnDef.of("filesize", "long", null, "byte", "VOX:Image_FileSize", "File size"), 1, ImageRecord::fileSize));
        c.add(new Col(ColumnDef.of("instrument", "char", "*", null, "INST_ID", "Instrument"), 1, ImageRecord::instrument));
        c.add(new Col(ColumnDef.of("bandpass_id", "char", "*", null, "VOX:BandPass_ID", "Filter"), 1, ImageRecord::band));
        c.add(new Col(ColumnDef.of("bandpass_unit", "char", "*", null, "VOX:BandPass_Unit", "Unit of the band limits"), 1, r -> "m"));
        c.add(new Col(ColumnDef.of("bandpass_refvalue", "double", null, "m", "VOX:BandPass_RefValue", "Central wavelength"), 1,
                r -> (r.emMin() + r.emMax()) / 2));
        c.add(new Col(ColumnDef.of("bandpass_lolimit", "double", null, "m", "VOX:BandPass_LoLimit", "Shortest wavelength"), 1,
                ImageRecord::emMin));
        c.add(new Col(ColumnDef.of("bandpass_hilimit", "double", null, "m", "VOX:BandPass_HiLimit", "Longest wavelength"), 1,
                ImageRecord::emMax));
        c.add(new Col(ColumnDef.of("crs", "char", "*", null, "VOX:STC_CoordRefFrame", "Celestial frame"), 2, r -> "ICRS"));
        c.add(new Col(ColumnDef.of("equinox", "double", null, "yr", "VOX:STC_CoordEquinox", "Equinox"), 2, r -> 2000.0));
        c.add(new Col(ColumnDef.of("proj", "char", "*", null, "VOX:WCS_CoordProjection", "WCS projection"), 2, r -> "TAN"));
        c.add(new Col(ColumnDef.of("crpix", "double", "2", "pix", "VOX:WCS_CoordRefPixel", "WCS reference pixel"), 2,
                r -> new double[] {r.naxis1() / 2.0 + 0.5, r.naxis2() / 2.0 + 0.5}));
        c.add(new Col(ColumnDef.of("crval", "double", "2", "deg", "VOX:WCS_CoordRefValue", "WCS reference position"), 2,
                r -> new double[] {r.ra(), r.dec()}));
        c.add(new Col(ColumnDef.of("cd", "double", "4", "deg/pix", "VOX:WCS_CDMatrix", "WCS CD matrix"), 2,
                r -> new double[] {-r.pixelScale(), 0, 0, r.pixelScale()}));
        c.add(new Col(ColumnDef.of("obs_id", "char", "*", null, "ID_MAIN", "Observation identifier"), 3, ImageRecord::obsId));
        c.add(new Col(ColumnDef.of("collection", "char", "*", null, "meta.id;meta.dataset", "Collection"), 3, ImageRecord::collection));
        c.add(new Col(ColumnDef.of("facility", "char", "*", null, "meta.id;instr.tel", "Telescope"), 3, ImageRecord::facility));
        c.add(new Col(ColumnDef.of("target", "char", "*", null, "meta.id;src", "Target"), 3, ImageRecord::targetName));
        c.add(new Col(ColumnDef.of("calib_level", "int", null, null, "meta.code;obs.calib", "Calibration level"), 3,
                ImageRecord::calibLevel));
        return c;
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            if (!ex.getRequestURI().getPath().equals("/sia1") && !ex.getRequestURI().getPath().equals("/sia1/")) {
                Http.text(ex, 404, "no resource " + ex.getRequestURI().getPath() + " (the SIA 1.0 service is /sia1)\n");
                return;
            }
            Http.Params p;
            try {
                p = Http.params(ex);
            } catch (IllegalArgumentException e) {
                Http.send(ex, 200, MIME, VoTables.error(e.getMessage()));
                return;
            }
            byte[] body;
            try {
                body = answer(p);
            } catch (IllegalArgumentException e) {
                body = VoTables.error(e.getMessage());
            }
            Http.send(ex, 200, MIME, body);
        }
    }

    private byte[] answer(Http.Params p) throws IOException {
        int verb = 1;
        String v = p.first("VERB");
        if (v != null) {
            try {
                verb = Integer.parseInt(v.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("VERB must be an integer 0..3, got '" + v + "'");
            }
            if (verb < 0 || verb > 3) {
                throw new IllegalArgumentException("VERB must be an integer 0..3, got '" + v + "'");
            }
        }
        int verbosity = verb;
        List<Col> cols = columns().stream().filter(c -> c.verb() <= verbosity).toList();
        String format = p.first("FORMAT") == null ? "ALL" : p.first("FORMAT").strip();
        boolean fits = false;
        boolean metadata = false;
        for (String f : format.split(",")) {
            String t = f.strip();
            String u = t.toUpperCase(Locale.ROOT);
            if (u.equals("ALL") || u.equals("IMAGE/FITS")) {
                fits = true;
            } else if (u.equals("METADATA")) {
                metadata = true;
            } else if (u.equals("GRAPHIC") || u.equals("GRAPHIC-ALL") || u.startsWith("GRAPHIC-") || t.contains("/")) {
                // Graphics and other MIME types: nothing of that kind here, so no rows for them.
            } else {
                throw new IllegalArgumentException("FORMAT: unknown value '" + t + "' (use ALL, GRAPHIC, METADATA or MIME types)");
            }
        }
        if (metadata) {
            return VoTables.render(w -> metadata(w, p, cols));
        }
        String pos = p.first("POS");
        if (pos == null || pos.isBlank()) {
            throw new IllegalArgumentException("POS parameter is missing (POS=ra,dec in degrees)");
        }
        String[] radec = pos.split(",");
        if (radec.length != 2) {
            throw new IllegalArgumentException("POS must be 'ra,dec' in degrees, got '" + pos + "'");
        }
        double ra = Sia2Endpoint.number("POS", radec[0], false);
        double dec = Sia2Endpoint.number("POS", radec[1], false);
        if (!(ra >= -360 && ra <= 360)) {
            throw new IllegalArgumentException("POS: RA must be between 0 and 360 degrees, got " + radec[0].strip());
        }
        if (!(dec >= -90 && dec <= 90)) {
            throw new IllegalArgumentException("POS: Dec must be between -90 and 90 degrees, got " + radec[1].strip());
        }
        ra = ((ra % 360) + 360) % 360;
        String size = p.first("SIZE");
        if (size == null || size.isBlank()) {
            throw new IllegalArgumentException("SIZE parameter is missing (SIZE=s or SIZE=w,h in degrees)");
        }
        String[] wh = size.split(",");
        if (wh.length > 2) {
            throw new IllegalArgumentException("SIZE must be one or two numbers in degrees, got '" + size + "'");
        }
        double w = Sia2Endpoint.number("SIZE", wh[0], false);
        double h = wh.length == 2 ? Sia2Endpoint.number("SIZE", wh[1], false) : w;
        if (!(w >= 0 && w <= 360) || !(h >= 0 && h <= 180)) {
            throw new IllegalArgumentException("SIZE must be 0..360 degrees wide and 0..180 high, got '" + size + "'");
        }
        String intersect = p.first("INTERSECT") == null ? "OVERLAPS" : p.first("INTERSECT").strip().toUpperCase(Locale.ROOT);
        if (!List.of("COVERS", "ENCLOSED", "CENTER", "OVERLAPS").contains(intersect)) {
            throw badIntersect(p.first("INTERSECT"));
        }
        Predicate<ImageRecord> test = region(ra, dec, w, h, intersect);
        List<Object[]> rows = new ArrayList<>();
        if (fits) {
            for (ImageRecord r : archive.images()) {
                if (test.test(r)) {
                    Object[] row = new Object[cols.size()];
                    for (int i = 0; i < row.length; i++) {
                        row[i] = cols.get(i).value().apply(r);
                    }
                    rows.add(row);
                }
            }
        }
        List<ColumnDef> defs = cols.stream().map(Col::def).toList();
        return VoTables.render(w2 -> VoTables.results(w2, "images", List.of(), defs, rows, false));
    }

    /** The INTERSECT test for a region of interest (see the class comment for the geometry). */
    static Predicate<ImageRecord> region(double ra, double dec, double w, double h, String intersect) {
        SkyGeometry.Vec pos = SkyGeometry.Vec.of(ra, dec);
        if (w == 0 && h == 0) {
            return r -> r.footprint().contains(pos);
        }
        if (intersect.equals("CENTER")) {
            return r -> r.footprint().contains(pos);
        }
        if (w < 180 && h < 180) {
            SkyGeometry.Tangent t = SkyGeometry.Tangent.at(ra, dec);
            double x = Math.toDegrees(Math.tan(Math.toRadians(w / 2)));
            double y = Math.toDegrees(Math.tan(Math.toRadians(h / 2)));
            SkyGeometry.Polygon roi = SkyGeometry.Polygon.of(List.of(t.deproject(-x, -y), t.deproject(x, -y),
                    t.deproject(x, y), t.deproject(-x, y)));
            double reach = SkyGeometry.angle(pos, roi.vertices().get(0));
            Predicate<ImageRecord> near = r -> SkyGeometry.distance(ra, dec, r.ra(), r.dec()) <= reach + r.fovDiameter() / 2;
            return switch (intersect) {
                case "OVERLAPS" -> near.and(r -> r.footprint().intersects(roi));
                case "COVERS" -> near.and(r -> r.footprint().containsAllOf(roi));
                case "ENCLOSED" -> near.and(r -> roi.containsAllOf(r.footprint()));
                default -> throw badIntersect(intersect);
            };
        }
        boolean fullRa = w >= 360;
        double ra1 = fullRa ? 0 : ((ra - w / 2) % 360 + 360) % 360;
        double ra2 = fullRa ? 360 : ((ra + w / 2) % 360 + 360) % 360;
        SkyGeometry.RaDecBox box = new SkyGeometry.RaDecBox(ra1, ra2, fullRa, Math.max(-90, dec - h / 2), Math.min(90, dec + h / 2));
        return switch (intersect) {
            case "OVERLAPS" -> r -> box.intersects(r.footprint());
            case "COVERS" -> r -> false; // a region of 180° or more never fits inside a 1.5° image
            case "ENCLOSED" -> r -> r.corners().stream().allMatch(v -> box.contains(v.ra(), v.dec()));
            default -> throw badIntersect(intersect);
        };
    }

    private static IllegalArgumentException badIntersect(String value) {
        return new IllegalArgumentException("INTERSECT must be COVERS, ENCLOSED, CENTER or OVERLAPS, got '" + value + "'");
    }

    /** FORMAT=METADATA: the input parameters as PARAMs, and the columns, no rows. */
    private void metadata(Writer w, Http.Params p, List<Col> cols) throws IOException {
        VoTables.begin(w);
        w.write(" <RESOURCE type=\"results\">\n");
        VoTables.info(w, "  ", "QUERY_STATUS", "OK", null);
        param(w, "INPUT:POS", "char", "*", "deg", p.first("POS") == null ? "0,0" : p.first("POS"),
                "Search position ra,dec (ICRS degrees)", null);
        param(w, "INPUT:SIZE", "char", "*", "deg", p.first("SIZE") == null ? "0" : p.first("SIZE"),
                "Size of the region: s or w,h (degrees); 0 = images containing POS", null);
        param(w, "INPUT:FORMAT", "char", "*", null, "ALL", "Requested formats",
                new String[] {"ALL", "image/fits", "GRAPHIC", "METADATA"});
        param(w, "INPUT:INTERSECT", "char", "*", null, "OVERLAPS", "How images must meet the region",
                new String[] {"COVERS", "ENCLOSED", "CENTER", "OVERLAPS"});
        param(w, "INPUT:VERB", "int", null, null, "1", "Column verbosity", new String[] {"0", "1", "2", "3"});
        w.write("  <TABLE name=\"images\">\n");
        for (Col c : cols) {
            VoTables.field(w, "   ", c.def());
        }
        w.write("  </TABLE>\n </RESOURCE>\n</VOTABLE>\n");
    }

    private static void param(Writer w, String name, String datatype, String arraysize, String unit, String value,
                              String description, String[] options) throws IOException {
        w.write("  <PARAM name=\"" + name + "\" datatype=\"" + datatype + "\"");
        VoTables.attr(w, "arraysize", arraysize);
        VoTables.attr(w, "unit", unit);
        w.write(" value=\"" + VoTables.esc(value) + "\">\n   <DESCRIPTION>" + VoTables.esc(description) + "</DESCRIPTION>\n");
        if (options != null) {
            w.write("   <VALUES>");
            for (String o : options) {
                w.write("<OPTION value=\"" + VoTables.esc(o) + "\"/>");
            }
            w.write("</VALUES>\n");
        }
        w.write("  </PARAM>\n");
    }
}
