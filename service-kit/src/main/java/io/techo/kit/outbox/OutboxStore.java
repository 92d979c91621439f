package io.techo.kit.outbox;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The relay's side of the outbox table, in plain SQL on the reactive pool: claim a batch under a lease
 * (short transaction, {@code FOR UPDATE SKIP LOCKED} so concurrent relays never claim the same row), then mark
 * published rows. No lock is held while Kafka is being waited on.
 */
@ApplicationScoped
public class OutboxStore {

    private static final int PURGE_CHUNK = 10_000;
    private static final String PURGE_CHUNK_SQL =
            "DELETE FROM outbox_event WHERE published_at < UTC_TIMESTAMP(6) - INTERVAL ? SECOND LIMIT " + PURGE_CHUNK;

    private final Pool pool;

    public OutboxStore(Pool pool) {
        this.pool = pool;
    }

    /**
     * Claims up to {@code limit} unpublished rows in sequence order for {@code relayId}. Rows of an owner who
     * has an earlier row claimed by another relay are left alone, so each owner's events leave in order.
     */
    public Uni<List<PendingEvent>> claim(String relayId, int limit, Duration lease) {
        return pool.withTransaction(connection -> connection.preparedQuery("""
                        SELECT seq, event_id, topic, event_key, event_type, subject, event_time, payload, request_id, traceparent
                          FROM outbox_event
                         WHERE published_at IS NULL AND (lease_until IS NULL OR lease_until < UTC_TIMESTAMP(6))
                         ORDER BY seq
                         LIMIT ?
                           FOR UPDATE SKIP LOCKED""")
                .execute(Tuple.of(limit))
                .map(OutboxStore::events)
                .chain(claimed -> claimed.isEmpty()
                        ? Uni.createFrom().item(claimed)
                        : withoutOwnersBlockedElsewhere(connection, claimed)
                                .call(kept -> lease(connection, kept, relayId, lease))));
    }

    private static Uni<List<PendingEvent>> withoutOwnersBlockedElsewhere(SqlClient connection, List<PendingEvent> claimed) {
        Set<Long> mine = claimed.stream().map(PendingEvent::seq).collect(Collectors.toSet());
        long last = claimed.get(claimed.size() - 1).seq();
        return connection.preparedQuery("SELECT seq, event_key FROM outbox_event WHERE published_at IS NULL AND seq < ?")
                .execute(Tuple.of(last))
                .map(rows -> {
                    Set<String> blocked = new HashSet<>();
                    for (Row row : rows) {
                        if (!mine.contains(row.getLong("seq"))) {
                            blocked.add(row.getString("event_key"));
                        }
                    }
                    return claimed.stream().filter(event -> !blocked.contains(event.key())).toList();
                });
    }

    private static Uni<Void> lease(SqlClient connection, List<PendingEvent> events, String relayId, Duration lease) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return connection.preparedQuery("UPDATE outbox_event SET lease_owner = ?, lease_until = UTC_TIMESTAMP(6) + INTERVAL ? MICROSECOND,"
                        + " attempts = attempts + 1 WHERE seq IN (" + placeholders(events.size()) + ")")
                .execute(Tuple.tuple(withSeqs(List.of(relayId, lease.toNanos() / 1000), events)))
                .replaceWithVoid();
    }

    /** Marks rows published, but only those this relay still holds: a lapsed lease may have been re-claimed. */
    public Uni<Integer> markPublished(String relayId, List<PendingEvent> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return pool.preparedQuery("UPDATE outbox_event SET published_at = UTC_TIMESTAMP(6), lease_owner = NULL, lease_until = NULL"
                        + " WHERE lease_owner = ? AND published_at IS NULL AND seq IN (" + placeholders(events.size()) + ")")
                .execute(Tuple.tuple(withSeqs(List.of(relayId), events)))
                .map(RowSet::rowCount);
    }

    /** Unpublished rows and the age in seconds of the oldest, for the lag gauges. */
    public Uni<OutboxBacklog> backlog() {
        return pool.query("SELECT COUNT(*) AS pending, COALESCE(TIMESTAMPDIFF(MICROSECOND, MIN(created_at), UTC_TIMESTAMP(6)), 0) AS age_us"
                        + " FROM outbox_event WHERE published_at IS NULL")
                .execute()
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return new OutboxBacklog(row.getLong("pending"), row.getLong("age_us") / 1_000_000.0);
                });
    }

    /**
     * Deletes every published row older than the retention, {@value #PURGE_CHUNK} rows per statement so that no
     * single delete holds its locks for long; returns how many went.
     */
    public Uni<Integer> purgePublishedBefore(Duration retention) {
        return purgeFrom(0, retention);
    }

    private Uni<Integer> purgeFrom(int purged, Duration retention) {
        return pool.preparedQuery(PURGE_CHUNK_SQL)
                .execute(Tuple.of(retention.toSeconds()))
                .map(RowSet::rowCount)
                .chain(deleted -> deleted < PURGE_CHUNK ? Uni.createFrom().item(purged + deleted) : purgeFrom(purged + deleted, retention));
    }

    private static List<PendingEvent> events(RowSet<Row> rows) {
        List<PendingEvent> events = new ArrayList<>();
        for (Row row : rows) {
            events.add(PendingEvent.from(row));
        }
        return events;
    }

    private static List<Object> withSeqs(List<Object> leading, List<PendingEvent> events) {
        List<Object> values = new ArrayList<>(leading);
        events.forEach(event -> values.add(event.seq()));
        return values;
    }

    private static String placeholders(int count) {
        return String.join(",", java.util.Collections.nCopies(count, "?"));
    }
}
