package io.techo.record.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.techo.common.events.CloudEventsKafka;
import io.techo.common.ids.Uuids;
import io.techo.record.config.RecordServiceConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Publishes outbox rows to Kafka as CloudEvents (binary mode), key = owner id, and marks a row published only
 * after the broker acknowledged it ({@code acks=all}, idempotent producer). At-least-once: a crash between ack and
 * mark republishes the same event id, which consumers deduplicate.
 */
@ApplicationScoped
public class OutboxRelay {

    private final OutboxStore store;
    private final MutinyEmitter<String> emitter;
    private final RecordServiceConfig config;
    private final String relayId = "relay-" + Uuids.v7();
    private final AtomicReference<OutboxBacklog> backlog = new AtomicReference<>(new OutboxBacklog(0, 0));
    private final Counter published;
    private final Counter failed;

    public OutboxRelay(OutboxStore store, @Channel("outbox-events") MutinyEmitter<String> emitter,
            RecordServiceConfig config, MeterRegistry registry) {
        this.store = store;
        this.emitter = emitter;
        this.config = config;
        this.published = registry.counter("techo.outbox.published");
        this.failed = registry.counter("techo.outbox.publish.failures");
        registry.gauge("techo.outbox.pending", backlog, b -> b.get().pending());
        registry.gauge("techo.outbox.oldest.age.seconds", backlog, b -> b.get().oldestAgeSeconds());
    }

    @Scheduled(every = "${techo.record.outbox.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> relay() {
        return publishBatch()
                .onFailure().invoke(e -> Log.warnf("outbox relay pass failed: %s", e.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** One pass: claim, send all concurrently (the producer keeps per-partition order), mark the acknowledged. */
    public Uni<Integer> publishBatch() {
        return store.claim(relayId, config.outbox().batchSize(), config.outbox().lease())
                .chain(events -> Multi.createFrom().iterable(events)
                        .onItem().transformToUni(this::send).merge(Math.max(1, events.size()))
                        .collect().asList()
                        .map(results -> results.stream().flatMap(Optional::stream).toList()))
                .chain(acknowledged -> store.markPublished(relayId, acknowledged));
    }

    private Uni<Optional<PendingEvent>> send(PendingEvent event) {
        RecordHeaders headers = new RecordHeaders();
        CloudEventsKafka.toHeaders(event.attributes(config.eventSource())).forEach(headers::add);
        Message<String> message = Message.of(event.payload()).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(event.topic())
                .withKey(event.key())
                .withHeaders(headers)
                .build());
        return emitter.sendMessage(message)
                .map(ack -> {
                    published.increment();
                    return Optional.of(event);
                })
                .onFailure().recoverWithItem(e -> {
                    failed.increment();
                    Log.debugf("event %s not published yet: %s", event.eventId(), e.getMessage());
                    return Optional.<PendingEvent>empty();
                });
    }

    @Scheduled(every = "${techo.record.outbox.gauge-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refreshBacklog() {
        return store.backlog().invoke(backlog::set).onFailure().recoverWithNull().replaceWithVoid();
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> purge() {
        return store.purgePublishedBefore(config.outbox().retention())
                .invoke(count -> Log.debugf("purged %d published outbox rows", count))
                .onFailure().recoverWithNull().replaceWithVoid();
    }
}
