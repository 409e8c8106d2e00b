package org.astroruntime.common.event;

import java.util.List;

/**
 * The Kafka topics of the suite, with the partition counts they are created with.
 *
 * <p>Request topics get more partitions than event topics because their consumers (query-svc, job-svc) are the
 * ones that scale out as consumer groups. Topics are created explicitly at start (see
 * {@link org.astroruntime.common.kafka.TopicProvisioner}); brokers run with auto-creation off.
 */
public final class Topics {

    /** Query requests (cone, SIA, ADQL); key = job id. */
    public static final String QUERY_REQUESTS = "vo.query.requests";
    /** Application run requests; key = job id. */
    public static final String JOB_REQUESTS = "vo.job.requests";
    /** UWS phase changes of queries and applications; key = job id. */
    public static final String JOB_EVENTS = "vo.job.events";
    /** Completed results; key = owner. */
    public static final String RESULTS = "vo.results";
    /** Registry resources inserted, updated or deleted; key = ivo:// identifier. */
    public static final String REGISTRY_EVENTS = "vo.registry.events";
    /** VOSpace nodes created, changed or deleted; key = owner. */
    public static final String VOSPACE_EVENTS = "vo.vospace.events";
    /** Login tokens revoked by logout, for every service to refuse; key = token id. */
    public static final String TOKEN_REVOCATIONS = "vo.auth.revocations";
    /** Messages that could not be processed, with the reason in a header; key = original key. */
    public static final String DEAD_LETTER = "vo.dead-letter";

    /** A topic and the number of partitions it is created with. */
    public record TopicSpec(String name, int partitions) {
    }

    /** Every topic of the suite, as it should be created on a fresh broker. */
    public static final List<TopicSpec> ALL = List.of(
            new TopicSpec(QUERY_REQUESTS, 6),
            new TopicSpec(JOB_REQUESTS, 6),
            new TopicSpec(JOB_EVENTS, 3),
            new TopicSpec(RESULTS, 3),
            new TopicSpec(REGISTRY_EVENTS, 1),
            new TopicSpec(VOSPACE_EVENTS, 3),
            new TopicSpec(TOKEN_REVOCATIONS, 1),
            new TopicSpec(DEAD_LETTER, 1));

    private Topics() {
    }
}
