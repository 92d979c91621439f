package io.techo.record.anchor;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.techo.record.domain.AnchorStatus;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Stores a batch of anchor updates in one transaction and three statements, in plain SQL on the reactive pool: find
 * the active records that stored those events, upsert their anchor state, add the final proofs.
 *
 * <p>The state only moves forward (a late PACKED never replaces IRREVERSIBLE) and applying an update twice changes
 * nothing, so redelivery needs no bookkeeping. The records are read with a shared lock: an erasure, which locks the
 * record for update and deletes its anchor state, runs wholly before or after, so nothing is ever left behind for an
 * erased record.
 */
@ApplicationScoped
public class AnchorStateWriter {

    /** {@code status} last: the assignments below run in this order, and the others must see the old status. */
    private static final List<String> ANCHOR_COLUMNS = List.of("leaf_index", "chain_id", "contract", "tx_hash", "block_number", "status");

    /** Every column keeps its value once the row is IRREVERSIBLE. */
    private static final String UPSERT_ANCHOR_SUFFIX = " ON DUPLICATE KEY UPDATE " + ANCHOR_COLUMNS.stream()
            .map(column -> column + " = IF(record_anchor.status = 'IRREVERSIBLE', record_anchor." + column + ", VALUES(" + column + "))")
            .collect(Collectors.joining(", "));

    private final Pool pool;

    public AnchorStateWriter(Pool pool) {
        this.pool = pool;
    }

    /** Applies the updates; those whose event no active record stored are ignored. Returns how many records they concerned. */
    public Uni<Integer> apply(List<AnchorUpdate> updates) {
        if (updates.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        Map<String, AnchorUpdate> byEvent = furthestPerEvent(updates);
        return pool.withTransaction(connection -> activeRecordsStoredBy(connection, byEvent.keySet()).chain(recordIds -> {
            logIgnored(byEvent.keySet(), recordIds.keySet());
            if (recordIds.isEmpty()) {
                return Uni.createFrom().item(0);
            }
            return upsertAnchors(connection, recordIds, byEvent)
                    .call(() -> insertProofs(connection, recordIds, byEvent))
                    .replaceWith(recordIds.size());
        }));
    }

    private static Map<String, AnchorUpdate> furthestPerEvent(List<AnchorUpdate> updates) {
        return updates.stream().collect(Collectors.toMap(AnchorUpdate::logEventId, update -> update, AnchorUpdate::furthest, LinkedHashMap::new));
    }

    /** Record id by stored-event id, for the events an active record stored. */
    private static Uni<Map<String, String>> activeRecordsStoredBy(SqlClient connection, Collection<String> eventIds) {
        return connection.preparedQuery("SELECT id, stored_event_id FROM record WHERE status = 'ACTIVE' AND stored_event_id IN ("
                        + placeholders(eventIds.size()) + ") LOCK IN SHARE MODE")
                .execute(Tuple.from(List.copyOf(eventIds)))
                .map(rows -> {
                    Map<String, String> recordIds = new LinkedHashMap<>();
                    for (Row row : rows) {
                        recordIds.put(row.getString("stored_event_id"), row.getString("id"));
                    }
                    return recordIds;
                });
    }

    private static Uni<Void> upsertAnchors(SqlClient connection, Map<String, String> recordIds, Map<String, AnchorUpdate> byEvent) {
        List<Object> values = new ArrayList<>();
        recordIds.forEach((eventId, recordId) -> {
            AnchorUpdate update = byEvent.get(eventId);
            values.addAll(Arrays.asList(recordId, update.leafIndex(), update.chainId(), update.contract(), update.txHash(),
                    update.blockNumber(), update.status().name()));
        });
        String row = "(?, " + placeholders(ANCHOR_COLUMNS.size()) + ")";
        return connection.preparedQuery("INSERT INTO record_anchor (record_id, " + String.join(", ", ANCHOR_COLUMNS) + ") VALUES "
                        + String.join(", ", Collections.nCopies(recordIds.size(), row)) + UPSERT_ANCHOR_SUFFIX)
                .execute(Tuple.from(values))
                .replaceWithVoid();
    }

    /** The first confirmation of a record stays: there is one per event, a redelivery is the same. */
    private static Uni<Void> insertProofs(SqlClient connection, Map<String, String> recordIds, Map<String, AnchorUpdate> byEvent) {
        List<Object> values = new ArrayList<>();
        recordIds.forEach((eventId, recordId) -> {
            AnchorUpdate update = byEvent.get(eventId);
            if (update.status() == AnchorStatus.IRREVERSIBLE) {
                values.add(recordId);
                values.add(update.confirmation());
            }
        });
        if (values.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return connection.preparedQuery("INSERT INTO record_proof (record_id, confirmation) VALUES "
                        + String.join(", ", Collections.nCopies(values.size() / 2, "(?, ?)"))
                        + " ON DUPLICATE KEY UPDATE confirmation = record_proof.confirmation")
                .execute(Tuple.from(values))
                .replaceWithVoid();
    }

    private static void logIgnored(Collection<String> eventIds, Collection<String> matched) {
        if (Log.isDebugEnabled()) {
            eventIds.stream().filter(id -> !matched.contains(id))
                    .forEach(id -> Log.debugf("anchor update for event %s ignored: no active record stored it", id));
        }
    }

    private static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }
}
