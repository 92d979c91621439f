package io.techo.kit.outbox;

import io.smallrye.mutiny.Uni;
import io.techo.common.events.EventJson;
import io.techo.common.events.TechoEvent;
import io.techo.common.ids.Uuids;
import io.techo.kit.context.EventOrigin;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * Appends an event to the outbox. Must be called inside the transaction that makes the state change, so
 * the change and its announcement commit or roll back together. The row also records what caused the event
 * ({@link EventOrigin}: the current request's correlation id and span), so callers need not pass it.
 */
@ApplicationScoped
public class OutboxWriter {

    public Uni<OutboxEvent> append(String topic, TechoEvent event, Instant time) {
        OutboxEvent row = new OutboxEvent();
        row.eventId = Uuids.v7().toString();
        row.topic = topic;
        row.eventKey = event.ownerId();
        row.eventType = event.type();
        row.subject = event.subject();
        row.eventTime = time;
        row.payload = EventJson.write(event);
        row.createdAt = time;
        EventOrigin origin = EventOrigin.current();
        row.requestId = origin.requestId();
        row.traceparent = origin.traceparent();
        return row.persist();
    }
}
