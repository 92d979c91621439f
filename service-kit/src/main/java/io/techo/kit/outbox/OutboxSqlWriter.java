package io.techo.kit.outbox;

import io.smallrye.mutiny.Uni;
import io.techo.kit.batch.MultiRowInsert;
import io.vertx.mutiny.sqlclient.SqlClient;
import java.util.List;

/**
 * {@link OutboxWriter} for code on the reactive SQL client: appends rows on the caller's connection, inside the
 * caller's transaction, with multi-row inserts.
 */
public final class OutboxSqlWriter {

    private static final MultiRowInsert INSERT = new MultiRowInsert("outbox_event", OutboxRow.COLUMNS);

    private OutboxSqlWriter() {
    }

    public static Uni<Void> append(SqlClient transaction, List<OutboxRow> rows) {
        return INSERT.execute(transaction, rows.stream().map(OutboxRow::values).toList());
    }
}
