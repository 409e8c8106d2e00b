package org.astroruntime.common.kafka;

import java.nio.file.Path;
import java.util.Properties;

/**
 * The configuration of the suite's single-node Kafka broker in KRaft mode (one process that is both broker and
 * controller, on loopback), shared by the broker process of the one-command run and the in-JVM broker of tests.
 * Topic auto-creation is off: {@link TopicProvisioner} creates the suite's topics.
 */
public final class KRaftBrokerProperties {

    /**
     * The broker's properties.
     *
     * @param port           the client (PLAINTEXT) listener's port
     * @param controllerPort the KRaft controller listener's port
     * @param logDir         where the broker keeps its data
     */
    public static Properties of(int port, int controllerPort, Path logDir) {
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        props.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
        props.put("log.dirs", logDir.toString());
        // One node: every internal topic has a single replica, or consumer groups never find a coordinator.
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "6");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("auto.create.topics.enable", "false");
        return props;
    }

    private KRaftBrokerProperties() {
    }
}
