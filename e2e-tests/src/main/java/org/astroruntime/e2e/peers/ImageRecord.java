package org.astroruntime.e2e.peers;

import java.util.ArrayList;
import java.util.List;

/**
 * One synthetic image (or cube) of the {@link ImageArchive}: what SIA 1.0, SIA 2.0 (ObsCore) and TAP describe, and
 * what {@link FitsImage} renders. The field is an unrotated TAN-projected pixel grid centred on (ra, dec), north
 * up and east left (CDELT1 &lt; 0), so its footprint is a spherical quadrilateral with great-circle edges.
 *
 * @param obsId           obs_id, also the file name: {@code /images/{obsId}.fits}
 * @param collection      obs_collection
 * @param facility        facility_name
 * @param instrument      instrument_name
 * @param targetName      target_name
 * @param ra              centre RA (deg, ICRS)
 * @param dec             centre Dec (deg, ICRS)
 * @param naxis1          pixels along RA
 * @param naxis2          pixels along Dec
 * @param naxis3          planes of a cube (1 for an image)
 * @param axis3           {@code WAVE} or {@code STOKES} for cubes, null for images
 * @param pixelScale      degrees per pixel (both axes)
 * @param band            filter name (U B V R I J H K)
 * @param emMin           shortest wavelength (m)
 * @param emMax           longest wavelength (m)
 * @param tMin            exposure start (MJD)
 * @param tMax            exposure end (MJD)
 * @param exptime         exposure time (s)
 * @param polStates       ObsCore pol_states, e.g. {@code /Q/U/}, or null
 * @param calibLevel      1..3
 * @param dataproductType {@code image} or {@code cube}
 * @param resolution      spatial resolution (arcsec)
 * @param fileSize        size of the FITS file (bytes)
 */
public record ImageRecord(String obsId, String collection, String facility, String instrument, String targetName,
                          double ra, double dec, int naxis1, int naxis2, int naxis3, String axis3, double pixelScale,
                          String band, double emMin, double emMax, double tMin, double tMax, double exptime,
                          String polStates, int calibLevel, String dataproductType, double resolution, long fileSize) {

    /** Number of data axes (2 or 3). */
    public int naxes() {
        return naxis3 > 1 ? 3 : 2;
    }

    /** Field width along RA through the centre (deg). */
    public double width() {
        return naxis1 * pixelScale;
    }

    /** Field height along Dec (deg). */
    public double height() {
        return naxis2 * pixelScale;
    }

    /** The four corners of the pixel grid, counter-clockwise on an RA-right/Dec-up plot (as DALI polygons). */
    List<SkyGeometry.Vec> corners() {
        SkyGeometry.Tangent t = SkyGeometry.Tangent.at(ra, dec);
        double hx = width() / 2;
        double hy = height() / 2;
        List<SkyGeometry.Vec> c = new ArrayList<>(4);
        // x is east (increasing RA): bottom edge from west (-x) to east (+x), then up the east side.
        c.add(t.deproject(-hx, -hy));
        c.add(t.deproject(hx, -hy));
        c.add(t.deproject(hx, hy));
        c.add(t.deproject(-hx, hy));
        return c;
    }

    /** The footprint as a polygon. */
    SkyGeometry.Polygon footprint() {
        return SkyGeometry.Polygon.of(corners());
    }

    /** ObsCore s_fov: the diameter of the smallest circle around the field (corner to opposite corner), to 1e-6°. */
    public double fovDiameter() {
        List<SkyGeometry.Vec> c = corners();
        return Math.round(SkyGeometry.angle(c.get(0), c.get(2)) * 1e6) / 1e6;
    }

    /** STC-S footprint for ObsCore s_region. */
    public String region() {
        return "POLYGON ICRS " + footprint().coordinates();
    }

    /** Number of polarization states (pol_xel), or 0 when pol_states is null. */
    public int polXel() {
        return polStates == null ? 0 : polStates.split("/").length - 1;
    }

    /** Spectral resolving power λ/Δλ of one spectral bin (em_res_power), to 3 decimals. */
    public double resolvingPower() {
        double centre = (emMin + emMax) / 2;
        return Math.round(centre / ((emMax - emMin) / emXel()) * 1000) / 1000.0;
    }

    /** Number of spectral bins (em_xel). */
    public int emXel() {
        return "WAVE".equals(axis3) ? naxis3 : 1;
    }
}
