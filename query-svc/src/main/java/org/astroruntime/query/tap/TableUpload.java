package org.astroruntime.query.tap;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.astroruntime.common.error.InvalidParameterException;

/**
 * A table sent with a TAP query (TAP 1.1 {@code UPLOAD}), queryable there as {@code TAP_UPLOAD.name}. The source is
 * a table in VOSpace ({@code #path} in the owner's space or a {@code vos://} URI, fetched by query-svc and sent
 * inline), or an http(s) URL that the TAP service fetches itself.
 *
 * @param name   the table name, an ADQL regular identifier
 * @param source {@code #path}, {@code vos://...} or {@code http(s)://...}
 */
public record TableUpload(String name, String source) {

    /** Uploads per query; TAP services allow few, and each costs a transfer. */
    public static final int MAX_UPLOADS = 8;
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");

    /** Whether query-svc must fetch the table from VOSpace and send it inline. */
    public boolean inVoSpace() {
        return source.startsWith("#") || source.startsWith("vos://");
    }

    /** The same upload with its source replaced (a {@code #path} resolved to its {@code vos://} URI). */
    public TableUpload withSource(String resolved) {
        return new TableUpload(name, resolved);
    }

    /**
     * Parses the UPLOAD parameter, {@code name,source} pairs separated by {@code ;}.
     *
     * @throws InvalidParameterException for bad syntax, a bad name, a repeated name or an unsupported source
     */
    public static List<TableUpload> parseAll(String parameter) {
        if (parameter == null || parameter.isBlank()) {
            return List.of();
        }
        List<TableUpload> uploads = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (String pair : parameter.split(";")) {
            if (pair.isBlank()) {
                continue;
            }
            int comma = pair.indexOf(',');
            if (comma < 0) {
                throw invalid("each upload is name,source (e.g. mylist,#lists/targets.vot), got '" + pair.strip() + "'");
            }
            String name = pair.substring(0, comma).strip();
            String source = pair.substring(comma + 1).strip();
            if (!NAME.matcher(name).matches()) {
                throw invalid("upload name '" + name + "' must be a letter followed by letters, digits or '_'");
            }
            if (!names.add(name.toLowerCase(Locale.ROOT))) {
                throw invalid("upload name '" + name + "' is used twice");
            }
            String lower = source.toLowerCase(Locale.ROOT);
            if (!(source.startsWith("#") || lower.startsWith("vos://") || lower.startsWith("http://")
                    || lower.startsWith("https://"))) {
                throw invalid("the source of upload '" + name + "' must be #path or vos://... (a table in VOSpace) or an "
                        + "http(s) URL, got '" + source + "'");
            }
            uploads.add(new TableUpload(name, source));
        }
        if (uploads.size() > MAX_UPLOADS) {
            throw invalid("at most " + MAX_UPLOADS + " tables may be uploaded with one query, got " + uploads.size());
        }
        return List.copyOf(uploads);
    }

    private static InvalidParameterException invalid(String message) {
        return new InvalidParameterException("UPLOAD", message);
    }
}
