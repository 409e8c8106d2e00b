package org.astroruntime.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.astroruntime.e2e.suite.ServiceStart;
import org.astroruntime.e2e.suite.Suite;
import org.astroruntime.e2e.suite.SuiteConfig;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives test methods the running suite. The suite is started once per test JVM (every e2e class shares it: one set
 * of process start-ups) on free ports, with the cone server's fault endpoints on and a short remote timeout, and
 * stopped when the last test has run.
 */
public class SuiteExtension implements ParameterResolver {

    /** query-svc's remote deadline in the tests: short, so that timeout cases end quickly. */
    public static final Duration REMOTE_TIMEOUT = Duration.ofSeconds(5);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Suite.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(RunningSuite.class, k -> RunningSuite.start(), RunningSuite.class).suite;
    }

    /** Closed by JUnit when the root context closes, i.e. after the last test of the run. */
    static final class RunningSuite implements AutoCloseable {
        final Suite suite;

        private RunningSuite(Suite suite) {
            this.suite = suite;
        }

        static RunningSuite start() {
            try {
                Path repo = Path.of(System.getProperty("astroruntime.repo", "..")).toAbsolutePath().normalize();
                Path data = Files.createTempDirectory(repo.resolve("e2e-tests/target"), "suite-");
                SuiteConfig config = new SuiteConfig(repo, data, SuiteConfig.Ports.free(), "256m", REMOTE_TIMEOUT, true);
                Suite suite = Suite.start(config);
                System.out.printf(Locale.ROOT, "e2e suite up in %.1f s (logs in %s)%n", suite.coldStart().toMillis() / 1000.0,
                        data.resolve("logs"));
                for (ServiceStart s : suite.starts()) {
                    System.out.printf(Locale.ROOT, "  %-18s ready after %5.1f s, RSS %4d MiB%n", s.name(),
                            s.ready().toMillis() / 1000.0, s.rssKib() / 1024);
                }
                return new RunningSuite(suite);
            } catch (Exception e) {
                throw new IllegalStateException("the suite did not start: " + e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            suite.close();
        }
    }
}
