package io.techo.anchor.anchor;

import io.smallrye.common.annotation.Identifier;
import io.techo.anchor.config.AnchorConfig;
import io.techo.common.events.AnchorConfirmed;
import io.techo.common.events.CloudEventAttributes;
import io.techo.common.events.CloudEventsKafka;
import io.techo.common.events.EventJson;
import io.techo.common.events.EventTypes;
import io.techo.common.ids.Uuids;
import io.techo.kit.outbox.OutboxConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes leaf confirmations straight to {@code techo.anchors.v1}, not through the outbox (ADR 0014). A confirmation
 * is a function of stored state (the leaf, the checkpoint, its anchor), so the checkpoint's {@code confirmed_through}
 * cursor is all the state its publication needs: the anchoring loop publishes a batch, waits here until the broker
 * acknowledged every record ({@code acks=all}, idempotent producer), and only then moves the cursor. A crash in
 * between publishes the same batch again under the same event ids, named after the log and the leaf, which consumers
 * deduplicate like any redelivery.
 */
@ApplicationScoped
public class ConfirmationPublisher {

    /** The namespace of confirmation event ids: {@code Uuids.nameBased(namespace, origin + "/" + leafIndex)}. */
    static final UUID CONFIRMATION_IDS = UUID.fromString("c2132231-889b-4b02-bede-b3a227db4cb8");

    /** Longer than the producer's own delivery timeout, which fails a record first. */
    private static final Duration ACKNOWLEDGEMENT_TIMEOUT = Duration.ofSeconds(15);

    private final KafkaProducer<String, String> producer;
    private final String source;
    private final String origin;

    @Inject
    public ConfirmationPublisher(@Identifier("default-kafka-broker") Map<String, Object> kafka, OutboxConfig outbox,
            AnchorConfig config) {
        this(kafka, outbox.eventSource(), config.log().origin());
    }

    ConfirmationPublisher(Map<String, Object> kafka, String source, String origin) {
        this.producer = new KafkaProducer<>(producerConfig(kafka), new StringSerializer(), new StringSerializer());
        this.source = source;
        this.origin = origin;
    }

    /**
     * The connection settings every client of this service shares ({@code kafka.*}: brokers, TLS, SASL), then what
     * publishing a thousand 1.5 KB confirmations at once needs: every record acknowledged by all in-sync replicas,
     * no duplicates from retries, large compressed batches.
     */
    static Map<String, Object> producerConfig(Map<String, Object> kafka) {
        Map<String, Object> config = new HashMap<>();
        kafka.forEach((name, value) -> {
            if (ProducerConfig.configNames().contains(name)) {
                config.put(name, value);
            }
        });
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "anchor-confirmations");
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 262_144);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        // the anchoring loop waits at most this long for a batch (or 2 s for metadata when no broker answers), then
        // goes on anchoring and publishes the batch again later
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 2_000);
        return config;
    }

    /**
     * Publishes the confirmations, in order, and returns once the broker acknowledged all of them.
     *
     * @param time the CloudEvents time: when their checkpoint's anchor became final
     * @throws ConfirmationsNotPublished when any of them was not acknowledged; some others may have been
     */
    public void publish(List<AnchorConfirmed> confirmations, Instant time) {
        List<Future<RecordMetadata>> acknowledgements = new ArrayList<>(confirmations.size());
        try {
            for (AnchorConfirmed confirmation : confirmations) {
                acknowledgements.add(producer.send(record(confirmation, time)));
            }
            producer.flush();
            for (Future<RecordMetadata> acknowledgement : acknowledgements) {
                acknowledgement.get(ACKNOWLEDGEMENT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (ExecutionException e) {
            throw new ConfirmationsNotPublished(e.getCause());
        } catch (KafkaException | TimeoutException e) {
            throw new ConfirmationsNotPublished(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConfirmationsNotPublished(e);
        }
    }

    ProducerRecord<String, String> record(AnchorConfirmed confirmation, Instant time) {
        String eventId = Uuids.nameBased(CONFIRMATION_IDS, origin + "/" + confirmation.leafIndex()).toString();
        RecordHeaders headers = new RecordHeaders();
        CloudEventsKafka.toHeaders(new CloudEventAttributes(eventId, confirmation.type(), source, confirmation.subject(), time))
                .forEach(headers::add);
        return new ProducerRecord<>(EventTypes.ANCHORS_TOPIC, null, confirmation.ownerId(), EventJson.write(confirmation),
                headers);
    }

    @PreDestroy
    void close() {
        producer.close(Duration.ofSeconds(5));
    }

    /** Some confirmations of a batch were not acknowledged; the batch is published again later. */
    public static final class ConfirmationsNotPublished extends RuntimeException {

        ConfirmationsNotPublished(Throwable cause) {
            super("confirmations not acknowledged by Kafka: " + cause, cause);
        }
    }
}
