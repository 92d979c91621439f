package io.techo.record.access;

import io.smallrye.mutiny.Uni;
import io.techo.kit.batch.GroupCommit;
import io.techo.kit.batch.MultiRowInsert;
import io.techo.kit.outbox.OutboxRow;
import io.techo.kit.outbox.OutboxSqlWriter;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Writes the access log by group commit. Every decision's row and its {@code techo.access.decided} outbox event must
 * be durable before the read is answered; concurrent reads share one transaction, so one commit serves a whole batch.
 * A read whose entry cannot be committed is not answered (fail closed, {@link AccessLog}).
 */
@ApplicationScoped
public class AccessLogWriter {

    private static final MultiRowInsert INSERT = new MultiRowInsert("access_log",
            "id, owner_id, accessor_id, record_id, category, purpose, decision, reason, grant_id, break_glass_reason, decided_at");

    private final GroupCommit<Logged> commits;

    public AccessLogWriter(Pool pool, @ConfigProperty(name = "techo.access-log.max-batch", defaultValue = "200") int maxBatch,
            @ConfigProperty(name = "techo.access-log.concurrent-commits", defaultValue = "2") int maxConcurrentCommits) {
        this.commits = new GroupCommit<>(pool, AccessLogWriter::insert, maxBatch, maxConcurrentCommits);
    }

    /** Completes once the entry and its event are committed. */
    public Uni<Void> write(AccessLogEntry entry, OutboxRow event) {
        return commits.write(new Logged(entry, event));
    }

    private static Uni<Void> insert(SqlClient transaction, List<Logged> batch) {
        return INSERT.execute(transaction, batch.stream().map(logged -> row(logged.entry())).toList())
                .chain(() -> OutboxSqlWriter.append(transaction, batch.stream().map(Logged::event).toList()));
    }

    private static Object[] row(AccessLogEntry entry) {
        return new Object[] {entry.id, entry.ownerId, entry.accessorId, entry.recordId, entry.category, entry.purpose,
                entry.decision, entry.reason, entry.grantId, entry.breakGlassReason,
                LocalDateTime.ofInstant(entry.decidedAt, ZoneOffset.UTC)};
    }

    private record Logged(AccessLogEntry entry, OutboxRow event) {
    }
}
