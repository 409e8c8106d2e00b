package org.astroruntime.query.job;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.astroruntime.common.id.IvoId;
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
 * Runs one query job: resolve the service (the capability of the job's protocol), fetch and check the answer, store it in the owner's VOSpace,
 * announce the result. Any failure ends the job in ERROR with a reason and leaves nothing stored.
 */
@ApplicationScoped
public class QueryExecution {

    private static final Logger LOG = Logger.getLogger(QueryExecution.class);

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
    JobNotifications notifications;

    private final Path workDir;

    public QueryExecution(@ConfigProperty(name = "astroruntime.data-dir") Path dataDir) throws IOException {
        this.workDir = Files.createDirectories(dataDir.resolve("work"));
    }

    void execute(QueryJob job) {
        if (!job.start()) {
            return;
        }
        notifications.phaseChanged(job);
        QuerySpec spec = job.spec();
        Path workFile = workDir.resolve(job.id() + ".vot");
        Path convertedFile = workDir.resolve(job.id() + ".out");
        try {
            ProtocolParameters query = spec.query();
            QueryProtocol protocol = query.protocol();
            String base = IvoId.isIvoId(spec.target())
                    ? registry.accessUrl(IvoId.parse(spec.target()), protocol.standardId())
                    : spec.target();
            String cacheKey = ResultCache.key(query.canonical(base) + " format=" + spec.format().apiName());
            if (spec.cache().uses()) {
                Optional<ResultCache.Entry> hit = cache.lookup(cacheKey, spec.cache().acceptsOverflow(), convertedFile);
                if (hit.isPresent()) {
                    finish(job, hit.get().file(), hit.get().mediaType(), hit.get().rows(), hit.get().overflow(),
                            "answered from the shared cache (fetched from the service at " + hit.get().created() + ")");
                    return;
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
            String note = overflow ? "the service truncated its answer at " + report.rows() + " rows"
                    + (report.message() == null ? "" : ": " + report.message()) : null;
            if (finish(job, converted, spec.format().mediaType(), report.rows(), overflow, note)
                    && spec.cache().uses() && (!overflow || spec.cache().acceptsOverflow())) {
                cache.store(cacheKey, converted, spec.format().mediaType(), report.rows(), overflow);
            }
        } catch (RemoteQueryException e) {
            fail(job, e.getMessage());
        } catch (RuntimeException e) {
            LOG.errorf(e, "query job %s failed unexpectedly", job.id());
            fail(job, "internal error in query-svc: " + e);
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

    /** Stores the result in the owner's space and completes the job; false if the job ended meanwhile. */
    private boolean finish(QueryJob job, Path file, String mediaType, long rows, boolean overflow, String note)
            throws RemoteQueryException {
        QuerySpec spec = job.spec();
        StoredResult stored = vospace.upload(spec.destination(), file, mediaType, spec.token());
        JobResult result = new JobResult("result", stored.uri(), stored.url(), stored.readUrl(), mediaType, rows,
                stored.length(), overflow);
        if (job.complete(result, note)) {
            notifications.phaseChanged(job);
            notifications.resultReady(job, result, spec.destination().path().name());
            return true;
        }
        return false;
    }

    private void fail(QueryJob job, String reason) {
        if (job.fail(reason)) {
            LOG.infof("query job %s ended in ERROR: %s", job.id(), reason);
            notifications.phaseChanged(job);
        }
    }
}
