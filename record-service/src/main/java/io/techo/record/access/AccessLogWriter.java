package io.techo.record.access;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.techo.kit.outbox.OutboxRow;
import io.techo.kit.outbox.OutboxSqlWriter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Group commit for the access log. Every decision's row and its {@code techo.access.decided} outbox event must be
 * durable before the read is answered; concurrent reads share one transaction, so one commit (one log flush) serves a
 * whole batch. Nothing waits on purpose: an entry that finds a free commit slot is committed at once, and entries that
 * arrive while the slots are busy go together in the next transaction. Each caller continues on its own Vert.x
 * context, as if it had written alone. A failed transaction fails every read in it (fail closed).
 */
@ApplicationScoped
public class AccessLogWriter {

    private static final String INSERT_SQL = "INSERT INTO access_log (id, owner_id, accessor_id, record_id, category, purpose, "
            + "decision, reason, grant_id, break_glass_reason, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final Pool pool;
    private final int maxBatch;
    private final int maxConcurrentCommits;
    private final Queue<Pending> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger committing = new AtomicInteger();

    public AccessLogWriter(Pool pool, @ConfigProperty(name = "techo.access-log.max-batch", defaultValue = "200") int maxBatch,
            @ConfigProperty(name = "techo.access-log.concurrent-commits", defaultValue = "2") int maxConcurrentCommits) {
        this.pool = pool;
        this.maxBatch = maxBatch;
        this.maxConcurrentCommits = maxConcurrentCommits;
    }

    /** Completes once the entry and its event are committed. */
    public Uni<Void> write(AccessLogEntry entry, OutboxRow event) {
        return Uni.createFrom().emitter(emitter -> {
            queue.add(new Pending(entry, event, emitter, Vertx.currentContext()));
            commitWhileSlotsFree();
        });
    }

    private void commitWhileSlotsFree() {
        while (!queue.isEmpty()) {
            int slots = committing.get();
            if (slots >= maxConcurrentCommits) {
                return;
            }
            if (!committing.compareAndSet(slots, slots + 1)) {
                continue;
            }
            List<Pending> batch = takeBatch();
            if (batch.isEmpty()) {
                committing.decrementAndGet();
                return;
            }
            pool.withTransaction(transaction -> insert(transaction, batch))
                    .subscribe().with(done -> finish(batch, null), failure -> finish(batch, failure));
        }
    }

    private List<Pending> takeBatch() {
        List<Pending> batch = new ArrayList<>();
        Pending next;
        while (batch.size() < maxBatch && (next = queue.poll()) != null) {
            batch.add(next);
        }
        return batch;
    }

    private static Uni<Void> insert(SqlClient transaction, List<Pending> batch) {
        return transaction.preparedQuery(INSERT_SQL).executeBatch(batch.stream().map(pending -> row(pending.entry())).toList())
                .chain(() -> OutboxSqlWriter.append(transaction, batch.stream().map(Pending::event).toList()));
    }

    private void finish(List<Pending> batch, Throwable failure) {
        committing.decrementAndGet();
        for (Pending pending : batch) {
            pending.complete(failure);
        }
        commitWhileSlotsFree();
    }

    private static Tuple row(AccessLogEntry entry) {
        return Tuple.from(Arrays.asList(entry.id, entry.ownerId, entry.accessorId, entry.recordId, entry.category, entry.purpose,
                entry.decision, entry.reason, entry.grantId, entry.breakGlassReason,
                LocalDateTime.ofInstant(entry.decidedAt, ZoneOffset.UTC)));
    }

    private record Pending(AccessLogEntry entry, OutboxRow event, UniEmitter<? super Void> emitter, Context context) {

        void complete(Throwable failure) {
            Runnable outcome = failure == null ? () -> emitter.complete(null) : () -> emitter.fail(failure);
            if (context == null) {
                outcome.run();
            } else {
                context.runOnContext(ignored -> outcome.run());
            }
        }
    }
}
