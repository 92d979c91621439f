package io.techo.kit.outbox;

import io.techo.common.events.EventJson;
import io.techo.common.events.TechoEvent;
import io.techo.common.ids.Uuids;
import io.techo.kit.context.EventOrigin;
import io.techo.kit.jdbc.SqlTime;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * {@link OutboxWriter} for blocking JDBC code: appends events to the outbox on the caller's connection, inside the
 * caller's transaction, as one batch. Rows are the same as the reactive writer's, origin included; the same relay
 * publishes them.
 */
public final class OutboxJdbcWriter {

    private OutboxJdbcWriter() {
    }

    public static void append(Connection transaction, String topic, List<? extends TechoEvent> events, Instant time)
            throws SQLException {
        if (events.isEmpty()) {
            return;
        }
        EventOrigin origin = EventOrigin.current();
        try (PreparedStatement ps = transaction.prepareStatement("INSERT INTO outbox_event (event_id, topic, event_key, "
                + "event_type, subject, event_time, payload, created_at, request_id, traceparent)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (TechoEvent event : events) {
                ps.setString(1, Uuids.v7().toString());
                ps.setString(2, topic);
                ps.setString(3, event.ownerId());
                ps.setString(4, event.type());
                ps.setString(5, event.subject());
                SqlTime.set(ps, 6, time);
                ps.setString(7, EventJson.write(event));
                SqlTime.set(ps, 8, time);
                ps.setString(9, origin.requestId());
                ps.setString(10, origin.traceparent());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
