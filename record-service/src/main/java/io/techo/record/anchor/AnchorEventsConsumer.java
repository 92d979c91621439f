package io.techo.record.anchor;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.techo.common.events.CloudEventsKafka;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps each record's anchor status from {@code techo.anchors.v1}, a poll's worth of messages at a time so that one
 * transaction serves hundreds of events. A malformed message goes to the dead-letter topic on its own, without
 * holding up the rest; when the database keeps failing after bounded retries, the messages that carried updates go
 * there too. The batch is acknowledged only after all of that is durable.
 */
@ApplicationScoped
public class AnchorEventsConsumer {

    private final AnchorStateWriter writer;

    public AnchorEventsConsumer(AnchorStateWriter writer) {
        this.writer = writer;
    }

    @Incoming("anchor-events")
    public Uni<Void> on(KafkaRecordBatch<String, String> batch) {
        List<AnchorUpdate> updates = new ArrayList<>();
        List<KafkaRecord<String, String>> updating = new ArrayList<>();
        List<Uni<Void>> rejections = new ArrayList<>();
        for (KafkaRecord<String, String> message : batch) {
            try {
                AnchorMessages.read(type(message), message.getPayload()).ifPresent(update -> {
                    updates.add(update);
                    updating.add(message);
                });
            } catch (IllegalArgumentException malformed) {
                Log.warnf("malformed message on %s (partition %d, key %s) goes to the dead-letter topic: %s",
                        message.getTopic(), message.getPartition(), message.getKey(), malformed.getMessage());
                rejections.add(deadLetter(message, malformed));
            }
        }
        return all(rejections)
                .chain(() -> writer.apply(updates)
                        .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(2)).atMost(3)
                        .invoke(concerned -> Log.debugf("%d anchor events concerned %d records", updates.size(), concerned))
                        .replaceWithVoid()
                        .onFailure().recoverWithUni(failure -> all(updating.stream().map(message -> deadLetter(message, failure)).toList())))
                .chain(() -> Uni.createFrom().completionStage(batch::ack));
    }

    private static String type(KafkaRecord<String, String> message) {
        Header type = message.getHeaders().lastHeader(CloudEventsKafka.H_TYPE);
        return type == null ? null : new String(type.value(), StandardCharsets.UTF_8);
    }

    /** Nacking one record of a batch hands just that record to the channel's dead-letter-queue strategy. */
    private static Uni<Void> deadLetter(KafkaRecord<String, String> message, Throwable reason) {
        return Uni.createFrom().completionStage(() -> message.nack(reason));
    }

    private static Uni<Void> all(List<Uni<Void>> steps) {
        return steps.isEmpty() ? Uni.createFrom().voidItem() : Uni.join().all(steps).andFailFast().replaceWithVoid();
    }
}
