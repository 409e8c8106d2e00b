package org.astroruntime.query.result;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.astroruntime.common.error.InvalidParameterException;

/**
 * The formats a result can be stored in ({@code RESULTFORMAT}): VOTable with BINARY2 data by default (compact,
 * exact, read by TOPCAT and pyvo), VOTable TABLEDATA, FITS binary table, CSV, or the service's answer as it came.
 */
public enum ResultFormat {
    BINARY2("binary2", "application/x-votable+xml", ".vot"),
    TABLEDATA("tabledata", "application/x-votable+xml", ".vot"),
    FITS("fits", "application/fits", ".fits"),
    CSV("csv", "text/csv", ".csv"),
    /** The checked answer, byte for byte: no conversion pass. */
    ORIGINAL("original", "application/x-votable+xml", ".vot");

    private final String apiName;
    private final String mediaType;
    private final String extension;

    ResultFormat(String apiName, String mediaType, String extension) {
        this.apiName = apiName;
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String apiName() {
        return apiName;
    }

    public String mediaType() {
        return mediaType;
    }

    /**
     * Whether the result can be written while the answer is still being read. FITS cannot: its header states the
     * row count and column widths, which are known only at the end, so FITS is spooled to disk first.
     */
    public boolean streamable() {
        return this != FITS;
    }

    /** The file name extension of a default destination, e.g. {@code .fits}. */
    public String extension() {
        return extension;
    }

    /**
     * The format asked for: {@code requested} if given ({@code votable} means BINARY2), otherwise the one the
     * destination's name implies ({@code .fits}, {@code .csv}), otherwise BINARY2.
     */
    public static ResultFormat choose(String requested, String destinationName) {
        if (requested != null && !requested.isBlank()) {
            String r = requested.strip().toLowerCase(Locale.ROOT);
            if (r.equals("votable") || r.equals("vot")) {
                return BINARY2;
            }
            return Arrays.stream(values()).filter(f -> f.apiName.equals(r)).findFirst()
                    .orElseThrow(() -> new InvalidParameterException("RESULTFORMAT", "unknown result format '" + requested
                            + "'; known: votable, " + Arrays.stream(values()).map(ResultFormat::apiName)
                            .collect(Collectors.joining(", "))));
        }
        String name = destinationName == null ? "" : destinationName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".fits") || name.endsWith(".fit")) {
            return FITS;
        }
        if (name.endsWith(".csv")) {
            return CSV;
        }
        return BINARY2;
    }
}
