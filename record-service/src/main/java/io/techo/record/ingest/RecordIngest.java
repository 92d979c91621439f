package io.techo.record.ingest;

import io.smallrye.mutiny.Uni;
import io.techo.kit.batch.GroupCommit;
import io.techo.kit.batch.MultiRowInsert;
import io.techo.kit.idempotency.IdempotencyGuard;
import io.techo.kit.outbox.OutboxSqlWriter;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Stores new records by group commit (DESIGN §10, ADR 0012): the rows of concurrent POSTs go into one transaction as
 * multi-row inserts, so one commit serves many records; each POST is answered only after the commit holding its rows.
 * A record whose rows cannot be inserted (its id or idempotency key is taken) fails alone; the rest of its batch
 * commits.
 */
@ApplicationScoped
public class RecordIngest {

    private static final MultiRowInsert RECORDS = new MultiRowInsert("record", NewRecordRows.RECORD_COLUMNS);
    private static final MultiRowInsert ENVELOPES = new MultiRowInsert("key_envelope", NewRecordRows.ENVELOPE_COLUMNS);

    private final GroupCommit<NewRecordRows> commits;

    public RecordIngest(Pool pool, @ConfigProperty(name = "techo.ingest.max-batch", defaultValue = "128") int maxBatch,
            @ConfigProperty(name = "techo.ingest.concurrent-commits", defaultValue = "2") int maxConcurrentCommits) {
        this.commits = new GroupCommit<>(pool, RecordIngest::insert, maxBatch, maxConcurrentCommits);
    }

    /** Completes once the record's rows are committed; fails with a duplicate-key error if its id or key is taken. */
    public Uni<Void> store(NewRecordRows rows) {
        return commits.write(rows);
    }

    private static Uni<Void> insert(SqlClient transaction, List<NewRecordRows> batch) {
        return RECORDS.execute(transaction, batch.stream().map(NewRecordRows::recordValues).toList())
                .chain(() -> ENVELOPES.execute(transaction, batch.stream().map(NewRecordRows::envelopeValues).toList()))
                .chain(() -> OutboxSqlWriter.append(transaction, batch.stream().map(NewRecordRows::storedEvent).toList()))
                .chain(() -> IdempotencyGuard.INSERT.execute(transaction,
                        batch.stream().map(NewRecordRows::idempotency).flatMap(Optional::stream).toList()));
    }
}
