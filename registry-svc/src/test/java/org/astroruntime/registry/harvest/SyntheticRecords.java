package org.astroruntime.registry.harvest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Deterministic, realistic-looking VOResource 1.1 records ({@code vs:CatalogService} documents) for benchmarks.
 *
 * <p>The kinds follow a real registry's mix: about 55% cone search, 15% SIA 1.0, 10% SIA 2.0, 12% TAP and 8% SSA;
 * all capabilities of a record are of its kind. Words are drawn from astronomy vocabularies with Zipf-like
 * frequencies, so that a few terms ("stars", "SDSS", "optical") are common and most are rare, as in real
 * metadata; author names, NGC/IC/Abell numbers and the like supply a long tail. Some text is non-ASCII and some
 * needs escaping ({@code A&A}, {@code z < 0.5}).
 *
 * <p>Each record is drawn from its own random stream derived from the seed and its position, so the same seed
 * always gives the same records and {@code generate(n, s)} is a prefix of {@code generate(m, s)} for n &lt; m.
 */
public final class SyntheticRecords {

    /**
     * One generated record.
     *
     * @param ivoid the record's identifier, unique within one call (case-insensitively)
     * @param xml   the whole document, with an XML declaration, root {@code ri:Resource}
     */
    public record Generated(String ivoid, String xml) {
    }

    private SyntheticRecords() {
    }

