package io.techo.kit.outbox;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import io.techo.common.events.CloudEventAttributes;
import io.techo.kit.context.EventOrigin;
import io.vertx.mutiny.sqlclient.Row;

/** One claimed outbox row, ready to become a Kafka record. */
public record PendingEvent(long seq, String eventId, String topic, String key, String type, String subject,
        LocalDateTime eventTimeUtc, String payload, EventOrigin origin) {

    static PendingEvent from(Row row) {
        return new PendingEvent(row.getLong("seq"), row.getString("event_id"), row.getString("topic"),
                row.getString("event_key"), row.getString("event_type"), row.getString("subject"),
                row.getLocalDateTime("event_time"), row.getString("payload"),
                new EventOrigin(row.getString("request_id"), row.getString("traceparent")));
    }

    CloudEventAttributes attributes(String source) {
        return new CloudEventAttributes(eventId, type, source, subject, eventTimeUtc.toInstant(ZoneOffset.UTC));
    }
}
