package io.techo.testkit;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Direct SQL on the service's schema, to check what really is (and is not) stored. */
public final class Database {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private Database() {
    }

    public static List<Row> query(Pool pool, String sql, Object... arguments) {
        List<Row> rows = new ArrayList<>();
        pool.preparedQuery(sql).execute(Tuple.from(arguments)).await().atMost(WAIT).forEach(rows::add);
        return rows;
    }

    public static long count(Pool pool, String sql, Object... arguments) {
        return query(pool, sql, arguments).get(0).getLong(0);
    }
}
