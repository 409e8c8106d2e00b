package org.astroruntime.query.protocol;

/** The validated parameters of one query in one protocol, able to say what to send to a service. */
public interface ProtocolParameters {

    /** The protocol these parameters belong to. */
    QueryProtocol protocol();

    /** The request to send to the service whose capability has {@code accessUrl}. */
    RemoteRequest request(String accessUrl);

    /**
     * The query in a canonical form, equal for queries that must give the same answer: the shared cache's key.
     * By default the request itself with its form fields in name order; protocols with positions round them
     * (see {@link #rounded(double)}).
     */
    default String canonical(String accessUrl) {
        RemoteRequest r = request(accessUrl);
        return protocol().apiName() + " " + r.url() + (r.form() == null ? "" : " " + new java.util.TreeMap<>(r.form()));
    }

    /** Whether the shared cache may answer this query (see {@link #canonical(String)}). */
    default boolean cacheable() {
        return true;
    }

    /**
     * A coordinate or radius for a cache key: rounded to 1e-6 degree (3.6 milliarcseconds, far below any
     * service's precision), so that 180 and 180.0000000001 are one query.
     */
    static String rounded(double degrees) {
        return String.format(java.util.Locale.ROOT, "%.6f", degrees);
    }
}
