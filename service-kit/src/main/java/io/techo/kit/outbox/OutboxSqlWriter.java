package io.techo.kit.outbox;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import java.util.List;

/**
 * {@link OutboxWriter} for code on the reactive SQL client: appends rows on the caller's connection, inside the
 * caller's transaction, as one batch.
 */
public final class OutboxSqlWriter {

    private OutboxSqlWriter() {
    }

    public static Uni<Void> append(SqlClient transaction, List<OutboxRow> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return transaction.preparedQuery(OutboxRow.INSERT_SQL).executeBatch(rows.stream().map(OutboxRow::tuple).toList()).replaceWithVoid();
    }
}
