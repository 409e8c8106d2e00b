package org.astroruntime.common.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventCodecTest {

    private final EventCodec codec = new EventCodec();

    @Test
    void roundTripsEveryBody() {
        Instant t = Instant.parse("2026-11-24T10:15:30Z");
        EventBody[] bodies = {
            new QueryRequest(1, "j1", "alice", "cone", "ivo://x.org/cone", Map.of("RA", "1"), "#cones/a.vot", "topcat", "eyJ.token"),
            new JobRequest(1, "j2", "alice", "ivo://x.org/sextractor", Map.of("image", "#a.fits"), null),
            new JobEvent(1, "j1", "alice", "query", Phase.ERROR, t, null, "timed out"),
            new ResultEvent(1, "j1", "alice", "vos://x!vospace/alice/a.vot", "http://h/a.vot", "a", "application/x-votable+xml", 3L, 100, false, null),
            new RegistryEvent(1, "ivo://x.org/cone", RegistryEvent.Action.UPSERTED, "Cone", t),
            new VoSpaceEvent(1, "alice", "vos://x!vospace/alice/a.vot", VoSpaceEvent.Action.CREATED, 100, t),
        };
        for (EventBody body : bodies) {
            String json = codec.encode(body);
            assertTrue(json.contains("\"schemaVersion\":1"), json);
            assertEquals(body, codec.decode(json, body.getClass()));
        }
        assertTrue(codec.encode(bodies[2]).contains("\"2026-11-24T10:15:30Z\""));
    }

    @Test
    void ignoresUnknownFields() {
        QueryRequest q = codec.decode("{\"schemaVersion\":1,\"jobId\":\"j\",\"owner\":\"a\",\"protocol\":\"cone\","
                + "\"target\":\"http://h/cone\",\"futureField\":42}", QueryRequest.class);
        assertEquals(Map.of(), q.parameters());
    }

    @Test
    void malformedBodiesAreReportedWithAReason() {
        MalformedEventException notJson = assertThrows(MalformedEventException.class,
                () -> codec.decode("{not json", QueryRequest.class));
        assertTrue(notJson.getMessage().startsWith("malformed QueryRequest JSON"), notJson.getMessage());

        MalformedEventException missing = assertThrows(MalformedEventException.class,
                () -> codec.decode("{\"schemaVersion\":1,\"jobId\":\"j\",\"protocol\":\"cone\",\"target\":\"t\"}", QueryRequest.class));
        assertTrue(missing.getMessage().contains("missing field 'owner'"), missing.getMessage());

        MalformedEventException future = assertThrows(MalformedEventException.class,
                () -> codec.decode("{\"schemaVersion\":9,\"jobId\":\"j\",\"owner\":\"o\",\"protocol\":\"cone\",\"target\":\"t\"}", QueryRequest.class));
        assertTrue(future.getMessage().contains("unsupported schemaVersion 9"), future.getMessage());

        assertThrows(MalformedEventException.class, () -> codec.decode("", QueryRequest.class));
        assertThrows(MalformedEventException.class, () -> codec.decode("null", QueryRequest.class));
        assertThrows(MalformedEventException.class, () -> codec.decode("[1,2]", QueryRequest.class));
    }

    @Test
    void terminalPhases() {
        assertTrue(Phase.COMPLETED.isTerminal());
        assertTrue(Phase.ERROR.isTerminal());
        assertTrue(!Phase.EXECUTING.isTerminal());
    }
}
