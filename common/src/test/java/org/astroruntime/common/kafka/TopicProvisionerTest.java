package org.astroruntime.common.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.astroruntime.common.event.Topics;
import org.astroruntime.common.testkit.EmbeddedKafkaBroker;
import org.junit.jupiter.api.Test;

class TopicProvisionerTest {

    @Test
    void createsEveryTopicWithItsPartitionsOnceAndAutoCreationIsOff() throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start();
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            // start() has provisioned already; a second run finds nothing to do.
            List<String> created = new TopicProvisioner(broker.bootstrapServers(), (short) 1).ensureTopics(Duration.ofSeconds(30));
            assertEquals(List.of(), created);

            Map<String, TopicDescription> topics = admin.describeTopics(Topics.ALL.stream().map(Topics.TopicSpec::name).toList())
                    .allTopicNames().get();
            for (Topics.TopicSpec spec : Topics.ALL) {
                assertEquals(spec.partitions(), topics.get(spec.name()).partitions().size(), spec.name());
            }

            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
            p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "3000");
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
                Exception e = assertThrows(Exception.class,
                        () -> producer.send(new ProducerRecord<>("vo.no-such-topic", "k", "v")).get());
                assertTrue(e.getMessage() != null);
            }
            assertTrue(!admin.listTopics().names().get().contains("vo.no-such-topic"));
        }
    }
}
