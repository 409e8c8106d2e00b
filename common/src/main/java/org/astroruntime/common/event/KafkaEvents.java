package org.astroruntime.common.event;

import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Turns event bodies into keyed Kafka messages and back, the same way in every service. The CloudEvents attributes
 * ({@code ce_type}, {@code ce_source}, ...) are added by the Kafka connector from each channel's configuration.
 */
public final class KafkaEvents {

    private final EventCodec codec;

    public KafkaEvents(EventCodec codec) {
        this.codec = codec;
    }

    public KafkaEvents() {
        this(new EventCodec());
    }

    /** A message carrying {@code body} as JSON, with the Kafka record key {@code key}. */
    public Message<String> message(String key, EventBody body) {
        return Message.of(codec.encode(body))
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(key).build());
    }

    /**
     * Decodes an incoming message and hands the body to {@code handler}. A body that does not decode is nacked with
     * the reason, which the channel's {@code dead-letter-queue} failure strategy sends to {@code vo.dead-letter};
     * the consumer then goes on with the next message.
     */
    public <T extends EventBody> CompletionStage<Void> consume(Message<String> message, Class<T> type, Consumer<T> handler) {
        T body;
        try {
            body = codec.decode(message.getPayload(), type);
        } catch (MalformedEventException e) {
            return message.nack(e);
        }
        try {
            handler.accept(body);
        } catch (RuntimeException e) {
            return message.nack(e);
        }
        return message.ack();
    }

    public EventCodec codec() {
        return codec;
    }
}
