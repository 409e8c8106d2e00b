package org.astroruntime.query.job;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.astroruntime.common.id.IvoId;
import org.astroruntime.common.votable.QueryStatus;
import org.astroruntime.common.votable.VoTableReport;
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
            String mediaType = spec.format().mediaType();
            StoredResult stored = vospace.upload(spec.destination(), converted, mediaType, spec.token());
            boolean overflow = report.status() == QueryStatus.OVERFLOW;
            JobResult result = new JobResult("result", stored.uri(), stored.url(), stored.readUrl(), mediaType,
                    report.rows(), stored.length(), overflow);
            String note = overflow ? "the service truncated its answer at " + report.rows() + " rows"
                    + (report.message() == null ? "" : ": " + report.message()) : null;
            if (job.complete(result, note)) {
                notifications.phaseChanged(job);
                notifications.resultReady(job, result, spec.destination().path().name());
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

    private void fail(QueryJob job, String reason) {
        if (job.fail(reason)) {
            LOG.infof("query job %s ended in ERROR: %s", job.id(), reason);
            notifications.phaseChanged(job);
        }
    }
}
