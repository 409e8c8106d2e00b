package org.astroruntime.e2e.suite;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Where and how the suite runs.
 *
 * @param repo          the repository root (services run from {@code <module>/target/quarkus-app})
 * @param dataDir       everything the suite writes: broker logs, service stores, process logs
 * @param ports         the ports to listen on
 * @param serviceHeap   {@code -Xmx} of each service, e.g. {@code 256m}
 * @param remoteTimeout query-svc's deadline for a remote answer
 * @param coneFaults    serve the cone server's {@code /faults/} endpoints (tests only)
 */
public record SuiteConfig(Path repo, Path dataDir, Ports ports, String serviceHeap, Duration remoteTimeout,
                          boolean coneFaults) {

    /**
     * The suite's ports.
     *
     * @param kafka      the broker's client listener
     * @param controller the KRaft controller listener
     * @param registry   registry-svc
     * @param query      query-svc
     * @param job        job-svc
     * @param vospace    vospace-svc
     * @param bridge     messaging-bridge
     * @param cone       the demo cone-search server
     */
    public record Ports(int kafka, int controller, int registry, int query, int job, int vospace, int bridge, int cone) {

        /** The documented defaults (README): Kafka 9092/19093, services 8081–8085, the demo cone server 8090. */
        public static Ports defaults() {
            return new Ports(9092, 19093, 8081, 8082, 8083, 8084, 8085, 8090);
        }

        /** Free ports picked by the OS, so that tests never collide with a running suite. */
        public static Ports free() throws IOException {
            return new Ports(free1(), free1(), free1(), free1(), free1(), free1(), free1(), free1());
        }

        private static int free1() throws IOException {
            try (ServerSocket s = new ServerSocket(0)) {
                return s.getLocalPort();
            }
        }
    }
}