    /** Generates {@code count} records; the same seed gives the same records. */
    public static List<Generated> generate(int count, long seed) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative, was " + count);
        }
        List<Generated> out = new ArrayList<>(count);
        Set<String> used = new HashSet<>(count * 2);
        for (int i = 0; i < count; i++) {
            out.add(new Builder(new Random(mix(seed, i)), used).build());
        }
        return out;
    }

    /** SplitMix64 finaliser: decorrelates the per-record streams of neighbouring indices and seeds. */
    private static long mix(long seed, long index) {
        long z = seed + (index + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    // ---- vocabularies, most frequent first where a Zipf draw is used ----

    private enum Kind { CONE, SIA1, SIA2, TAP, SSA }

    private record Survey(String name, String band) {
    }

    private static final String[] BANDS = {"Optical", "Infrared", "X-ray", "Radio", "UV", "Millimeter", "Gamma-ray",
        "EUV"};

    private static final Survey[] SURVEYS = {
        new Survey("SDSS", "Optical"), new Survey("2MASS", "Infrared"), new Survey("Gaia", "Optical"),
        new Survey("WISE", "Infrared"), new Survey("GALEX", "UV"), new Survey("Pan-STARRS", "Optical"),
        new Survey("UKIDSS", "Infrared"), new Survey("ROSAT", "X-ray"), new Survey("XMM-Newton", "X-ray"),
        new Survey("Chandra", "X-ray"), new Survey("Spitzer", "Infrared"), new Survey("NVSS", "Radio"),
        new Survey("Hipparcos", "Optical"), new Survey("FIRST", "Radio"), new Survey("DES", "Optical"),
        new Survey("Tycho-2", "Optical"), new Survey("LAMOST", "Optical"), new Survey("VISTA VHS", "Infrared"),
        new Survey("APOGEE", "Infrared"), new Survey("Herschel", "Infrared"), new Survey("IRAS", "Infrared"),
        new Survey("Kepler", "Optical"), new Survey("TESS", "Optical"), new Survey("SkyMapper", "Optical"),
        new Survey("USNO-B1", "Optical"), new Survey("Planck", "Millimeter"), new Survey("Fermi-LAT", "Gamma-ray"),
        new Survey("DENIS", "Infrared"), new Survey("eROSITA", "X-ray"), new Survey("Swift-BAT", "X-ray"),
        new Survey("LOFAR", "Radio"), new Survey("GLIMPSE", "Infrared"), new Survey("AKARI", "Infrared"),
        new Survey("KiDS", "Optical"), new Survey("CFHTLS", "Optical"), new Survey("6dFGS", "Optical"),
        new Survey("2dFGRS", "Optical"), new Survey("RAVE", "Optical"), new Survey("GALAH", "Optical"),
        new Survey("SUMSS", "Radio"), new Survey("VVV", "Infrared"), new Survey("ZTF", "Optical"),
        new Survey("OGLE", "Optical"), new Survey("ASAS-SN", "Optical"), new Survey("IPHAS", "Optical"),
        new Survey("VPHAS+", "Optical"), new Survey("COSMOS", "Optical"), new Survey("CANDELS", "Infrared"),
        new Survey("GOODS", "Optical"), new Survey("ALMA", "Millimeter"), new Survey("INTEGRAL", "Gamma-ray"),
        new Survey("MaNGA", "Optical"), new Survey("CALIFA", "Optical"), new Survey("HIPASS", "Radio"),
        new Survey("EUVE", "EUV"), new Survey("ATLAS", "Optical"), new Survey("UVOT", "UV"),
        new Survey("VLASS", "Radio"), new Survey("unWISE", "Infrared"), new Survey("Legacy Surveys", "Optical"),
    };

    private static final String[] OBJECTS = {
        "stars", "galaxies", "quasars", "variable stars", "young stellar objects", "white dwarfs", "open clusters",
        "X-ray sources", "radio sources", "globular clusters", "active galactic nuclei", "binary stars",
        "eclipsing binaries", "RR Lyrae stars", "brown dwarfs", "M dwarfs", "Cepheids", "planetary nebulae",
        "galaxy clusters", "supernova remnants", "HII regions", "molecular clouds", "Seyfert galaxies", "blazars",
        "pulsars", "asteroids", "high proper motion stars", "emission-line stars", "carbon stars", "Be stars",
        "exoplanet host stars", "dwarf galaxies", "star-forming galaxies", "starburst galaxies", "radio galaxies",
        "cataclysmic variables", "T Tauri stars", "red giants", "comets", "gamma-ray bursts", "lensed quasars",
        "Wolf-Rayet stars", "symbiotic stars", "Herbig Ae/Be stars", "hot subdwarfs", "blue stragglers",
        "horizontal branch stars", "OB associations", "infrared dark clouds", "dense cores",
        "protoplanetary discs", "debris discs", "trans-Neptunian objects", "near-Earth asteroids",
        "Lyman-alpha emitters", "submillimetre galaxies", "ultraluminous X-ray sources", "magnetars",
        "low-mass X-ray binaries", "high-mass X-ray binaries", "tidal disruption events", "fast radio bursts",
        "galaxy groups", "compact groups", "tidal streams", "Lyman-break galaxies", "damped Lyman-alpha systems",
        "post-AGB stars", "chemically peculiar stars", "delta Scuti stars", "Mira variables", "flare stars",
        "young massive clusters", "masers", "Herbig-Haro objects", "ring galaxies", "polar-ring galaxies",
    };

    private static final String[] QUANTITIES = {
        "magnitudes", "positions", "proper motions", "colours", "redshifts", "parallaxes", "radial velocities",
        "fluxes", "spectral types", "light curves", "periods", "flux densities", "photometric redshifts",
        "effective temperatures", "metallicities", "surface gravities", "equivalent widths", "extinction values",
        "line fluxes", "stellar masses", "star formation rates", "amplitudes", "morphological types",
        "hardness ratios", "count rates", "spectral indices", "polarisation fractions", "rotational velocities",
        "ages", "distances", "luminosities", "velocity dispersions", "half-light radii", "Sersic indices",
        "X-ray luminosities", "lithium abundances", "chemical abundances", "line widths", "variability indices",
        "astrometric residuals", "bolometric corrections", "absolute magnitudes", "colour excesses",
        "rotation measures", "dispersion measures", "orbital elements", "masses", "radii",
    };

    private static final String[] SUBJECTS = {
        "stars", "galaxies", "surveys", "photometry", "spectroscopy", "astrometry", "quasars", "variable stars",
        "star clusters", "infrared sources", "X-ray sources", "radio sources", "interstellar medium",
        "redshift surveys", "binary stars", "proper motions", "white dwarf stars", "stellar populations",
        "Milky Way Galaxy", "active galactic nuclei", "galaxy clusters", "ultraviolet astronomy",
        "time domain astronomy", "exoplanets", "Magellanic Clouds", "supernovae", "star formation",
        "high energy astrophysics", "parallax", "stellar abundances", "minor planets", "solar system",
        "cosmology", "gravitational lensing", "brown dwarfs", "pulsars", "planetary nebulae", "catalogs",
        "sky surveys", "interstellar dust", "stellar kinematics", "galaxy evolution", "astronomical models",
    };

    private static final String[] INSTRUMENTS = {
        "wide-field camera", "CCD mosaic camera", "multi-object spectrograph", "echelle spectrograph",
        "near-infrared camera", "Schmidt telescope", "fibre-fed spectrograph", "integral field unit",
        "imaging photometer", "radio interferometer", "X-ray CCD camera", "long-slit spectrograph",
        "infrared array camera", "single-dish radio telescope", "grating spectrometer", "bolometer array",
        "adaptive optics imager", "photographic plates", "meridian circle", "transit telescope",
        "low-resolution spectrograph", "high-resolution spectrograph", "space-based photometer",
        "mid-infrared imager", "ultraviolet telescope", "coded-mask telescope", "millimetre receiver",
        "photon-counting detector", "objective prism", "Fabry-Perot interferometer",
    };

    private static final String[] TELESCOPES = {
        "the 2.5 m Sloan telescope", "the VLT", "the William Herschel Telescope", "the Isaac Newton Telescope",
        "the Anglo-Australian Telescope", "the Canada-France-Hawaii Telescope", "the Very Large Array",
        "the UK Schmidt Telescope", "the Palomar 48-inch Schmidt", "the Hubble Space Telescope",
        "the Subaru telescope", "the Keck telescopes", "the Gemini telescopes", "the ESO 3.6 m telescope",
        "the Mayall telescope", "the Blanco telescope", "the Spitzer Space Telescope", "Calar Alto",
        "the Gran Telescopio Canarias", "the Effelsberg 100 m telescope", "the Green Bank Telescope",
        "the Australia Telescope Compact Array", "the IRAM 30 m telescope", "the James Clerk Maxwell Telescope",
        "the Giant Metrewave Radio Telescope", "the Westerbork array", "the Parkes radio telescope", "the MMT",
        "the Lick 3 m telescope", "the SAAO 1.9 m telescope", "the Xinglong 2.16 m telescope",
        "the Asiago 1.82 m telescope", "the Ondřejov 2 m telescope", "the Skinakas 1.3 m telescope",
        "the Nordic Optical Telescope", "the Telescopio Nazionale Galileo", "the Liverpool Telescope",
    };

    private static final String[] REGIONS = {
        "the Galactic plane", "the Large Magellanic Cloud", "the Galactic bulge", "the Small Magellanic Cloud",
        "the Orion Nebula", "the Virgo cluster", "the Galactic centre", "the Kepler field", "Stripe 82",
        "the COSMOS field", "the Coma cluster", "the Andromeda galaxy", "the Pleiades", "the Hyades",
        "the Taurus-Auriga complex", "the Chamaeleon clouds", "the rho Ophiuchi cloud", "the Lupus clouds",
        "the Hubble Deep Field", "the Chandra Deep Field South", "the north Galactic pole", "the south Galactic cap",
        "the celestial equator", "Omega Centauri", "47 Tucanae", "the Carina Nebula", "the Fornax cluster",
        "the Perseus cluster", "the Local Group", "the solar neighbourhood", "the Cygnus X region",
        "the Sagittarius dwarf galaxy", "Praesepe", "M67", "NGC 6397", "the Trapezium cluster",
        "the Rosette Nebula", "the Eagle Nebula", "the Serpens cloud", "the Perseus arm",
        "the Scorpius-Centaurus association",
        "the Draco dwarf galaxy", "the Sculptor group", "the Bootes field", "the Lockman Hole", "the GOODS-North field",
    };

    private static final String[] ADJECTIVES = {
        "deep", "wide-field", "all-sky", "homogeneous", "multi-epoch", "spectroscopic", "photometric",
        "astrometric", "revised", "merged", "cross-matched", "calibrated", "complete", "magnitude-limited",
        "multi-wavelength", "high-resolution", "flux-limited", "volume-limited", "time-resolved", "serendipitous",
        "contiguous", "uniform", "preliminary", "final", "combined", "extended", "low-resolution", "blind",
    };

    private static final String[] PRODUCTS = {
        "catalogue", "catalog", "survey", "source list", "data release", "atlas", "master catalogue",
        "point source catalog", "photometric catalogue", "spectroscopic catalogue", "image archive",
        "light-curve archive", "spectral library", "compilation",
    };

    private static final String[] METHODS = {
        "PSF fitting", "aperture photometry", "profile fitting", "forced photometry", "difference imaging",
        "template fitting", "SED fitting", "cross-correlation", "machine-learning classification",
        "Bayesian classification", "spectral synthesis", "image stacking", "source extraction with SExtractor",
        "visual inspection", "colour cuts", "proper-motion selection", "variability selection",
        "astrometric reduction", "Gaussian process regression", "matched filtering",
    };

    private static final String[] JOURNALS = {"ApJ", "A&A", "MNRAS", "AJ", "ApJS", "PASP", "A&AS", "PASJ", "AN",
        "ApJL", "RAA", "Ap&SS"};

    private static final String[] SURNAMES = {
        "Smith", "Müller", "García", "Wang", "Zhang", "Li", "Nakamura", "Suzuki", "Kim", "Rossi", "Bianchi",
        "Dupont", "Martin", "Schmidt", "Novák", "Kowalski", "Ivanov", "Petrov", "Johansson", "Andersen",
        "Jones", "Brown", "Taylor", "Wilson", "Davies", "Evans", "Roberts", "Walker", "Wright", "Robinson",
        "Thompson", "White", "Hughes", "Edwards", "Green", "Hall", "Wood", "Harris", "Clarke", "Jackson",
        "Turner", "Hill", "Moore", "Cooper", "Ward", "Morris", "King", "Watson", "Baker", "Patel", "Young",
        "Allen", "Mitchell", "Anderson", "Lee", "Chen", "Liu", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Xu",
        "Sun", "Tanaka", "Watanabe", "Ito", "Yamamoto", "Kobayashi", "Sato", "Fernández", "López", "Martínez",
        "Sánchez", "Pérez", "Gómez", "Silva", "Santos", "Oliveira", "Costa", "Ferreira", "Nielsen", "Hansen",
        "Larsen", "Berg", "Lindqvist", "Virtanen", "Korhonen", "Horváth", "Nagy", "Dvořák", "Schneider",
        "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Hoffmann", "Krüger", "Köhler", "Weiß", "O'Brien",
        "Murphy", "Kelly", "Byrne", "Rao", "Singh", "Gupta", "Sharma", "Iyer", "Reddy", "Okafor", "Mensah",
        "Haddad", "Yilmaz", "Demir", "Popescu", "Kovač", "Jovanović", "Papadopoulos", "Georgiou", "Moretti",
    };

    private static final String[] ROMAN = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "B"};

    private static final String[] KNOWN_AUTHORITIES = {
        "cds.vizier", "org.gavo.dc", "nasa.heasarc", "irsa.ipac", "sdss.jhu", "cds.simbad", "ned.ipac",
        "archive.stsci.edu", "mast.stsci", "esavo", "esa.esac", "eso.org", "archive.eso", "cadc.nrc.ca",
        "datalab.noirlab", "noirlab.edu", "ia2.inaf.it", "vo.inaf.it", "chandra.harvard", "cfa.harvard.edu",
        "xcatdb", "obspm.fr", "vopdc.obspm", "padc.obspm", "voparis.obspm", "wfau.roe.ac.uk", "casu.ast.cam",
        "svo.cab", "cab.inta-csic", "jvo.nao", "nao.ac.jp", "china-vo.org", "nadc.china-vo", "lamost.org",
        "casda.csiro", "aao.gov.au", "skymapper.anu", "ssdc.asi", "asdc.asi.it", "mpe.mpg.de", "aip.de",
        "gaia.aip.de", "ari.uni-heidelberg", "g-vo.org", "astron.nl", "lofar.astron", "nrao.edu", "alma.nrao",
        "almascience.org", "vo.sai.msu", "inasan.ru", "ukirt.jach", "koa.ipac", "gemini.edu", "archive.gemini",
        "ztf.caltech", "ipac.caltech", "mssl.ucl.ac.uk", "xmm.le.ac", "iaa.csic", "iac.es", "cesam.lam",
        "cdpp.irap", "idoc.ias", "saada.unistra", "astro.unistra", "bao.am", "asu.cas.cz", "konkoly.hu",
        "oats.inaf", "oact.inaf", "oapd.inaf", "oabo.inaf", "linea.gov.br", "iucaa.in", "kasi.re.kr",
        "asiaa.sinica", "saao.ac.za", "isdc.unige", "pds.nasa", "mpc.cfa", "esdc.esa", "hst.esac", "euclid.esac",
        "planck.esac", "nasa.gsfc", "heasarc.gsfc", "lsst.org", "rubin.lsst", "keck.koa", "cds.aladin",
        "astrogrid.org", "vao", "usvao", "stecf.esa", "ivoa.net",
    };

    private static final String[] INSTITUTIONS = {
        "berkeley", "caltech", "mit", "uchicago", "uw", "utexas", "arizona", "hawaii", "colorado", "umich",
        "stanford", "jhu", "psu", "osu", "rutgers", "virginia", "toronto", "ubc", "mcgill", "oxford", "durham",
        "edinburgh", "manchester", "leiden", "rug", "uva", "heidelberg", "lmu", "bonn", "potsdam", "sorbonne",
        "lam", "toulouse", "grenoble", "unipd", "unibo", "trieste", "ucm", "ub", "unige", "ethz", "univie",
        "uu", "su", "nbi", "helsinki", "uw-warsaw", "charles", "utokyo", "kyoto", "tohoku", "pku", "nju",
        "usyd", "unimelb", "anu", "uct", "uchile", "usp", "unam", "iisc", "tifr", "snu", "ntu", "technion",
        "weizmann", "hebrew", "metu", "auth", "uoc", "lisboa", "porto", "uab", "ucl", "qmul", "soton", "bham",
    };

    private static final String[] AUTHORITY_PATTERNS = {"%s.astro", "astro.%s", "vo.%s", "archive.%s",
        "%s.obs", "data.%s"};

    private static final String[] AUTHORITIES = authorities(300);

    private static final Zipf AUTHORITY_DRAW = new Zipf(AUTHORITIES.length - 1, 0.85);
    private static final Zipf SURVEY_DRAW = new Zipf(SURVEYS.length, 1.0);
    private static final Zipf OBJECT_DRAW = new Zipf(OBJECTS.length, 1.0);
    private static final Zipf QUANTITY_DRAW = new Zipf(QUANTITIES.length, 0.9);
    private static final Zipf SUBJECT_DRAW = new Zipf(SUBJECTS.length, 1.0);
    private static final Zipf INSTRUMENT_DRAW = new Zipf(INSTRUMENTS.length, 0.9);
    private static final Zipf TELESCOPE_DRAW = new Zipf(TELESCOPES.length, 0.8);
    private static final Zipf REGION_DRAW = new Zipf(REGIONS.length, 1.0);
    private static final Zipf ADJECTIVE_DRAW = new Zipf(ADJECTIVES.length, 0.8);
    private static final Zipf PRODUCT_DRAW = new Zipf(PRODUCTS.length, 1.0);
    private static final Zipf METHOD_DRAW = new Zipf(METHODS.length, 0.8);
    private static final Zipf BAND_DRAW = new Zipf(BANDS.length, 1.2);
    private static final Zipf JOURNAL_DRAW = new Zipf(JOURNALS.length, 1.0);

    /** The ~100 authorities of real registries first, then institutional ones, to n distinct names. */
    private static String[] authorities(int n) {
        Set<String> all = new LinkedHashSet<>(List.of(KNOWN_AUTHORITIES));
        for (int p = 0; all.size() < n && p < AUTHORITY_PATTERNS.length; p++) {
            for (int i = 0; all.size() < n && i < INSTITUTIONS.length; i++) {
                all.add(String.format(AUTHORITY_PATTERNS[p], INSTITUTIONS[(i + p * 13) % INSTITUTIONS.length]));
            }
        }
        return all.toArray(new String[0]);
    }

    /** Draws indices 0..n-1 with probability proportional to 1/(i+1)^s. */
    private static final class Zipf {
        private final double[] cumulative;

        Zipf(int n, double s) {
            cumulative = new double[n];
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += 1 / Math.pow(i + 1, s);
                cumulative[i] = sum;
            }
            for (int i = 0; i < n; i++) {
                cumulative[i] /= sum;
            }
        }

        int next(Random r) {
            double u = r.nextDouble();
            int lo = 0;
            int hi = cumulative.length - 1;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (cumulative[mid] < u) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }
    }

    /** Builds one record from its own random stream. */
    private static final class Builder {
        private final Random r;
        private final Set<String> used;
        private final Kind kind;
        private final boolean vizier;
        private final String authority;
        private final String host;
        private final Survey survey;
        private final String band;
        private final String objects;
        private final String region;
        private final String surname;
        private final int year;

        Builder(Random r, Set<String> used) {
            this.r = r;
            this.used = used;
            int k = r.nextInt(100);
            kind = k < 55 ? Kind.CONE : k < 70 ? Kind.SIA1 : k < 80 ? Kind.SIA2 : k < 92 ? Kind.TAP : Kind.SSA;
            // VizieR dominates real registries (about two thirds); here a fifth, the rest Zipf-spread.
            vizier = r.nextInt(100) < 20;
            authority = vizier ? "cds.vizier" : AUTHORITIES[1 + AUTHORITY_DRAW.next(r)];
            host = hostOf(authority);
            survey = r.nextInt(100) < 45 ? SURVEYS[SURVEY_DRAW.next(r)] : null;
            band = survey != null ? survey.band() : BANDS[BAND_DRAW.next(r)];
            objects = pick(OBJECTS, OBJECT_DRAW);
            region = r.nextInt(100) < 15 ? designation() : pick(REGIONS, REGION_DRAW);
            surname = SURNAMES[r.nextInt(SURNAMES.length)];
            year = 1985 + r.nextInt(40);
        }

        Generated build() {
            String ivoid = uniqueIvoid();
            LocalDate created = LocalDate.of(2002, 1, 1).plusDays(r.nextInt(7300));
            LocalDate updated = created.plusDays(r.nextInt((int) (LocalDate.of(2024, 12, 31).toEpochDay()
                    - created.toEpochDay()) + 1));
            StringBuilder b = new StringBuilder(3072);
            b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                    .append("<ri:Resource xmlns:ri=\"http://www.ivoa.net/xml/RegistryInterface/v1.0\"\n")
                    .append("    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n")
                    .append("    xmlns:vr=\"http://www.ivoa.net/xml/VOResource/v1.0\"\n")
                    .append("    xmlns:vs=\"http://www.ivoa.net/xml/VODataService/v1.1\"\n")
                    .append("    xmlns:cs=\"http://www.ivoa.net/xml/ConeSearch/v1.0\"\n")
                    .append("    xmlns:sia=\"http://www.ivoa.net/xml/SIA/v1.1\"\n")
                    .append("    xmlns:tr=\"http://www.ivoa.net/xml/TAPRegExt/v1.0\"\n")
                    .append("    xmlns:ssa=\"http://www.ivoa.net/xml/SSA/v1.1\"\n")
                    .append("    xsi:type=\"vs:CatalogService\" created=\"").append(timestamp(created))
                    .append("\" updated=\"").append(timestamp(updated)).append("\" status=\"active\">\n");
            String title = title();
            el(b, 1, "title", title);
            el(b, 1, "shortName", shortName());
            el(b, 1, "identifier", ivoid);
            curation(b, updated);
            content(b);
            String slug = ivoid.substring(ivoid.indexOf('/', 6) + 1);
            capability(b, slug, false);
            if (r.nextInt(100) < 30) {
                capability(b, slug, true);
            }
            coverage(b);
            b.append("</ri:Resource>\n");
            return new Generated(ivoid, b.toString());
        }

        private String uniqueIvoid() {
            String base;
            if (vizier) {
                base = r.nextInt(100) < 15
                        ? "ivo://cds.vizier/" + ROMAN[r.nextInt(ROMAN.length)] + "/" + (1 + r.nextInt(360))
                        : "ivo://cds.vizier/J/" + pick(JOURNALS, JOURNAL_DRAW).replace('&', '+') + "/"
                                + (100 + r.nextInt(800)) + "/" + (1 + r.nextInt(4000));
            } else {
                String stem = survey != null ? slug(survey.name()) : slug(objects);
                String release = r.nextBoolean() ? "/dr" + (1 + r.nextInt(18)) : "";
                String leaf = switch (kind) {
                    case CONE -> r.nextBoolean() ? "q/cone" : "scs";
                    case SIA1 -> r.nextBoolean() ? "q/im" : "siap";
                    case SIA2 -> "q/sia2";
                    case TAP -> "tap";
                    case SSA -> r.nextBoolean() ? "q/ssa" : "ssap";
                };
                base = "ivo://" + authority + "/" + stem + release + "/" + leaf;
            }
            // Depends only on earlier records, so prefixes stay identical across counts.
            String id = base;
            for (int n = 2; !used.add(id.toLowerCase(Locale.ROOT)); n++) {
                id = base + "-" + n;
            }
            return id;
        }

        private String title() {
            String t;
            if (vizier) {
                t = switch (r.nextInt(4)) {
                    case 0 -> cap(objects) + " in " + region;
                    case 1 -> (survey != null ? survey.name() + " " : "") + pick(QUANTITIES, QUANTITY_DRAW)
                            + " of " + objects;
                    case 2 -> cap(pick(ADJECTIVES, ADJECTIVE_DRAW)) + " catalogue of " + objects;
                    default -> cap(spectroscopyWord()) + " of " + objects + " towards " + region;
                };
                return t + " (" + surname + (r.nextInt(4) == 0 ? ", " : "+, ") + year + ")";
            }
            String what = survey != null ? survey.name() + (r.nextBoolean() ? " DR" + (1 + r.nextInt(18)) : "")
                    : cap(pick(ADJECTIVES, ADJECTIVE_DRAW)) + " " + bandWord(band);
            t = switch (r.nextInt(3)) {
                case 0 -> what + " " + pick(PRODUCTS, PRODUCT_DRAW);
                case 1 -> what + " " + objects;
                default -> what + " " + pick(PRODUCTS, PRODUCT_DRAW) + " of " + region;
            };
            return t + switch (kind) {
                case CONE -> r.nextBoolean() ? " cone search" : "";
                case SIA1, SIA2 -> r.nextBoolean() ? " images" : " image service";
                case TAP -> " TAP service";
                case SSA -> r.nextBoolean() ? " spectra" : " spectral service";
            };
        }

        private String shortName() {
            String s = survey != null ? survey.name() : authority.substring(0, authority.indexOf('.') < 0
                    ? authority.length() : authority.indexOf('.')).toUpperCase(Locale.ROOT);
            s += switch (kind) {
                case CONE -> " SCS";
                case SIA1 -> " SIAP";
                case SIA2 -> " SIA2";
                case TAP -> " TAP";
                case SSA -> " SSAP";
            };
            // VOResource caps shortName at 16 characters.
            return s.length() <= 16 ? s : s.substring(0, 16).strip();
        }

        private void curation(StringBuilder b, LocalDate updated) {
            b.append("  <curation>\n");
            el(b, 2, "publisher", publisherOf(authority));
            int creators = 1 + r.nextInt(3);
            for (int i = 0; i < creators; i++) {
                String name = i == 0 ? surname : SURNAMES[r.nextInt(SURNAMES.length)];
                b.append("    <creator>\n");
                el(b, 3, "name", name + ", " + (char) ('A' + r.nextInt(26)) + ".");
                b.append("    </creator>\n");
            }
            b.append("    <date role=\"updated\">").append(updated).append("</date>\n");
            b.append("    <contact>\n");
            el(b, 3, "name", r.nextBoolean() ? "Archive support" : SURNAMES[r.nextInt(SURNAMES.length)] + ", "
                    + (char) ('A' + r.nextInt(26)) + ".");
            el(b, 3, "email", "support@" + host);
            b.append("    </contact>\n  </curation>\n");
        }

        private void content(StringBuilder b) {
            b.append("  <content>\n");
            Set<String> subjects = new LinkedHashSet<>();
            int want = 2 + r.nextInt(3);
            for (int guard = 0; subjects.size() < want && guard < 50; guard++) {
                subjects.add(pick(SUBJECTS, SUBJECT_DRAW));
            }
            for (String s : subjects) {
                el(b, 2, "subject", s);
            }
            el(b, 2, "description", description());
            el(b, 2, "referenceURL", "http://" + host + "/" + (vizier ? "viz-bin/VizieR?-source="
                    + (1 + r.nextInt(999)) : "browse/" + slug(objects) + "/" + (1 + r.nextInt(500))));
            String[] types = switch (kind) {
                case CONE -> new String[] {"Catalog", "Survey"};
                case SIA1, SIA2 -> new String[] {"Archive", "Survey"};
                case TAP -> new String[] {"Archive", "Catalog"};
                case SSA -> new String[] {"Archive", "Catalog"};
            };
            el(b, 2, "type", types[r.nextInt(10) < 7 ? 0 : 1]);
            if (r.nextInt(4) == 0) {
                el(b, 2, "type", r.nextBoolean() ? "Other" : "Simulation");
            }
            el(b, 2, "contentLevel", "Research");
            if (r.nextInt(5) == 0) {
                el(b, 2, "contentLevel", r.nextBoolean() ? "University" : "General");
            }
            b.append("  </content>\n");
        }

        /** 40-150 words: sentences are added until a target of 40-130 words is reached; none exceeds 20. */
        private String description() {
            int target = 40 + r.nextInt(91);
            StringBuilder d = new StringBuilder(1024);
            boolean[] said = new boolean[17];
            int words = 0;
            for (int i = 0; words < target; i++) {
                int which = i == 0 ? r.nextInt(3) : 3 + r.nextInt(14);
                // Prefer templates not yet used, so a description does not repeat itself.
                for (int retry = 0; retry < 6 && said[which]; retry++) {
                    which = 3 + r.nextInt(14);
                }
                // Calibration and cross-match sentences name extra surveys; keep them rarer so survey names stay
                // in a fraction of records.
                if ((which == 5 || which == 7) && r.nextInt(3) != 0) {
                    which = 3 + r.nextInt(14);
                }
                said[which] = true;
                String s = sentence(which);
                d.append(d.length() == 0 ? "" : " ").append(s);
                words += s.split(" ").length;
            }
            return d.toString();
        }

        /** Two different quantities, joined as "a and b" or "a, b". */
        private String quantities(String joiner) {
            String a = pick(QUANTITIES, QUANTITY_DRAW);
            String b = a;
            for (int retry = 0; retry < 10 && b.equals(a); retry++) {
                b = pick(QUANTITIES, QUANTITY_DRAW);
            }
            return a + joiner + b;
        }

        private String sentence(int which) {
            String band = bandWord(this.band);
            return switch (which) {
                case 0 -> "This " + pick(ADJECTIVES, ADJECTIVE_DRAW) + " " + pick(PRODUCTS, PRODUCT_DRAW) + " lists "
                        + count() + " " + objects + (survey != null ? " from the " + survey.name() + " survey"
                        : " observed in the " + band) + ".";
                case 1 -> "We present " + quantities(" and ") + " of " + objects + " in " + region + ".";
                case 2 -> cap(objects) + " towards " + region + " were selected by " + pick(METHODS, METHOD_DRAW)
                        + " in " + band + " data.";
                case 3 -> "The observations were made with the " + pick(INSTRUMENTS, INSTRUMENT_DRAW) + " on "
                        + pick(TELESCOPES, TELESCOPE_DRAW) + " between " + year + " and " + (year + 1 + r.nextInt(6))
                        + ".";
                case 4 -> "For each source the table gives " + quantities(", ") + " and quality flags.";
                case 5 -> cap(pick(QUANTITIES, QUANTITY_DRAW)) + " were derived by " + pick(METHODS, METHOD_DRAW)
                        + " and calibrated against " + SURVEYS[SURVEY_DRAW.next(r)].name() + ".";
                case 6 -> "The survey covers " + (1 + r.nextInt(2000)) + " square degrees around " + region + ".";
                case 7 -> {
                    String one = SURVEYS[SURVEY_DRAW.next(r)].name();
                    String two = one;
                    for (int retry = 0; retry < 10 && two.equals(one); retry++) {
                        two = SURVEYS[SURVEY_DRAW.next(r)].name();
                    }
                    yield "Cross-identifications with " + one + " and " + two + " are given where available.";
                }
                case 8 -> "The sample is complete to " + (14 + r.nextInt(12)) + "." + r.nextInt(10)
                        + " mag in the " + "ugrizJHKVBI".charAt(r.nextInt(11)) + " band at S/N > "
                        + (3 + r.nextInt(8)) + ".";
                case 9 -> "Redshifts span 0." + r.nextInt(10) + " < z < " + (1 + r.nextInt(6)) + "."
                        + r.nextInt(10) + " for the " + pick(OBJECTS, OBJECT_DRAW) + " in the field.";
                case 10 -> "Spectral types and " + pick(QUANTITIES, QUANTITY_DRAW) + " are listed for " + count()
                        + " " + pick(OBJECTS, OBJECT_DRAW) + ".";
                case 11 -> "Details are given in " + SURNAMES[r.nextInt(SURNAMES.length)] + " et al. (" + year
                        + ", " + pick(JOURNALS, JOURNAL_DRAW) + " " + (100 + r.nextInt(800)) + ", "
                        + (1 + r.nextInt(4000)) + ").";
                case 12 -> "Candidate " + pick(OBJECTS, OBJECT_DRAW) + " near " + designation()
                        + " are flagged separately.";
                case 13 -> "Light curves from " + pick(TELESCOPES, TELESCOPE_DRAW) + " sample "
                        + pick(QUANTITIES, QUANTITY_DRAW) + " on time scales from hours to years.";
                case 14 -> serviceSentence();
                default -> "The " + band + " " + pick(QUANTITIES, QUANTITY_DRAW) + " were corrected for "
                        + (r.nextBoolean() ? "Galactic extinction" : "instrumental effects") + " using "
                        + pick(METHODS, METHOD_DRAW) + ".";
            };
        }

        private String serviceSentence() {
            return switch (kind) {
                case CONE -> "This service returns the sources within a given radius of a position on the sky.";
                case SIA1 -> "This service returns calibrated " + bandWord(band) + " images overlapping a field.";
                case SIA2 -> "This service returns image datasets and cutouts described with ObsCore metadata.";
                case TAP -> "The tables can be queried with ADQL through the TAP service.";
                case SSA -> "This service returns one-dimensional spectra of " + objects + " near a position.";
            };
        }

        private void capability(StringBuilder b, String slug, boolean mirror) {
            String base = "http://" + (mirror ? "mirror" + (1 + r.nextInt(3)) + "." : "") + host;
            switch (kind) {
                case CONE -> {
                    open(b, "cs:ConeSearch", "ivo://ivoa.net/std/ConeSearch");
                    intf(b, "1.03", base + "/scs/" + slug + (r.nextBoolean() ? "?" : "?RESPONSEFORMAT=votable&"));
                    el(b, 2, "maxSR", String.valueOf(r.nextBoolean() ? 180 : 1 + r.nextInt(10)));
                    el(b, 2, "maxRecords", String.valueOf(r.nextBoolean() ? 10000 : 50000));
                    el(b, 2, "verbosity", String.valueOf(r.nextBoolean()));
                    b.append("    <testQuery>\n");
                    el(b, 3, "ra", String.format(Locale.ROOT, "%.5f", r.nextDouble() * 360));
                    el(b, 3, "dec", String.format(Locale.ROOT, "%.5f", r.nextDouble() * 180 - 90));
                    el(b, 3, "sr", "0.01");
                    b.append("    </testQuery>\n");
                }
                case SIA1 -> {
                    open(b, "sia:SimpleImageAccess", "ivo://ivoa.net/std/SIA");
                    intf(b, "1.0", base + "/siap/" + slug + "?");
                    el(b, 2, "imageServiceType", new String[] {"Pointed", "Cutout", "Mosaic", "Atlas"}[r.nextInt(4)]);
                    b.append("    <maxQueryRegionSize><long>360</long><lat>180</lat></maxQueryRegionSize>\n");
                    b.append("    <maxImageExtent><long>").append(1 + r.nextInt(10)).append("</long><lat>")
                            .append(1 + r.nextInt(10)).append("</lat></maxImageExtent>\n");
                    el(b, 2, "maxImageSize", String.valueOf(1024 * (1 + r.nextInt(16))));
                    el(b, 2, "maxFileSize", String.valueOf(1000000 * (1 + r.nextInt(500))));
                    el(b, 2, "maxRecords", String.valueOf(r.nextBoolean() ? 1000 : 10000));
                }
                case SIA2 -> {
                    // Real SIA 2 capabilities carry no capability type of their own.
                    open(b, null, "ivo://ivoa.net/std/SIA#query-2.0");
                    intf(b, "2.0", base + "/sia2/" + slug + "/query");
                }
                case TAP -> {
                    open(b, "tr:TableAccess", "ivo://ivoa.net/std/TAP");
                    intf(b, "1.1", base + "/tap");
                    if (r.nextBoolean()) {
                        b.append("    <dataModel ivo-id=\"ivo://ivoa.net/std/ObsCore#core-1.1\">")
                                .append("ObsCore-1.1</dataModel>\n");
                    }
                    b.append("    <language>\n      <name>ADQL</name>\n")
                            .append("      <version ivo-id=\"ivo://ivoa.net/std/ADQL#v2.0\">2.0</version>\n")
                            .append("      <description>ADQL 2.0</description>\n    </language>\n")
                            .append("    <outputFormat>\n      <mime>application/x-votable+xml</mime>\n")
                            .append("    </outputFormat>\n")
                            .append("    <outputFormat>\n      <mime>text/csv</mime>\n    </outputFormat>\n")
                            .append("    <uploadMethod ivo-id=\"ivo://ivoa.net/std/TAPRegExt#upload-inline\"/>\n");
                    b.append("    <retentionPeriod><default>").append(86400 * (1 + r.nextInt(7)))
                            .append("</default></retentionPeriod>\n");
                    b.append("    <outputLimit><default unit=\"row\">").append(r.nextBoolean() ? 2000 : 20000)
                            .append("</default><hard unit=\"row\">").append(10000000)
                            .append("</hard></outputLimit>\n");
                }
                case SSA -> {
                    open(b, "ssa:SimpleSpectralAccess", "ivo://ivoa.net/std/SSA");
                    intf(b, "1.1", base + "/ssap/" + slug + "?");
                    el(b, 2, "complianceLevel", r.nextBoolean() ? "query" : "full");
                    el(b, 2, "dataSource", new String[] {"survey", "pointed", "custom", "theory"}[r.nextInt(4)]);
                    el(b, 2, "creationType", r.nextBoolean() ? "archival" : "cutout");
                    el(b, 2, "supportedFrame", "ICRS");
                    el(b, 2, "maxSearchRadius", String.valueOf(1 + r.nextInt(90)));
                    el(b, 2, "maxRecords", "10000");
                    el(b, 2, "defaultMaxRecords", "1000");
                    b.append("    <testQuery>\n");
                    el(b, 3, "queryDataCmd", "POS=" + r.nextInt(360) + "," + (r.nextInt(180) - 90) + "&SIZE=0.5");
                    b.append("    </testQuery>\n");
                }
                default -> throw new IllegalStateException(kind.toString());
            }
            b.append("  </capability>\n");
        }

        private static void open(StringBuilder b, String xsiType, String standardId) {
            b.append("  <capability");
            if (xsiType != null) {
                b.append(" xsi:type=\"").append(xsiType).append('"');
            }
            b.append(" standardID=\"").append(standardId).append("\">\n");
        }

        private void intf(StringBuilder b, String version, String url) {
            b.append("    <interface xsi:type=\"vs:ParamHTTP\" role=\"std\" version=\"").append(version).append("\">\n")
                    .append("      <accessURL use=\"base\">").append(esc(url)).append("</accessURL>\n")
                    .append("      <queryType>GET</queryType>\n")
                    .append("      <resultType>application/x-votable+xml</resultType>\n")
                    .append("    </interface>\n");
        }

        private void coverage(StringBuilder b) {
            Set<String> bands = new LinkedHashSet<>();
            bands.add(band);
            int want = 1 + (r.nextInt(10) < 6 ? 0 : r.nextInt(10) < 7 ? 1 : 2);
            for (int guard = 0; bands.size() < want && guard < 20; guard++) {
                bands.add(BANDS[BAND_DRAW.next(r)]);
            }
            b.append("  <coverage>\n");
            for (String w : bands) {
                el(b, 2, "waveband", w);
            }
            b.append("  </coverage>\n");
        }

        // ---- small pieces ----

        private String pick(String[] words, Zipf draw) {
            return words[draw.next(r)];
        }

        private String count() {
            int magnitude = 1 + r.nextInt(6);
            return String.valueOf((int) Math.pow(10, magnitude - 1) * (1 + r.nextInt(9)) + r.nextInt(10));
        }

        /** NGC/IC/Abell/HD numbers: each is rare, which gives the vocabulary its long tail. */
        private String designation() {
            return switch (r.nextInt(5)) {
                case 0 -> "NGC " + (1 + r.nextInt(7840));
                case 1 -> "IC " + (1 + r.nextInt(5386));
                case 2 -> "Abell " + (1 + r.nextInt(4076));
                case 3 -> "HD " + (1 + r.nextInt(359083));
                default -> "M " + (1 + r.nextInt(110));
            };
        }

        private String spectroscopyWord() {
            return new String[] {"spectroscopy", "photometry", "astrometry", "kinematics", "variability"}[r.nextInt(5)];
        }

        private static String bandWord(String band) {
            return switch (band) {
                case "Optical" -> "optical";
                case "Infrared" -> "infrared";
                case "X-ray" -> "X-ray";
                case "Radio" -> "radio";
                case "UV" -> "ultraviolet";
                case "Millimeter" -> "millimetre";
                case "Gamma-ray" -> "gamma-ray";
                default -> "extreme-ultraviolet";
            };
        }
    }

    private static String hostOf(String authority) {
        return switch (authority) {
            case "cds.vizier" -> "vizier.cds.unistra.fr";
            case "org.gavo.dc" -> "dc.g-vo.org";
            case "nasa.heasarc" -> "heasarc.gsfc.nasa.gov";
            case "irsa.ipac" -> "irsa.ipac.caltech.edu";
            case "sdss.jhu" -> "skyserver.sdss.org";
            default -> {
                String[] parts = authority.split("\\.");
                String last = parts[parts.length - 1];
                // Already a DNS-like name (ends in a TLD): use it; otherwise reverse it under .org.
                if (parts.length > 1 && Set.of("edu", "org", "fr", "de", "it", "nl", "es", "uk", "jp", "ca", "au",
                        "ru", "za", "in", "kr", "br", "am", "cz", "hu", "net", "int").contains(last)) {
                    yield authority;
                }
                StringBuilder h = new StringBuilder();
                for (int i = parts.length - 1; i >= 0; i--) {
                    h.append(parts[i]).append('.');
                }
                yield h.append("org").toString();
            }
        };
    }

    private static String publisherOf(String authority) {
        return switch (authority) {
            case "cds.vizier" -> "CDS";
            case "org.gavo.dc" -> "The GAVO DC team";
            case "nasa.heasarc" -> "NASA/GSFC HEASARC";
            case "irsa.ipac" -> "NASA/IPAC Infrared Science Archive";
            case "sdss.jhu" -> "Sloan Digital Sky Survey";
            case "ned.ipac" -> "NASA/IPAC Extragalactic Database";
            case "esavo", "esa.esac" -> "ESA Science Data Centre";
            case "cadc.nrc.ca" -> "Canadian Astronomy Data Centre";
            case "eso.org", "archive.eso" -> "European Southern Observatory";
            default -> {
                // The most distinctive part of the name: the longest one that is not a generic word.
                String name = "";
                for (String part : authority.split("\\.")) {
                    if (part.length() > name.length() && !Set.of("archive", "astro", "data", "obs", "vo", "org",
                            "edu").contains(part)) {
                        name = part;
                    }
                }
                yield name.toUpperCase(Locale.ROOT) + (authority.startsWith("archive.") ? " Data Archive"
                        : " Astronomical Data Centre");
            }
        };
    }

    private static String timestamp(LocalDate day) {
        return day + "T00:00:00Z";
    }

    private static String slug(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }

    private static String cap(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static void el(StringBuilder b, int depth, String name, String text) {
        b.append("  ".repeat(depth)).append('<').append(name).append('>').append(esc(text)).append("</")
                .append(name).append(">\n");
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
