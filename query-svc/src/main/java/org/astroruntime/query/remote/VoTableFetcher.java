package org.astroruntime.query.remote;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.astroruntime.common.votable.VoTableChecker;
import org.astroruntime.common.votable.VoTableException;
import org.astroruntime.common.votable.VoTableReport;
import org.astroruntime.query.protocol.RemoteRequest;
import uk.ac.starlink.table.TableSink;

/**
 * Fetches a VOTable from a remote service and streams it through the {@link VoTableChecker} into a work file, in
 * one pass (see {@link RemoteDownloader} for the deadline, the size cap and the per-host rules).
 */
@ApplicationScoped
public class VoTableFetcher {

    private static final String ACCEPT = "application/x-votable+xml, text/xml;q=0.9, */*;q=0.1";

    private final RemoteDownloader downloader;
    private final VoTableChecker checker = new VoTableChecker();

    public VoTableFetcher(RemoteDownloader downloader) {
        this.downloader = downloader;
    }

    /**
     * Downloads {@code url} into {@code workFile} and checks it.
     *
     * @throws RemoteQueryException with a message for the user when the service cannot be reached, answers with an
     *                              HTTP error, times out, or sends something that is not a complete VOTable; the
     *                              work file is then deleted
     */
    public CheckedDownload fetch(URI url, Path workFile) throws RemoteQueryException {
        return fetch(new RemoteRequest(url, null), workFile);
    }

    /**
     * Sends {@code remote} and streams its answer through the checker: the bytes into {@code copy}, the first
     * table's decoded rows into {@code firstTable} when not null (so that it is converted in the same pass).
     *
     * @throws RemoteQueryException as {@link #fetch(URI, Path)}; what was written to {@code copy} must be discarded
     */
    public VoTableReport fetchInto(RemoteRequest remote, OutputStream copy, TableSink firstTable)
            throws RemoteQueryException {
        return downloader.download(remote, ACCEPT, (body, length) -> {
            try {
                return checker.copyAndCheck(body, copy, firstTable);
            } catch (VoTableException e) {
                throw invalid(remote, e);
            }
        });
    }

    private static RemoteQueryException invalid(RemoteRequest remote, VoTableException e) {
        return new RemoteQueryException("the service at " + remote.url().getHost()
                + " did not answer with a valid VOTable: " + e.getMessage(), e);
    }

    /** Sends {@code remote} (a GET, or a form POST) and saves its checked answer into {@code workFile}. */
    public CheckedDownload fetch(RemoteRequest remote, Path workFile) throws RemoteQueryException {
        boolean ok = false;
        try {
            VoTableReport report = downloader.download(remote, ACCEPT, (body, length) -> {
                try (OutputStream out = Files.newOutputStream(workFile)) {
                    return checker.copyAndCheck(body, out);
                } catch (VoTableException e) {
                    throw invalid(remote, e);
                }
            });
            ok = true;
            return new CheckedDownload(workFile, report);
        } finally {
            if (!ok) {
                try {
                    Files.deleteIfExists(workFile);
                } catch (IOException ignored) {
                    // A leftover work file is swept with the work directory; it is never visible to users.
                }
            }
        }
    }
}
