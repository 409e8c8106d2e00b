package org.astroruntime.query.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueryJobsRetentionTest {

    @Test
    void aJobIsForgottenAfterItsDestructionTime() throws Exception {
        QueryJobs jobs = new QueryJobs(1, Duration.ofMillis(300));
        jobs.notifications = new JobNotifications() {
            @Override
            public void phaseChanged(QueryJob job) {
                // no Kafka here
            }
        };
        try {
            QueryJob job = jobs.refuse("j1", "alice", "cone", "http://h/cone", Map.of(), "RA out of range");
            assertEquals(job.view().creationTime().plusMillis(300), jobs.destruction(job.view()));
            assertTrue(jobs.find("j1").isPresent(), "kept until its destruction time");
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (jobs.find("j1").isPresent() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertTrue(jobs.find("j1").isEmpty(), "still there 5 s after its destruction time");
        } finally {
            jobs.stop();
        }
    }
}
