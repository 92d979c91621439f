package io.techo.kit.outbox;

import io.techo.common.events.TechoEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * {@link OutboxWriter} for blocking JDBC code: appends events to the outbox on the caller's connection, inside the
 * caller's transaction, as one batch. Rows are the same as the reactive writer's; the same relay publishes them.
 */
public final class OutboxJdbcWriter {

    private OutboxJdbcWriter() {
    }

    public static void append(Connection transaction, String topic, List<? extends TechoEvent> events, Instant time)
            throws SQLException {
        if (events.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = transaction.prepareStatement(OutboxRow.INSERT_SQL)) {
            for (TechoEvent event : events) {
                Object[] values = OutboxRow.of(topic, event, time).values();
                for (int i = 0; i < values.length; i++) {
                    ps.setObject(i + 1, values[i]);
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
