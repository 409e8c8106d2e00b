package org.astroruntime.query.remote;

import java.nio.file.Path;
import org.astroruntime.common.votable.VoTableReport;

/**
 * A remote answer saved to a local work file and checked on the way.
 *
 * @param file   the work file holding the answer's bytes; the caller deletes it
 * @param report what the VOTable check found
 */
public record CheckedDownload(Path file, VoTableReport report) {
}
