package org.astroruntime.common.event;

/**
 * CloudEvents 1.0 {@code type} attributes of the suite's events. The Kafka connector writes them, with
 * {@code source}, {@code id} and {@code time}, as {@code ce_*} headers (binary mode); the body is the JSON of the
 * matching record in this package.
 */
public final class EventTypes {

    public static final String QUERY_REQUEST = "org.astroruntime.query.request";
    public static final String JOB_REQUEST = "org.astroruntime.job.request";
    public static final String JOB_EVENT = "org.astroruntime.job.event";
    public static final String RESULT = "org.astroruntime.result";
    public static final String REGISTRY_EVENT = "org.astroruntime.registry.event";
    public static final String VOSPACE_EVENT = "org.astroruntime.vospace.event";
    public static final String TOKEN_REVOKED = "org.astroruntime.auth.token-revoked";

    /** Header names of a binary-mode CloudEvent on Kafka, for clients that produce with the plain Kafka API. */
    public static final String HEADER_SPECVERSION = "ce_specversion";
    public static final String HEADER_ID = "ce_id";
    public static final String HEADER_TYPE = "ce_type";
    public static final String HEADER_SOURCE = "ce_source";
    public static final String HEADER_TIME = "ce_time";
    public static final String HEADER_CONTENT_TYPE = "content-type";

    private EventTypes() {
    }
}
