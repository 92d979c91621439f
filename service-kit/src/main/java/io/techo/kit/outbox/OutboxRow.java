package io.techo.kit.outbox;

import io.techo.common.events.EventJson;
import io.techo.common.events.TechoEvent;
import io.techo.common.ids.Uuids;
import io.techo.kit.context.EventOrigin;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * One outbox row as every writer inserts it (Hibernate Reactive, JDBC, the reactive SQL client): a fresh event id,
 * the topic, the owner as key, the CloudEvent type and subject, the time, the JSON payload, and the event's origin
 * (request id and writing span, {@link EventOrigin}) captured where the row is made.
 */
public record OutboxRow(String eventId, String topic, String key, String type, String subject, Instant time, String payload,
        String requestId, String traceparent) {

    /** The columns every writer fills, in {@link #values()}'s order; the rest have defaults. */
    public static final String COLUMNS = "event_id, topic, event_key, event_type, subject, event_time, payload, created_at, request_id, traceparent";
    public static final String INSERT_SQL = "INSERT INTO outbox_event (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    public static OutboxRow of(String topic, TechoEvent event, Instant time) {
        EventOrigin origin = EventOrigin.current();
        return new OutboxRow(Uuids.v7().toString(), topic, event.ownerId(), event.type(), event.subject(), time, EventJson.write(event),
                origin.requestId(), origin.traceparent());
    }

    /** The row's values in {@link #INSERT_SQL}'s order, times as UTC date-times (what DATETIME columns hold). */
    public Object[] values() {
        LocalDateTime utc = LocalDateTime.ofInstant(time, ZoneOffset.UTC);
        return new Object[] {eventId, topic, key, type, subject, utc, payload, utc, requestId, traceparent};
    }
}
