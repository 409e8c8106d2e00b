package org.astroruntime.query.job;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.astroruntime.common.id.IvoId;
import org.astroruntime.common.id.VosUri;
import org.astroruntime.common.votable.QueryStatus;
import org.astroruntime.common.votable.VoTableReport;
import org.astroruntime.query.cache.ResultCache;
import org.astroruntime.query.protocol.ProtocolParameters;
import org.astroruntime.query.protocol.QueryProtocol;
import org.astroruntime.query.registry.RegistryClient;
import org.astroruntime.query.remote.CheckedDownload;
import org.astroruntime.query.remote.RemoteQueryException;
import org.astroruntime.query.remote.VoTableFetcher;
import org.astroruntime.query.result.ResultConverter;
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
     * @param result the stored table
     * @param note   a remark for the job (truncation, cache use), or null
     */
    public record Answer(JobResult result, String note) {
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

    private final Path workDir;

    public ServiceQuery(@ConfigProperty(name = "astroruntime.data-dir") Path dataDir) throws IOException {
        this.workDir = Files.createDirectories(dataDir.resolve("work"));
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
        try {
            ProtocolParameters query = spec.query();
            QueryProtocol protocol = query.protocol();
            String base = IvoId.isIvoId(target) ? registry.accessUrl(IvoId.parse(target), protocol.standardId()) : target;
            String cacheKey = ResultCache.key(query.canonical(base) + " format=" + spec.format().apiName());
            if (spec.cache().uses()) {
                Optional<ResultCache.Entry> hit = cache.lookup(cacheKey, spec.cache().acceptsOverflow(), convertedFile);
                if (hit.isPresent()) {
                    ResultCache.Entry e = hit.get();
                    return new Answer(store(spec, destination, resultId, e.file(), e.mediaType(), e.rows(), e.overflow()),
                            "answered from the shared cache (fetched from the service at " + e.created() + ")");
                }
            }
            CheckedDownload download = query instanceof TapParameters tap && tap.async()
                    ? tapAsync.run(base, tap, workFile)
                    : fetcher.fetch(query.request(base), workFile);
            VoTableReport report = download.report();
            if (report.status() == QueryStatus.ERROR) {
                throw new RemoteQueryException("the " + protocol.displayName() + " service reported an error: "
                        + report.message());
            }
            if (report.tables() == 0) {
                throw new RemoteQueryException("the " + protocol.displayName()
                        + " service answered a VOTable without a table");
            }
            Path converted = converter.convert(download.file(), spec.format(), convertedFile);
            boolean overflow = report.status() == QueryStatus.OVERFLOW;
            JobResult result = store(spec, destination, resultId, converted, spec.format().mediaType(), report.rows(),
                    overflow);
            if (spec.cache().uses() && (!overflow || spec.cache().acceptsOverflow())) {
                cache.store(cacheKey, converted, spec.format().mediaType(), report.rows(), overflow);
            }
            return new Answer(result, overflow ? "the service truncated its answer at " + report.rows() + " rows"
                    + (report.message() == null ? "" : ": " + report.message()) : null);
        } finally {
            for (Path file : new Path[] {workFile, convertedFile}) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    LOG.warnf("cannot delete work file %s: %s", file, e);
                }
            }
        }
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
