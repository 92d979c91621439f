package io.techo.kit.outbox;

import io.smallrye.mutiny.Uni;
import io.techo.common.events.TechoEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * Appends an event to the outbox. Must be called inside the transaction that makes the state change, so
 * the change and its announcement commit or roll back together.
 */
@ApplicationScoped
public class OutboxWriter {

    public Uni<OutboxEvent> append(String topic, TechoEvent event, Instant time) {
        OutboxRow values = OutboxRow.of(topic, event, time);
        OutboxEvent row = new OutboxEvent();
        row.eventId = values.eventId();
        row.topic = values.topic();
        row.eventKey = values.key();
        row.eventType = values.type();
        row.subject = values.subject();
        row.eventTime = values.time();
        row.payload = values.payload();
        row.createdAt = values.time();
        row.requestId = values.requestId();
        row.traceparent = values.traceparent();
        return row.persist();
    }
}
