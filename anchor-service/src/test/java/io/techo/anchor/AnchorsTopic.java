package io.techo.anchor;

import io.techo.common.events.AnchorConfirmed;
import io.techo.common.events.AnchorPacked;
import io.techo.common.events.CloudEventsKafka;
import io.techo.common.events.EventJson;
import io.techo.common.events.EventTypes;
import io.techo.testkit.TopicReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;

/** What an auditor subscribed to {@code techo.anchors.v1} sees, read from the beginning with a fresh group. */
final class AnchorsTopic {

    /**
     * Every confirmation and packed notice about the given logged events, and the CloudEvent ids their confirmations
     * came under (a consumer deduplicates on those).
     */
    record Seen(Map<String, List<AnchorConfirmed>> confirmed, Map<String, List<AnchorPacked>> packed,
            Map<String, Set<String>> confirmationIds) {

        boolean allConfirmed(Set<String> eventIds) {
            return confirmed.keySet().containsAll(eventIds);
        }
    }

    private AnchorsTopic() {
    }

    /** Reads until every one of the events is confirmed, then {@code linger} longer (to catch duplicates), or times out. */
    static Seen read(Set<String> eventIds, Duration timeout, Duration linger) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getOptionalValue("kafka.bootstrap.servers", String.class).orElse("127.0.0.1:9092"));
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "test-auditor-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        Seen seen = new Seen(new HashMap<>(), new HashMap<>(), new HashMap<>());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(EventTypes.ANCHORS_TOPIC));
            Instant deadline = Instant.now().plus(timeout);
            Instant stopAt = null;
            while (Instant.now().isBefore(deadline) && (stopAt == null || Instant.now().isBefore(stopAt))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    collect(record, eventIds, seen);
                }
                if (stopAt == null && seen.allConfirmed(eventIds)) {
                    stopAt = Instant.now().plus(linger);
                }
            }
        }
        return seen;
    }

    private static void collect(ConsumerRecord<String, String> record, Set<String> eventIds, Seen seen) {
        try {
            collectValid(record, eventIds, seen);
        } catch (IllegalArgumentException e) {
            // other tests put malformed messages on this topic on purpose (dead-letter tests); not ours
        }
    }

    private static void collectValid(ConsumerRecord<String, String> record, Set<String> eventIds, Seen seen) {
        String type = TopicReader.header(record, CloudEventsKafka.H_TYPE);
        if (EventTypes.ANCHOR_CONFIRMED.equals(type)) {
            AnchorConfirmed confirmed = EventJson.read(record.value(), AnchorConfirmed.class);
            if (eventIds.contains(confirmed.logEventId())) {
                seen.confirmed().computeIfAbsent(confirmed.logEventId(), id -> new ArrayList<>()).add(confirmed);
                seen.confirmationIds().computeIfAbsent(confirmed.logEventId(), id -> new HashSet<>())
                        .add(TopicReader.header(record, CloudEventsKafka.H_ID));
            }
        } else if (EventTypes.ANCHOR_PACKED.equals(type)) {
            AnchorPacked packed = EventJson.read(record.value(), AnchorPacked.class);
            if (eventIds.contains(packed.logEventId())) {
                seen.packed().computeIfAbsent(packed.logEventId(), id -> new ArrayList<>()).add(packed);
            }
        }
    }
}
