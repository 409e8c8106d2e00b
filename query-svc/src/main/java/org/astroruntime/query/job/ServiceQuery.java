package org.astroruntime.query.job;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.astroruntime.common.id.IvoId;
import org.astroruntime.common.id.VosUri;
import org.astroruntime.common.votable.QueryStatus;
import org.astroruntime.common.votable.VoTableChecker;
import org.astroruntime.common.votable.VoTableException;
import org.astroruntime.common.votable.VoTableReport;
import org.astroruntime.query.sia.DatasetDownloads;
import org.astroruntime.query.tap.TableUpload;
import org.astroruntime.query.cache.ResultCache;
import org.astroruntime.query.protocol.ProtocolParameters;
import org.astroruntime.query.protocol.QueryProtocol;
import org.astroruntime.query.registry.RegistryClient;
import org.astroruntime.query.remote.RemoteQueryException;
import org.astroruntime.query.remote.VoTableFetcher;
import org.astroruntime.query.result.ResultConverter;
import org.astroruntime.query.result.ResultUpload;
import org.astroruntime.query.result.ResultUploads;
import org.astroruntime.query.storage.StoredResult;
import org.astroruntime.query.storage.VoSpaceClient;
import org.astroruntime.query.tap.TapAsyncClient;
import org.astroruntime.query.tap.TapParameters;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * One query against one service, from resolution to the stored result: resolve the service (the capability of
 * the protocol), answer from the shared cache or fetch and check the answer, convert it to the asked format, store
 * it in the owner's VOSpace. Any failure is a {@link RemoteQueryException} and leaves nothing stored.
 */
@ApplicationScoped
public class ServiceQuery {

    private static final Logger LOG = Logger.getLogger(ServiceQuery.class);

    /**
     * A stored answer.
     *
     * @param result   the stored table
     * @param datasets the datasets saved with it (SAVEDATASETS), possibly none
     * @param note     a remark for the job (truncation, cache use, datasets), or null
     */
    public record Answer(JobResult result, List<JobResult> datasets, String note) {

        /** The table first, then the datasets. */
        public List<JobResult> all() {
            List<JobResult> all = new ArrayList<>();
            all.add(result);
            all.addAll(datasets);
            return all;
        }
    }

    @Inject
    RegistryClient registry;

    @Inject
    VoTableFetcher fetcher;

    @Inject
    TapAsyncClient tapAsync;

    @Inject
    ResultConverter converter;

    @Inject
    ResultCache cache;

    @Inject
    VoSpaceClient vospace;

    @Inject
    DatasetDownloads datasetDownloads;

    @Inject
    ResultUploads uploads;

    private final VoTableChecker checker = new VoTableChecker();
    private final Path workDir;
    private final long uploadMaxBytes;

    public ServiceQuery(@ConfigProperty(name = "astroruntime.data-dir") Path dataDir,
                        @ConfigProperty(name = "query.tap.upload-max-bytes") long uploadMaxBytes) throws IOException {
        this.workDir = Files.createDirectories(dataDir.resolve("work"));
        this.uploadMaxBytes = uploadMaxBytes;
    }

