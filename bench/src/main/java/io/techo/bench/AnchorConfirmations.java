package io.techo.bench;

import io.techo.common.events.AnchorConfirmed;
import io.techo.common.events.CloudEventsKafka;
import io.techo.common.events.EventJson;
import io.techo.common.events.EventTypes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The confirmations an auditor subscribed to {@code techo.anchors.v1} sees, from now on, of one log (its origin):
 * other logs' anchor-services may share the broker.
 */
final class AnchorConfirmations implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final String origin;

    AnchorConfirmations(String bootstrap, String origin) {
        this.origin = origin;
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-auditor-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(EventTypes.ANCHORS_TOPIC));
        while (consumer.assignment().isEmpty()) {
            consumer.poll(Duration.ofMillis(100));
        }
        consumer.seekToEnd(consumer.assignment());
        consumer.assignment().forEach(consumer::position);
    }

    /** The confirmations of this log that arrived within the timeout (possibly none). */
    List<AnchorConfirmed> poll(Duration timeout) {
        List<AnchorConfirmed> confirmations = new ArrayList<>();
        for (ConsumerRecord<String, String> record : consumer.poll(timeout)) {
            Header type = record.headers().lastHeader(CloudEventsKafka.H_TYPE);
            if (type == null || !EventTypes.ANCHOR_CONFIRMED.equals(new String(type.value(), StandardCharsets.UTF_8))) {
                continue;
            }
            try {
                AnchorConfirmed confirmed = EventJson.read(record.value(), AnchorConfirmed.class);
                if (origin.equals(confirmed.anchor().origin())) {
                    confirmations.add(confirmed);
                }
            } catch (IllegalArgumentException notOurs) {
                // a malformed message is the anchor-service tests' business, not the benchmark's
            }
        }
        return confirmations;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
