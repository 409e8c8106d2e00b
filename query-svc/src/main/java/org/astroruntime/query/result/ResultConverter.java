package org.astroruntime.query.result;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.astroruntime.query.remote.RemoteQueryException;
import uk.ac.starlink.fits.FitsTableWriter;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.StarTableFactory;
import uk.ac.starlink.table.StarTableWriter;
import uk.ac.starlink.table.StoragePolicy;
import uk.ac.starlink.table.formats.CsvTableWriter;
import uk.ac.starlink.util.FileDataSource;
import uk.ac.starlink.votable.DataFormat;
import uk.ac.starlink.votable.VOTableWriter;

/**
 * Converts a checked VOTable answer into the stored format with STIL. Rows are spooled to disk, not held in memory
 * (FITS needs its row count and column widths before the data), so the heap stays flat whatever the size.
 */
@ApplicationScoped
public class ResultConverter {

    /**
     * Writes {@code answer} as {@code format} into {@code target}; for {@link ResultFormat#ORIGINAL} returns
     * {@code answer} itself.
     *
     * @return the file holding the result
     */
    public Path convert(Path answer, ResultFormat format, Path target) throws RemoteQueryException {
        if (format == ResultFormat.ORIGINAL) {
            return answer;
        }
        StarTableFactory factory = new StarTableFactory(false);
        factory.setStoragePolicy(StoragePolicy.PREFER_DISK);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(target), 1 << 16)) {
            StarTable table = factory.makeStarTable(new FileDataSource(answer.toFile()), "votable");
            writer(format).writeStarTable(table, out);
        } catch (IOException e) {
            throw new RemoteQueryException("the answer could not be converted to " + format.apiName() + ": "
                    + e.getMessage(), e);
        }
        return target;
    }

    /** STIL's writer for {@code format} (not {@link ResultFormat#ORIGINAL}, which is not written but copied). */
    static StarTableWriter writer(ResultFormat format) {
        return switch (format) {
            case BINARY2 -> new VOTableWriter(DataFormat.BINARY2, true);
            case TABLEDATA -> new VOTableWriter(DataFormat.TABLEDATA, true);
            case FITS -> new FitsTableWriter();
            case CSV -> new CsvTableWriter();
            case ORIGINAL -> throw new IllegalArgumentException("nothing to write for " + format);
        };
    }
}