    /**
     * Runs {@code spec}'s query against {@code target} and stores the answer at {@code destination} as result
     * {@code resultId}.
     *
     * @param workName a name unique among running queries, for the work files
     */
    public Answer run(QuerySpec spec, String target, VosUri destination, String resultId, String workName)
            throws RemoteQueryException {
        Path workFile = workDir.resolve(workName + ".vot");
        Path convertedFile = workDir.resolve(workName + ".out");
        List<Path> workFiles = new ArrayList<>(List.of(workFile, convertedFile));
        try {
            ProtocolParameters query = spec.query();
            QueryProtocol protocol = query.protocol();
            String base = IvoId.isIvoId(target) ? registry.accessUrl(IvoId.parse(target), protocol.standardId()) : target;
            String cacheKey = ResultCache.key(query.canonical(base) + " format=" + spec.format().apiName());
            // Saving datasets needs the service's own answer (its access URLs), so such a query is always sent.
            boolean cacheable = spec.cache().uses() && query.cacheable();
            if (cacheable && spec.datasets() == null) {
                Optional<ResultCache.Entry> hit = cache.lookup(cacheKey, spec.cache().acceptsOverflow(), convertedFile);
                if (hit.isPresent()) {
                    ResultCache.Entry e = hit.get();
                    return new Answer(store(spec, destination, resultId, e.file(), e.mediaType(), e.rows(), e.overflow()),
                            List.of(), "answered from the shared cache (fetched from the service at " + e.created() + ")");
                }
            }
            Map<String, Path> staged = query instanceof TapParameters tap
                    ? stageUploads(tap, spec.token(), workName, workFiles) : Map.of();
            VoTableReport report;
            JobResult result;
            if (spec.format().streamable()) {
                // Checked, converted and stored in one pass while the answer arrives.
                try (ResultUpload upload = uploads.open(destination, spec.format(), spec.token(),
                        cacheable ? convertedFile : null, spec.datasets() != null ? workFile : null)) {
                    try {
                        report = fetch(query, base, staged, r -> fetcher.fetchInto(r, upload.raw(), upload.rows()));
                    } catch (RemoteQueryException e) {
                        throw upload.failureOr(e);
                    }
                    checkUsable(report, protocol);
                    result = jobResult(resultId, upload.commit(), spec.format().mediaType(), report);
                }
            } else {
                report = fetch(query, base, staged, r -> fetcher.fetch(r, workFile).report());
                checkUsable(report, protocol);
                Path converted = converter.convert(workFile, spec.format(), convertedFile);
                result = store(spec, destination, resultId, converted, spec.format().mediaType(), report.rows(),
                        report.status() == QueryStatus.OVERFLOW);
            }
            boolean overflow = report.status() == QueryStatus.OVERFLOW;
            if (cacheable && (!overflow || spec.cache().acceptsOverflow())) {
                cache.store(cacheKey, convertedFile, spec.format().mediaType(), report.rows(), overflow);
            }
            List<String> notes = new ArrayList<>();
            if (overflow) {
                notes.add("the service truncated its answer at " + report.rows() + " rows"
                        + (report.message() == null ? "" : ": " + report.message()));
            }
            List<JobResult> datasets = List.of();
            if (spec.datasets() != null) {
                DatasetDownloads.Outcome saved = datasetDownloads.save(workFile, spec.datasets(), spec.token());
                datasets = saved.saved();
                notes.add(saved.note(spec.datasets().folder()));
            }
            return new Answer(result, datasets, notes.isEmpty() ? null : String.join("; ", notes));
        } finally {
            for (Path file : workFiles) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    LOG.warnf("cannot delete work file %s: %s", file, e);
                }
            }
        }
    }

    /** Sends the query (a TAP query sync or as a remote job) and reads the answer with {@code reader}. */
    private VoTableReport fetch(ProtocolParameters query, String base, Map<String, Path> staged,
                                TapAsyncClient.ResultReader reader) throws RemoteQueryException {
        if (query instanceof TapParameters tap) {
            return tap.async() ? tapAsync.run(base, tap, staged, reader) : reader.read(tap.request(base, staged));
        }
        return reader.read(query.request(base));
    }

    /** An error document, or a VOTable without a table, is not a result. */
    private static void checkUsable(VoTableReport report, QueryProtocol protocol) throws RemoteQueryException {
        if (report.status() == QueryStatus.ERROR) {
            throw new RemoteQueryException("the " + protocol.displayName() + " service reported an error: "
                    + report.message());
        }
        if (report.tables() == 0) {
            throw new RemoteQueryException("the " + protocol.displayName()
                    + " service answered a VOTable without a table");
        }
    }

    private static JobResult jobResult(String resultId, StoredResult stored, String mediaType, VoTableReport report) {
        return new JobResult(resultId, stored.uri(), stored.url(), stored.readUrl(), mediaType, report.rows(),
                stored.length(), report.status() == QueryStatus.OVERFLOW);
    }

    /**
     * Fetches the query's VOSpace uploads into work files (added to {@code workFiles} for clean-up), each checked
     * to be a VOTable, so that a wrong file is reported as such rather than by the remote service.
     */
    private Map<String, Path> stageUploads(TapParameters tap, String token, String workName, List<Path> workFiles)
            throws RemoteQueryException {
        Map<String, Path> staged = new HashMap<>();
        for (TableUpload upload : tap.uploads()) {
            if (!upload.inVoSpace()) {
                continue;
            }
            Path file = workDir.resolve(workName + "-upload-" + upload.name() + ".vot");
            workFiles.add(file);
            vospace.download(VosUri.parse(upload.source()), file, uploadMaxBytes, token);
            try (InputStream in = Files.newInputStream(file)) {
                VoTableReport report = checker.check(in);
                if (report.tables() == 0) {
                    throw new RemoteQueryException("the table to upload as " + upload.name() + " (" + upload.source()
                            + ") is a VOTable without a table");
                }
            } catch (IOException | VoTableException e) {
                throw new RemoteQueryException("the table to upload as " + upload.name() + " (" + upload.source()
                        + ") is not a readable VOTable: " + e.getMessage(), e);
            }
            staged.put(upload.name(), file);
        }
        return staged;
    }

    /** Stores a file of the job (such as a fan-out's summary) in the owner's space. */
    public JobResult store(QuerySpec spec, VosUri destination, String resultId, Path file, String mediaType, long rows,
                           boolean overflow) throws RemoteQueryException {
        StoredResult stored = vospace.upload(destination, file, mediaType, spec.token());
        return new JobResult(resultId, stored.uri(), stored.url(), stored.readUrl(), mediaType, rows, stored.length(),
                overflow);
    }

    /** A scratch file for the job's own outputs (e.g. a fan-out summary); the caller deletes it. */
    public Path workFile(String name) {
        return workDir.resolve(name);
    }
}
