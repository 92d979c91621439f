package io.techo.anchor.log;

import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.techo.common.events.EventTypes;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Moves a message that can never be logged to its topic's dead-letter topic ({@code <topic>.dlq}), unchanged, with
 * the reason in a {@code techo-dlq-reason} header; returns only once the broker has it.
 */
@ApplicationScoped
public class DeadLetters {

    public static final String REASON_HEADER = "techo-dlq-reason";

    private final MutinyEmitter<String> emitter;

    public DeadLetters(@Channel("dead-letters") MutinyEmitter<String> emitter) {
        this.emitter = emitter;
    }

    public void send(ConsumerRecord<String, String> record, String reason) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            headers.add(header);
        }
        headers.add(REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8));
        headers.add("techo-dlq-origin", (record.topic() + "/" + record.partition() + "/" + record.offset())
                .getBytes(StandardCharsets.UTF_8));
        Message<String> message = Message.of(record.value() == null ? "" : record.value())
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withTopic(record.topic() + EventTypes.DEAD_LETTER_SUFFIX)
                        .withKey(record.key())
                        .withHeaders(headers)
                        .build());
        emitter.sendMessageAndAwait(message);
    }
}
