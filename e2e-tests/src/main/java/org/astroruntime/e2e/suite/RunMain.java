package org.astroruntime.e2e.suite;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import org.astroruntime.e2e.demo.ConeDemo;
import org.astroruntime.e2e.peers.Catalogue;

/**
 * The one-command run: starts the suite on its embedded default, prints how long each process took and how much
 * memory it holds, runs the cone-search demo, and keeps the suite up until Ctrl-C (or stops after the demo with
 * {@code --exit-after-demo}).
 */
public final class RunMain {

    public static void main(String[] args) throws Exception {
        Path repo = Path.of("").toAbsolutePath();
        Path dataDir = null;
        boolean exitAfterDemo = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--repo" -> repo = Path.of(args[++i]).toAbsolutePath();
                case "--data-dir" -> dataDir = Path.of(args[++i]).toAbsolutePath();
                case "--exit-after-demo" -> exitAfterDemo = true;
                case "--help", "-h" -> {
                    System.out.println("usage: ./run.sh [--exit-after-demo] [--data-dir DIR]");
                    return;
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i] + " (try --help)");
            }
        }
        if (dataDir == null) {
            dataDir = repo.resolve("target/astroruntime");
        }
        SuiteConfig config = new SuiteConfig(repo, dataDir, SuiteConfig.Ports.defaults(), "256m", Duration.ofSeconds(60), false);
        System.out.println("AstroRuntime: starting the suite (data in " + dataDir + ") ...");
        Suite suite = Suite.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nAstroRuntime: stopping every process ...");
            suite.close();
            stopped.countDown();
        }, "suite-shutdown"));

        printStartup(suite);
        runDemo(suite);
        printEndpoints(suite);
        if (exitAfterDemo) {
            System.exit(0); // the shutdown hook stops the suite
        }
        System.out.println("\nThe suite keeps running; press Ctrl-C to stop it.");
        stopped.await();
    }

    private static void printStartup(Suite suite) {
        System.out.printf(Locale.ROOT, "%nCold start to all services ready: %.1f s%n", suite.coldStart().toMillis() / 1000.0);
        System.out.printf(Locale.ROOT, "  %-18s %8s %10s %10s%n", "process", "pid", "ready (s)", "RSS (MiB)");
        for (ServiceStart s : suite.starts()) {
            System.out.printf(Locale.ROOT, "  %-18s %8d %10.1f %10s%n", s.name(), s.pid(), s.ready().toMillis() / 1000.0,
                    s.rssKib() < 0 ? "n/a" : String.format(Locale.ROOT, "%.0f", s.rssKib() / 1024.0));
        }
    }

    private static void runDemo(Suite suite) throws Exception {
        System.out.println("\nDemo: cone search of the demo catalogue, RA=180.0 DEC=2.0 SR=0.5, sent on vo.query.requests");
        String token = new SuiteAccounts(suite).login("demo", suite.demoPassword());
        System.out.println("  logged in at vospace-svc as demo (password " + suite.demoPassword() + ", community astroruntime.local)");
        ConeDemo.DemoOutcome outcome = new ConeDemo(suite).run("demo", token, "#cones/demo-stars.vot", Duration.ofSeconds(90));
        long expected = Catalogue.bundled().cone(180.0, 2.0, 0.5).size();
        System.out.println("  job " + outcome.jobId() + " phases on vo.job.events: " + outcome.phases());
        if (outcome.result() == null) {
            String why = outcome.lastEvent() == null ? "no job events arrived" : outcome.lastEvent().errorSummary();
            System.out.println("  FAILED: " + why);
            return;
        }
        System.out.println("  result stored at " + outcome.result().uri());
        System.out.println("  signed read URL  " + outcome.result().url());
        System.out.println("  rows: " + outcome.result().rows() + " (the catalogue holds " + expected
                + " sources within 0.5 deg of the position)");
        System.out.printf(Locale.ROOT, "  result published on vo.results after %.2f s%n", outcome.toResult().toMillis() / 1000.0);
        System.out.println("  sent to SAMP: table.load.votable {url=" + outcome.result().url() + ", table-id="
                + outcome.jobId() + "} via the hub to e2e-table-viewer, which loaded "
                + outcome.viewerRows() + " rows with STIL");
    }

    private static void printEndpoints(Suite suite) {
        System.out.println("\nEndpoints (OpenAPI at /q/openapi, health at /q/health on each):");
        for (String s : Suite.SERVICES) {
            System.out.printf("  %-18s %s%n", s, suite.url(s));
        }
        System.out.println("  kafka              " + suite.kafkaBootstrap());
        System.out.println("  demo cone search   " + suite.coneUrl() + "?RA=180&DEC=2&SR=0.5");
        System.out.println("  logs               " + suite.config().dataDir().resolve("logs"));
    }

    private RunMain() {
    }
}
