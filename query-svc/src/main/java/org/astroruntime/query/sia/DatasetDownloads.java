package org.astroruntime.query.sia;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.astroruntime.common.id.VosUri;
import org.astroruntime.query.job.JobResult;
import org.astroruntime.query.protocol.RemoteRequest;
import org.astroruntime.query.remote.RemoteDownloader;
import org.astroruntime.query.remote.RemoteQueryException;
import org.astroruntime.query.storage.StoredResult;
import org.astroruntime.query.storage.VoSpaceClient;
import org.jboss.logging.Logger;

/**
 * Saves the datasets (images) an image query found into a VOSpace container, one after the other, each streamed
 * from the archive into vospace-svc without a local copy. A dataset that cannot be fetched or stored is reported
 * and skipped; vospace-svc discards a transfer cut short, so no partial file is left.
 */
@ApplicationScoped
public class DatasetDownloads {

    private static final Logger LOG = Logger.getLogger(DatasetDownloads.class);

    /**
     * What was saved.
     *
     * @param saved    one result per saved file, ids {@code dataset-1}, {@code dataset-2}, ...
     * @param failures one line per dataset that was not saved
     * @param found    how many datasets the answer offered (up to the request's maximum)
     */
    public record Outcome(List<JobResult> saved, List<String> failures, int found) {

        /** A note for the job. */
        public String note(VosUri folder) {
            String text = "saved " + saved.size() + " of " + found + " datasets into " + folder;
            return failures.isEmpty() ? text : text + "; not saved: " + String.join("; ", failures);
        }
    }

    @Inject
    RemoteDownloader downloader;

    @Inject
    VoSpaceClient vospace;

    /**
     * Saves the datasets listed in {@code answer} (the service's VOTable) as {@code request} asks.
     *
     * @throws RemoteQueryException when the answer has no access URLs to follow
     */
    public Outcome save(Path answer, DatasetRequest request, String ownerToken) throws RemoteQueryException {
        List<DatasetList.Dataset> datasets;
        try {
            datasets = DatasetList.read(answer, request.max());
        } catch (IOException e) {
            throw new RemoteQueryException("cannot save the datasets: " + e.getMessage(), e);
        }
        List<JobResult> saved = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (DatasetList.Dataset dataset : datasets) {
            if (Thread.currentThread().isInterrupted()) {
                throw new RemoteQueryException("the query was aborted while saving its datasets");
            }
            String name = uniqueName(dataset, names);
            VosUri node = request.folder().withPath(request.folder().path().child(name));
            String mediaType = dataset.mediaType() == null ? "application/octet-stream" : dataset.mediaType();
            try {
                StoredResult stored = downloader.download(new RemoteRequest(dataset.url(), null), "*/*",
                        (body, length) -> vospace.upload(node, body, length, mediaType, ownerToken));
                saved.add(new JobResult("dataset-" + (saved.size() + 1), stored.uri(), stored.url(), stored.readUrl(),
                        mediaType, 0, stored.length(), false));
            } catch (RemoteQueryException e) {
                LOG.infof("dataset %s not saved: %s", dataset.url(), e.getMessage());
                failures.add(name + ": " + e.getMessage());
            }
        }
        return new Outcome(saved, failures, datasets.size());
    }

    /** A file name from the title or the URL, with an extension from the media type, unique in this folder. */
    static String uniqueName(DatasetList.Dataset dataset, Set<String> taken) {
        String base = dataset.title();
        if (base == null) {
            String path = dataset.url().getPath();
            base = path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
        }
        base = base.replaceAll("[^A-Za-z0-9._-]+", "_").replaceAll("^[._]+", "");
        if (base.isEmpty()) {
            base = "dataset";
        }
        base = base.length() > 100 ? base.substring(0, 100) : base;
        String extension = extension(dataset.mediaType());
        if (base.toLowerCase(Locale.ROOT).endsWith(extension)) {
            base = base.substring(0, base.length() - extension.length());
        }
        String name = base + extension;
        for (int n = 2; !taken.add(name.toLowerCase(Locale.ROOT)); n++) {
            name = base + "-" + n + extension;
        }
        return name;
    }

    private static String extension(String mediaType) {
        String type = mediaType == null ? "" : mediaType.toLowerCase(Locale.ROOT);
        if (type.contains("fits")) {
            return ".fits";
        } else if (type.contains("jpeg")) {
            return ".jpg";
        } else if (type.contains("png")) {
            return ".png";
        } else if (type.contains("votable")) {
            return ".vot";
        }
        return "";
    }
}
