package org.astroruntime.query.sia;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import uk.ac.starlink.table.ColumnInfo;
import uk.ac.starlink.table.RowSequence;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.StarTableFactory;
import uk.ac.starlink.table.StoragePolicy;
import uk.ac.starlink.util.FileDataSource;

/**
 * The datasets an image query found, read from its answer: the access URL, media type and title of each row. SIA
 * 1.0 marks these columns with the UCDs {@code VOX:Image_AccessReference}, {@code VOX:Image_Format} and
 * {@code VOX:Image_Title}; SIA 2.0 answers are ObsCore tables with {@code access_url}, {@code access_format} and
 * {@code obs_publisher_did} / {@code obs_id}.
 */
public final class DatasetList {

    /**
     * One dataset.
     *
     * @param url       where to download it
     * @param mediaType its media type as the service gave it, or null
     * @param title     a title or identifier for naming the file, or null
     */
    public record Dataset(URI url, String mediaType, String title) {
    }

    private DatasetList() {
    }

    /**
     * Reads up to {@code max} datasets from the VOTable {@code answer}, skipping rows without a usable http(s) URL.
     *
     * @throws IOException when the answer cannot be read or has no access URL column
     */
    public static List<Dataset> read(Path answer, int max) throws IOException {
        StarTableFactory factory = new StarTableFactory(false);
        factory.setStoragePolicy(StoragePolicy.PREFER_DISK);
        StarTable table = factory.makeStarTable(new FileDataSource(answer.toFile()), "votable");
        int url = column(table, "VOX:Image_AccessReference", "access_url");
        if (url < 0) {
            throw new IOException("the answer has no access URL column (UCD VOX:Image_AccessReference or ObsCore "
                    + "access_url), so there is nothing to download");
        }
        int format = column(table, "VOX:Image_Format", "access_format");
        int title = column(table, "VOX:Image_Title", "obs_publisher_did");
        if (title < 0) {
            title = column(table, null, "obs_id");
        }
        List<Dataset> found = new ArrayList<>();
        try (RowSequence rows = table.getRowSequence()) {
            while (found.size() < max && rows.next()) {
                URI link = httpUri(rows.getCell(url));
                if (link != null) {
                    found.add(new Dataset(link, text(rows, format), text(rows, title)));
                }
            }
        }
        return found;
    }

    private static int column(StarTable table, String ucd, String name) {
        for (int i = 0; i < table.getColumnCount(); i++) {
            ColumnInfo info = table.getColumnInfo(i);
            if ((ucd != null && ucd.equalsIgnoreCase(info.getUCD())) || name.equalsIgnoreCase(info.getName())) {
                return i;
            }
        }
        return -1;
    }

    private static String text(RowSequence rows, int column) throws IOException {
        if (column < 0) {
            return null;
        }
        Object cell = rows.getCell(column);
        return cell == null || cell.toString().isBlank() ? null : cell.toString().strip();
    }

    private static URI httpUri(Object cell) {
        if (cell == null) {
            return null;
        }
        try {
            URI uri = URI.create(cell.toString().strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return scheme.equals("http") || scheme.equals("https") ? uri : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
