package org.astroruntime.query.fanout;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.astroruntime.common.id.VosUri;
import org.astroruntime.query.job.JobResult;
import org.astroruntime.query.job.QueryJob;
import org.astroruntime.query.job.QuerySpec;
import org.astroruntime.query.job.ServiceQuery;
import org.astroruntime.query.registry.RegistryClient;
import org.astroruntime.query.remote.RemoteQueryException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import uk.ac.starlink.table.ColumnInfo;
import uk.ac.starlink.table.RowListStarTable;
import uk.ac.starlink.votable.DataFormat;
import uk.ac.starlink.votable.VOTableWriter;

/**
 * A query to several services at once: runs them in parallel (at most {@code query.fanout.concurrency} at a time
 * per job; the per-host limits of {@code RemoteHosts} still apply), stores each answer in the job's folder, and
 * a summary table (service, status, rows, seconds, message, result). One service failing does not fail the others;
 * the job fails only when every service did.
 */
@ApplicationScoped
public class FanOutExecution {

    static final String SUMMARY = "summary.vot";

    /**
     * What a fan-out produced.
     *
     * @param results     the summary first (result {@code result}), then one per service that answered
     * @param note        how many services failed, or null
     * @param summaryName the summary's file name
     */
    public record Outcome(List<JobResult> results, String note, String summaryName) {
    }

    /** One line of the summary. */
    record Row(String service, String status, long rows, double seconds, String message, JobResult result) {
    }

    @Inject
    ServiceQuery serviceQuery;

    @Inject
    RegistryClient registry;

    @ConfigProperty(name = "query.fanout.concurrency", defaultValue = "4")
    int concurrency;

    /** Runs the job's services; throws only when none could be queried or every one failed. */
    public Outcome run(QueryJob job) throws RemoteQueryException {
        QuerySpec spec = job.spec();
        List<String> services = services(spec);
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(concurrency, services.size()));
        List<Future<Row>> pending = new ArrayList<>();
        try {
            for (int i = 0; i < services.size(); i++) {
                String service = services.get(i);
                int n = i + 1;
                VosUri destination = spec.destination().withPath(spec.destination().path()
                        .child(String.format(Locale.ROOT, "%03d-%s%s", n, safeName(service), spec.format().extension())));
                pending.add(pool.submit(() -> query(spec, service, destination, "service-" + n, job.id() + "-" + n)));
            }
            List<Row> rows = new ArrayList<>();
            for (Future<Row> f : pending) {
                rows.add(f.get());
            }
            return summarise(job, rows);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RemoteQueryException("the query was aborted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a fan-out branch failed unexpectedly", e.getCause());
        } finally {
            // An aborted job interrupts its branches too.
            pool.shutdownNow();
        }
    }

    private List<String> services(QuerySpec spec) throws RemoteQueryException {
        if (spec.targets().search() == null) {
            return spec.targets().services();
        }
        String kind = spec.query().protocol().apiName();
        List<String> found = registry.search(spec.targets().search(), kind, QueryTargets.MAX_SERVICES);
        if (found.isEmpty()) {
            throw new RemoteQueryException("the registry knows no " + spec.query().protocol().displayName()
                    + " service matching '" + spec.targets().search() + "'");
        }
        return found;
    }

    private Row query(QuerySpec spec, String service, VosUri destination, String resultId, String workName) {
        long t0 = System.nanoTime();
        try {
            ServiceQuery.Answer answer = serviceQuery.run(spec, service, destination, resultId, workName);
            return new Row(service, answer.result().overflow() ? "OVERFLOW" : "OK", answer.result().rows(),
                    seconds(t0), answer.note(), answer.result());
        } catch (RemoteQueryException e) {
            return new Row(service, "ERROR", 0, seconds(t0), e.getMessage(), null);
        } catch (RuntimeException e) {
            return new Row(service, "ERROR", 0, seconds(t0), "internal error in query-svc: " + e, null);
        }
    }

    private Outcome summarise(QueryJob job, List<Row> rows) throws RemoteQueryException {
        long failed = rows.stream().filter(r -> r.result() == null).count();
        if (failed == rows.size()) {
            throw new RemoteQueryException("all " + rows.size() + " services failed; the first: " + rows.get(0).service()
                    + ": " + rows.get(0).message());
        }
        QuerySpec spec = job.spec();
        VosUri summaryNode = spec.destination().withPath(spec.destination().path().child(SUMMARY));
        Path file = serviceQuery.workFile(job.id() + "-summary.vot");
        try {
            writeSummary(rows, file);
            List<JobResult> results = new ArrayList<>();
            results.add(serviceQuery.store(spec, summaryNode, "result", file, "application/x-votable+xml", rows.size(),
                    false));
            rows.stream().map(Row::result).filter(r -> r != null).forEach(results::add);
            String note = failed == 0 ? null : failed + " of " + rows.size() + " services failed; see " + SUMMARY;
            return new Outcome(results, note, SUMMARY);
        } catch (IOException e) {
            throw new RemoteQueryException("the summary table could not be written: " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a scratch file; the work directory is query-svc's own
            }
        }
    }

    private static void writeSummary(List<Row> rows, Path file) throws IOException {
        RowListStarTable table = new RowListStarTable(new ColumnInfo[] {
            new ColumnInfo("service", String.class, "ivo:// identifier or URL of the service"),
            new ColumnInfo("status", String.class, "OK, OVERFLOW (answer truncated by the service) or ERROR"),
            new ColumnInfo("rows", Long.class, "rows in the stored answer"),
            new ColumnInfo("seconds", Double.class, "time to answer and store"),
            new ColumnInfo("message", String.class, "why it failed, or a remark"),
            new ColumnInfo("result", String.class, "vos:// URI of the stored answer"),
        });
        table.setName("fan-out summary");
        for (Row r : rows) {
            table.addRow(new Object[] {r.service(), r.status(), r.rows(), r.seconds(), r.message(),
                r.result() == null ? null : r.result().uri()});
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            new VOTableWriter(DataFormat.TABLEDATA, true).writeStarTable(table, out);
        }
    }

    private static double seconds(long t0) {
        return Math.round((System.nanoTime() - t0) / 1e6) / 1e3;
    }

    /** A file name from a service id or URL: letters, digits, dots and dashes, at most 60 characters. */
    static String safeName(String service) {
        String s = service.replaceFirst("^[a-zA-Z]+://", "").replaceAll("[^A-Za-z0-9.-]+", "_")
                .replaceAll("^_+|_+$", "");
        return s.length() > 60 ? s.substring(0, 60) : s.isEmpty() ? "service" : s;
    }
}
