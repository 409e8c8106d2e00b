package org.astroruntime.query.remote;

import io.smallrye.faulttolerance.api.Guard;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/**
 * How query-svc treats remote hosts, so that it is a good citizen of the archives it calls and cannot be turned
 * against the network it runs in:
 * <ul>
 *   <li>only http and https, and no address in a denied range ({@code query.outbound.denied-ranges}: private and
 *       link-local networks by default; production adds loopback);</li>
 *   <li>at most {@code query.remote.per-host-concurrency} requests at once per host (others wait their turn);</li>
 *   <li>transient failures (HTTP 502/503/504) retried with exponential backoff;</li>
 *   <li>a circuit breaker per host that stops calling a host that keeps failing, for a while.</li>
 * </ul>
 */
@ApplicationScoped
public class RemoteHosts {

    private final List<AddressRange> denied;
    private final int perHostConcurrency;
    private final int retries;
    private final Duration retryDelay;
    private final int breakerVolume;
    private final double breakerRatio;
    private final Duration breakerDelay;
    private final ConcurrentMap<String, Host> hosts = new ConcurrentHashMap<>();

    private record Host(Semaphore slots, Guard guard) {
    }

    /** What to run against a host. */
    @FunctionalInterface
    public interface RemoteCall<T> {
        T call() throws RemoteQueryException;
    }

    public RemoteHosts(@ConfigProperty(name = "query.outbound.denied-ranges") List<String> deniedRanges,
                       @ConfigProperty(name = "query.remote.per-host-concurrency", defaultValue = "4") int perHostConcurrency,
                       @ConfigProperty(name = "query.remote.retries", defaultValue = "2") int retries,
                       @ConfigProperty(name = "query.remote.retry-delay", defaultValue = "1S") Duration retryDelay,
                       @ConfigProperty(name = "query.remote.breaker.volume", defaultValue = "20") int breakerVolume,
                       @ConfigProperty(name = "query.remote.breaker.failure-ratio", defaultValue = "0.75") double breakerRatio,
                       @ConfigProperty(name = "query.remote.breaker.delay", defaultValue = "30S") Duration breakerDelay) {
        this.denied = deniedRanges.stream().filter(r -> !r.isBlank() && !r.equalsIgnoreCase("none"))
                .map(AddressRange::parse).toList();
        this.perHostConcurrency = perHostConcurrency;
        this.retries = retries;
        this.retryDelay = retryDelay;
        this.breakerVolume = breakerVolume;
        this.breakerRatio = breakerRatio;
        this.breakerDelay = breakerDelay;
    }

    /**
     * Runs {@code call} against the host of {@code url} under the rules above.
     *
     * @throws RemoteQueryException the call's own failure, a refused address, or an open circuit
     * @throws InterruptedException when the job is aborted while waiting for a slot
     */
    public <T> T call(URI url, RemoteCall<T> call) throws RemoteQueryException, InterruptedException {
        checkAllowed(url);
        String key = url.getHost().toLowerCase(Locale.ROOT) + ":" + port(url);
        Host host = hosts.computeIfAbsent(key, k -> newHost());
        host.slots().acquire();
        try {
            Object result = host.guard().call(call::call, Object.class);
            return cast(result);
        } catch (CircuitBreakerOpenException e) {
            throw new RemoteQueryException("the service at " + url.getHost() + " has failed repeatedly; query-svc "
                    + "is not calling it for " + breakerDelay.toSeconds() + " s (circuit breaker open)", e);
        } catch (RemoteQueryException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            host.slots().release();
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object o) {
        return (T) o;
    }

    /** Refuses schemes other than http(s) and hosts that resolve into a denied range. */
    public void checkAllowed(URI url) throws RemoteQueryException {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new RemoteQueryException("only http and https services can be queried, not '" + url.getScheme() + "'");
        }
        if (url.getHost() == null) {
            throw new RemoteQueryException("the URL " + url + " names no host");
        }
        if (denied.isEmpty()) {
            return;
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(url.getHost());
        } catch (UnknownHostException e) {
            throw new RemoteHostException("the host " + url.getHost() + " is unknown (DNS)", false, e);
        }
        for (InetAddress address : addresses) {
            for (AddressRange range : denied) {
                if (range.contains(address)) {
                    throw new RemoteQueryException("the service at " + url.getHost() + " resolves to "
                            + address.getHostAddress() + ", in the denied range " + range
                            + " (query.outbound.denied-ranges)");
                }
            }
        }
    }

    private Host newHost() {
        Guard.Builder builder = Guard.create()
                .withCircuitBreaker().requestVolumeThreshold(breakerVolume).failureRatio(breakerRatio)
                .delay(breakerDelay.toMillis(), ChronoUnit.MILLIS).failOn(RemoteHostException.class).done();
        if (retries > 0) {
            builder = builder.withRetry().maxRetries(retries).delay(retryDelay.toMillis(), ChronoUnit.MILLIS)
                    .whenException(e -> e instanceof RemoteHostException h && h.isTransient())
                    .withExponentialBackoff().factor(2).done().done();
        }
        return new Host(new Semaphore(perHostConcurrency, true), builder.build());
    }

    private static int port(URI url) {
        return url.getPort() > 0 ? url.getPort() : "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
    }
}
