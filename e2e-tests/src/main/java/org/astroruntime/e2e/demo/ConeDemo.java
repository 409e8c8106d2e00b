package org.astroruntime.e2e.demo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.astroruntime.common.event.EventCodec;
import org.astroruntime.common.event.EventTypes;
import org.astroruntime.common.event.JobEvent;
import org.astroruntime.common.event.Phase;
import org.astroruntime.common.event.QueryRequest;
import org.astroruntime.common.event.ResultEvent;
import org.astroruntime.common.event.Topics;
import org.astroruntime.e2e.peers.SampTableReceiver;
import org.astroruntime.e2e.suite.DemoRecords;
import org.astroruntime.e2e.suite.Suite;

/**
 * The seed's first script, on the suite: a cone search of the demo catalogue around (180, +2) with radius 0.5°,
 * submitted as a message on {@code vo.query.requests} (as any Kafka client would send it), followed on
 * {@code vo.job.events} and {@code vo.results}, and loaded by the SAMP table viewer.
 */
public final class ConeDemo {

    /** The search of the demo; the same numbers as the AstroGrid guide's {@code cone.execute(180.0, 2.0, 0.5)}. */
    public static final Map<String, String> PARAMETERS = Map.of("RA", "180.0", "DEC", "2.0", "SR", "0.5");

    private final EventCodec codec = new EventCodec();
    private final Suite suite;

    public ConeDemo(Suite suite) {
        this.suite = suite;
    }

    /**
     * Sends one request and waits for its phases, its result and the viewer's load.
     *
     * @param owner  the user the result belongs to
     * @param token  the owner's login token, carried in the request so that query-svc can verify the owner
     * @param saveAs where it is stored, e.g. {@code #cones/demo.vot}
     */
    public DemoOutcome run(String owner, String token, String saveAs, Duration timeout) throws Exception {
        String jobId = "demo-" + UUID.randomUUID().toString().substring(0, 8);
        long start = System.nanoTime();
        try (KafkaConsumer<String, String> events = consumer(); KafkaProducer<String, String> producer = producer()) {
            events.subscribe(List.of(Topics.JOB_EVENTS, Topics.RESULTS));
            // Join the group before sending, so that nothing published after the send is missed.
            while (events.assignment().isEmpty()) {
                events.poll(Duration.ofMillis(100));
            }
            events.seekToEnd(events.assignment());
            events.assignment().forEach(events::position);

            QueryRequest request = new QueryRequest(QueryRequest.SCHEMA_VERSION, jobId, owner, "cone",
                    DemoRecords.DEMO_CONE, PARAMETERS, saveAs, "table-viewer", token);
            ProducerRecord<String, String> record = new ProducerRecord<>(Topics.QUERY_REQUESTS, jobId, codec.encode(request));
            record.headers().add(EventTypes.HEADER_SPECVERSION, bytes("1.0"))
                    .add(EventTypes.HEADER_ID, bytes(UUID.randomUUID().toString()))
                    .add(EventTypes.HEADER_TYPE, bytes(EventTypes.QUERY_REQUEST))
                    .add(EventTypes.HEADER_SOURCE, bytes("astroruntime-demo"))
                    .add(EventTypes.HEADER_TIME, bytes(Instant.now().toString()))
                    .add(EventTypes.HEADER_CONTENT_TYPE, bytes("application/json"));
            producer.send(record).get();

            List<Phase> phases = new ArrayList<>();
            JobEvent last = null;
            ResultEvent result = null;
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline && (last == null || !last.phase().isTerminal()
                    || (last.phase() == Phase.COMPLETED && result == null))) {
                for (ConsumerRecord<String, String> r : events.poll(Duration.ofMillis(200))) {
                    if (r.topic().equals(Topics.JOB_EVENTS) && jobId.equals(r.key())) {
                        last = codec.decode(r.value(), JobEvent.class);
                        phases.add(last.phase());
                    } else if (r.topic().equals(Topics.RESULTS)) {
                        ResultEvent e = codec.decode(r.value(), ResultEvent.class);
                        if (e.jobId().equals(jobId)) {
                            result = e;
                        }
                    }
                }
            }
            Duration toResult = Duration.ofNanos(System.nanoTime() - start);
            Long viewerRows = null;
            if (result != null) {
                String line = suite.process("samp-viewer").awaitLogLine(
                        l -> l.startsWith(SampTableReceiver.LOADED + " table-id=" + jobId + " "), timeout);
                viewerRows = Long.parseLong(line.replaceAll(".* rows=(\\d+) .*", "$1"));
            }
            return new DemoOutcome(jobId, phases, last, result, viewerRows, toResult,
                    Duration.ofNanos(System.nanoTime() - start));
        }
    }

    private KafkaConsumer<String, String> consumer() {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, suite.kafkaBootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, "astroruntime-demo-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest"), new StringDeserializer(), new StringDeserializer());
    }

    private KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, suite.kafkaBootstrap(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * What the demo saw.
     *
     * @param jobId       the job id it chose
     * @param phases      the phases published on {@code vo.job.events}, in order
     * @param lastEvent   the last job event (null if none arrived)
     * @param result      the result published on {@code vo.results} (null if none arrived)
     * @param viewerRows  rows the SAMP viewer loaded from the result URL (null if it loaded nothing)
     * @param toResult    time from sending the request to the result event
     * @param total       time from sending the request to the viewer's load
     */
    public record DemoOutcome(String jobId, List<Phase> phases, JobEvent lastEvent, ResultEvent result, Long viewerRows,
                              Duration toResult, Duration total) {
    }
}
