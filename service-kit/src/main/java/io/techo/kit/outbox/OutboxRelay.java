package io.techo.kit.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.techo.common.events.CloudEventsKafka;
import io.techo.common.ids.RequestIds;
import io.techo.common.ids.Uuids;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Publishes outbox rows to Kafka as CloudEvents (binary mode), key = owner id, and marks a row published only
 * after the broker acknowledged it ({@code acks=all}, idempotent producer). At-least-once: a crash between ack and
 * mark republishes the same event id, which consumers deduplicate. Each record also carries what caused it: the
 * request's correlation id ({@code techo-request-id}) and, with tracing on, a {@code traceparent} in the writer's trace.
 */
@ApplicationScoped
public class OutboxRelay {

    private final OutboxStore store;
    private final MutinyEmitter<String> emitter;
    private final OutboxConfig config;
    private final String relayId = "relay-" + Uuids.v7();
    private final Vertx vertx;
    private long pollTimer = -1;
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean wanted = new AtomicBoolean();
    private final AtomicReference<OutboxBacklog> backlog = new AtomicReference<>(new OutboxBacklog(0, 0));
    private final Counter published;
    private final Counter failed;

    public OutboxRelay(OutboxStore store, @Channel("outbox-events") MutinyEmitter<String> emitter,
            OutboxConfig config, MeterRegistry registry, Vertx vertx) {
        this.store = store;
        this.vertx = vertx;
        this.emitter = emitter;
        this.config = config;
        this.published = registry.counter("techo.outbox.published");
        this.failed = registry.counter("techo.outbox.publish.failures");
        registry.gauge("techo.outbox.pending", backlog, b -> b.get().pending());
        registry.gauge("techo.outbox.oldest.age.seconds", backlog, b -> b.get().oldestAgeSeconds());
    }

    void startPolling(@Observes StartupEvent startup) {
        if (!config.relayEnabled()) {
            Log.warn("the outbox relay is disabled (techo.outbox.relay-enabled=false): events are not published");
            return;
        }
        pollTimer = vertx.setPeriodic(config.pollInterval().toMillis(), timer -> wake());
    }

    void stopPolling(@Observes ShutdownEvent shutdown) {
        if (pollTimer >= 0) {
            vertx.cancelTimer(pollTimer);
        }
    }

    /**
     * Starts draining now, unless a drain is running; then that drain makes one more pass when it ends. Runs at the
     * poll interval, and whoever just committed outbox rows may call it to publish them without waiting for the poll.
     */
    public void wake() {
        if (!config.relayEnabled()) {
            return;
        }
        wanted.set(true);
        if (draining.compareAndSet(false, true)) {
            // Hibernate Reactive needs its own safe duplicated context per unit of work
            Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
            VertxContextSafetyToggle.setContextSafe(context, true);
            context.runOnContext(ignored -> drainWhileWanted());
        }
    }

    private void drainWhileWanted() {
        wanted.set(false);
        drain().subscribe().with(done -> drainEnded(), failure -> {
            Log.warnf("outbox relay pass failed: %s", failure.getMessage());
            drainEnded();
        });
    }

    private void drainEnded() {
        draining.set(false);
        if (wanted.get()) {
            wake();
        }
    }

    /** While a pass publishes a full batch, the next one follows at once. */
    private Uni<Void> drain() {
        return publishBatch().chain(published -> published >= config.batchSize() ? drain() : Uni.createFrom().voidItem());
    }

    /**
     * One pass: claim, publish, mark the acknowledged. Different owners' events go out concurrently; one owner's go
     * one after another, each after the previous one's acknowledgement, and stop at the first failure, so an event
     * never overtakes an earlier one of the same owner (the producer's send threads do not keep submission order).
     */
    public Uni<Integer> publishBatch() {
        return store.claim(relayId, config.batchSize(), config.lease())
                .chain(events -> {
                    Map<String, List<PendingEvent>> byOwner = events.stream()
                            .collect(Collectors.groupingBy(PendingEvent::key, LinkedHashMap::new, Collectors.toList()));
                    return Multi.createFrom().iterable(byOwner.values())
                            .onItem().transformToUni(this::sendInOrder).merge(Math.max(1, byOwner.size()))
                            .collect().in(ArrayList<PendingEvent>::new, List::addAll);
                })
                .chain(acknowledged -> store.markPublished(relayId, acknowledged));
    }

    /** Sends one owner's events in sequence; returns those acknowledged before the first failure. */
    private Uni<List<PendingEvent>> sendInOrder(List<PendingEvent> ownerEvents) {
        return Multi.createFrom().iterable(ownerEvents)
                .onItem().transformToUniAndConcatenate(this::send)
                .select().first(Optional::isPresent)
                .map(Optional::get)
                .collect().asList();
    }

    private Uni<Optional<PendingEvent>> send(PendingEvent event) {
        RecordHeaders headers = new RecordHeaders();
        CloudEventsKafka.toHeaders(event.attributes(config.eventSource())).forEach(headers::add);
        if (event.origin().requestId() != null) {
            headers.add(RequestIds.KAFKA_HEADER, event.origin().requestId().getBytes(StandardCharsets.UTF_8));
        }
        // the connector's send span continues the writer's trace and puts its traceparent in the headers
        Message<String> message = Message.of(event.payload())
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withTopic(event.topic())
                        .withKey(event.key())
                        .withHeaders(headers)
                        .build())
                .addMetadata(TracingMetadata.withCurrent(event.origin().traceContext()));
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

    @Scheduled(every = "${techo.outbox.gauge-interval}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refreshBacklog() {
        return store.backlog().invoke(backlog::set).onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Every minute, so each run deletes a minute's worth of expired rows (an hour's could be millions). */
    @Scheduled(every = "1m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> purge() {
        return store.purgePublishedBefore(config.retention())
                .invoke(count -> Log.debugf("purged %d published outbox rows", count))
                .onFailure().recoverWithNull().replaceWithVoid();
    }
}
