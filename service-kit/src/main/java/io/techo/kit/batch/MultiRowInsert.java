package io.techo.kit.batch;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Inserts many rows into one table with few statements: {@code INSERT INTO t (a, b) VALUES (?, ?), (?, ?), …}, one
 * round trip per chunk instead of one per row. Chunks have power-of-two sizes up to {@link #MAX_ROWS_PER_STATEMENT},
 * so a table needs at most seven distinct prepared statements, whatever the batch sizes (the client caches them).
 */
public final class MultiRowInsert {

    static final int MAX_ROWS_PER_STATEMENT = 64;

    private final String prefix;
    private final int columns;
    private final Map<Integer, String> statements = new ConcurrentHashMap<>();

    /**
     * @param table the table's name
     * @param columnList the columns in the order every row's values come in, e.g. {@code "id, name"}
     */
    public MultiRowInsert(String table, String columnList) {
        this.prefix = "INSERT INTO " + table + " (" + columnList + ") VALUES ";
        this.columns = columnList.split(",").length;
    }

    /** Inserts the rows, each an array of its values in column order. */
    public Uni<Void> execute(SqlClient client, List<Object[]> rows) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        int start = 0;
        while (start < rows.size()) {
            int size = chunkSize(rows.size() - start);
            List<Object[]> chunk = rows.subList(start, start + size);
            chain = chain.chain(() -> client.preparedQuery(statement(size)).execute(values(chunk)).replaceWithVoid());
            start += size;
        }
        return chain;
    }

    /** The largest power of two not above what is left, at most {@link #MAX_ROWS_PER_STATEMENT}. */
    static int chunkSize(int left) {
        return Math.min(Integer.highestOneBit(left), MAX_ROWS_PER_STATEMENT);
    }

    String statement(int rows) {
        return statements.computeIfAbsent(rows, count -> {
            String row = "(" + String.join(", ", Collections.nCopies(columns, "?")) + ")";
            return prefix + String.join(", ", Collections.nCopies(count, row));
        });
    }

    private Tuple values(List<Object[]> chunk) {
        List<Object> values = new ArrayList<>(chunk.size() * columns);
        for (Object[] row : chunk) {
            if (row.length != columns) {
                throw new IllegalArgumentException("a row has " + row.length + " values; the statement has " + columns + " columns");
            }
            values.addAll(Arrays.asList(row));
        }
        return Tuple.from(values);
    }
}
