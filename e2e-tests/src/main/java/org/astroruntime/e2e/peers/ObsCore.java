package org.astroruntime.e2e.peers;

import java.util.List;

/**
 * The ObsCore 1.1 mandatory columns (ObsTAP names, units, UCDs and utypes) and their values for an
 * {@link ImageRecord}; shared by the SIA 2.0 responses and the TAP table {@code ivoa.obscore}.
 */
final class ObsCore {

    static final List<ColumnDef> COLUMNS = List.of(
            col("dataproduct_type", "char", "*", null, "meta.code.class", "obscore:ObsDataset.dataProductType",
                    "Data product type: image or cube"),
            col("calib_level", "short", null, null, "meta.code;obs.calib", "obscore:ObsDataset.calibLevel",
                    "Calibration level (1 raw instrumental, 2 calibrated, 3 enhanced)"),
            col("obs_collection", "char", "*", null, "meta.id", "obscore:DataID.Collection", "Collection name"),
            col("obs_id", "char", "*", null, "meta.id", "obscore:DataID.observationID", "Observation identifier"),
            col("obs_publisher_did", "char", "*", null, "meta.ref.ivoid", "obscore:Curation.PublisherDID",
                    "Dataset identifier given by the publisher"),
            col("access_url", "char", "*", null, "meta.ref.url", "obscore:Access.Reference", "URL of the FITS file"),
            col("access_format", "char", "*", null, "meta.code.mime", "obscore:Access.Format", "Format of the file"),
            col("access_estsize", "long", null, "kbyte", "phys.size;meta.file", "obscore:Access.Size",
                    "Size of the file"),
            col("target_name", "char", "*", null, "meta.id;src", "obscore:Target.Name", "Target name"),
            col("s_ra", "double", null, "deg", "pos.eq.ra", "obscore:Char.SpatialAxis.Coverage.Location.Coord.Position2D.Value2.C1",
                    "Field centre RA (ICRS)"),
            col("s_dec", "double", null, "deg", "pos.eq.dec", "obscore:Char.SpatialAxis.Coverage.Location.Coord.Position2D.Value2.C2",
                    "Field centre Dec (ICRS)"),
            col("s_fov", "double", null, "deg", "phys.angSize;instr.fov", "obscore:Char.SpatialAxis.Coverage.Bounds.Extent.diameter",
                    "Diameter of the smallest circle around the field"),
            new ColumnDef("s_region", "char", "*", null, "pos.outline;obs.field", "obscore:Char.SpatialAxis.Coverage.Support.Area",
                    "adql:REGION", "Footprint (STC-S polygon, ICRS)", true, false, true),
            col("s_resolution", "double", null, "arcsec", "pos.angResolution", "obscore:Char.SpatialAxis.Resolution.Refval.value",
                    "Spatial resolution (FWHM)"),
            col("s_xel1", "long", null, null, "meta.number", "obscore:Char.SpatialAxis.numBins1", "Pixels along RA"),
            col("s_xel2", "long", null, null, "meta.number", "obscore:Char.SpatialAxis.numBins2", "Pixels along Dec"),
            col("t_min", "double", null, "d", "time.start;obs.exposure", "obscore:Char.TimeAxis.Coverage.Bounds.Limits.StartTime",
                    "Exposure start (MJD)"),
            col("t_max", "double", null, "d", "time.end;obs.exposure", "obscore:Char.TimeAxis.Coverage.Bounds.Limits.StopTime",
                    "Exposure end (MJD)"),
            col("t_exptime", "double", null, "s", "time.duration;obs.exposure", "obscore:Char.TimeAxis.Coverage.Support.Extent",
                    "Exposure time"),
            col("t_resolution", "double", null, "s", "time.resolution", "obscore:Char.TimeAxis.Resolution.Refval.value",
                    "Time resolution"),
            col("t_xel", "long", null, null, "meta.number", "obscore:Char.TimeAxis.numBins", "Time bins"),
            col("em_min", "double", null, "m", "em.wl;stat.min", "obscore:Char.SpectralAxis.Coverage.Bounds.Limits.LoLimit",
                    "Shortest wavelength"),
            col("em_max", "double", null, "m", "em.wl;stat.max", "obscore:Char.SpectralAxis.Coverage.Bounds.Limits.HiLimit",
                    "Longest wavelength"),
            col("em_res_power", "double", null, null, "spect.resolution", "obscore:Char.SpectralAxis.Resolution.ResolPower.refVal",
                    "Spectral resolving power"),
            col("em_xel", "long", null, null, "meta.number", "obscore:Char.SpectralAxis.numBins", "Spectral bins"),
            col("o_ucd", "char", "*", null, "meta.ucd", "obscore:Char.ObservableAxis.ucd", "UCD of the pixel values"),
            col("pol_states", "char", "*", null, "meta.code;phys.polarization", "obscore:Char.PolarizationAxis.stateList",
                    "Polarization states, e.g. /Q/U/ (null: none recorded)"),
            col("pol_xel", "long", null, null, "meta.number", "obscore:Char.PolarizationAxis.numBins",
                    "Polarization bins"),
            col("facility_name", "char", "*", null, "meta.id;instr.tel", "obscore:Provenance.ObsConfig.Facility.name",
                    "Telescope"),
            col("instrument_name", "char", "*", null, "meta.id;instr", "obscore:Provenance.ObsConfig.Instrument.name",
                    "Instrument"));

    private static ColumnDef col(String name, String datatype, String arraysize, String unit, String ucd, String utype,
                                 String description) {
        return new ColumnDef(name, datatype, arraysize, unit, ucd, utype, null, description, true,
                name.equals("s_ra") || name.equals("s_dec") || name.equals("obs_id"), true);
    }

    /** The row of a record, in {@link #COLUMNS} order. */
    static Object[] row(ImageRecord r, String publicBase) {
        return new Object[] {
            r.dataproductType(), (short) r.calibLevel(), r.collection(), r.obsId(), ImageArchive.publisherDid(r),
            ImageArchive.accessUrl(publicBase, r), "image/fits", (r.fileSize() + 1023) / 1024, r.targetName(),
            r.ra(), r.dec(), r.fovDiameter(), r.region(), r.resolution(), (long) r.naxis1(),
            (long) r.naxis2(), r.tMin(), r.tMax(), r.exptime(), r.exptime(), 1L, r.emMin(), r.emMax(),
            r.resolvingPower(), (long) r.emXel(), "phot.count", r.polStates(), r.polStates() == null ? null : (long) r.polXel(),
            r.facility(), r.instrument()
        };
    }

    private ObsCore() {
    }
}
