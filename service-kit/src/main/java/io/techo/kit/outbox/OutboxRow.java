package io.techo.kit.outbox;

import io.techo.common.events.EventJson;
import io.techo.common.events.TechoEvent;
import io.techo.common.ids.Uuids;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;

/**
 * One outbox row as every writer inserts it (Hibernate Reactive, JDBC, the reactive SQL client): a fresh event id,
 * the topic, the owner as key, the CloudEvent type and subject, the time and the JSON payload.
 */
public record OutboxRow(String eventId, String topic, String key, String type, String subject, Instant time, String payload) {

    /** The columns every writer fills, in {@link #INSERT_SQL}'s order; the rest have defaults. */
    public static final String INSERT_SQL = "INSERT INTO outbox_event (event_id, topic, event_key, event_type, subject, event_time, "
            + "payload, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

    public static OutboxRow of(String topic, TechoEvent event, Instant time) {
        return new OutboxRow(Uuids.v7().toString(), topic, event.ownerId(), event.type(), event.subject(), time, EventJson.write(event));
    }

    /** The row's values in {@link #INSERT_SQL}'s order, times as UTC date-times (what DATETIME columns hold). */
    public Object[] values() {
        LocalDateTime utc = LocalDateTime.ofInstant(time, ZoneOffset.UTC);
        return new Object[] {eventId, topic, key, type, subject, utc, payload, utc};
    }

    /** The values as a reactive SQL client tuple ({@link OutboxSqlWriter}). */
    public Tuple tuple() {
        return Tuple.from(Arrays.asList(values()));
    }
}
