package io.techo.kit.batch;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

/**
 * Group commit: concurrent requests' rows share one transaction, so one commit (one log flush) serves a whole batch,
 * and each request is answered only after the commit that holds its rows (DESIGN §10).
 *
 * <p>Nothing waits on purpose: an entry that finds a free commit slot is committed at once; entries that arrive while
 * the slots are busy go together in the next transaction. A failed batch of several entries is retried entry by
 * entry, each in a transaction of its own, so one entry's failure (a duplicate key, a constraint) is its own and
 * the others still commit. A transaction that loses a lock conflict (a deadlock with another writer of the same
 * tables, such as the outbox relay) is run again, up to {@value #TRANSIENT_RETRIES} times, before that counts as a
 * failure. Each caller continues on its own Vert.x context, as if it had written alone.
 *
 * @param <T> what one request writes
 */
public final class GroupCommit<T> {

    static final int TRANSIENT_RETRIES = 3;
    private static final Duration FIRST_RETRY_AFTER = Duration.ofMillis(5);
    private static final Duration LONGEST_RETRY_AFTER = Duration.ofMillis(200);

    private final Pool pool;
    private final BiFunction<SqlClient, List<T>, Uni<Void>> writer;
    private final int maxBatch;
    private final int maxConcurrentCommits;
    private final Queue<Pending<T>> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger committing = new AtomicInteger();

    /**
     * @param writer writes a batch's rows on the transaction's connection (a few multi-row statements, not one per entry)
     * @param maxBatch the most entries one transaction holds
     * @param maxConcurrentCommits transactions in flight at once (a commit slot per pooled connection they may hold)
     */
    public GroupCommit(Pool pool, BiFunction<SqlClient, List<T>, Uni<Void>> writer, int maxBatch, int maxConcurrentCommits) {
        if (maxBatch < 1 || maxConcurrentCommits < 1) {
            throw new IllegalArgumentException("maxBatch and maxConcurrentCommits must be at least 1");
        }
        this.pool = pool;
        this.writer = writer;
        this.maxBatch = maxBatch;
        this.maxConcurrentCommits = maxConcurrentCommits;
    }

    /** Completes once the entry's rows are committed; fails with that entry's own failure. */
    public Uni<Void> write(T entry) {
        return Uni.createFrom().emitter(emitter -> {
            queue.add(new Pending<>(entry, emitter, Vertx.currentContext()));
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
            List<Pending<T>> batch = takeBatch();
            if (batch.isEmpty()) {
                committing.decrementAndGet();
                return;
            }
            commit(batch).subscribe().with(done -> finished(), failure -> finished());
        }
    }

    private List<Pending<T>> takeBatch() {
        List<Pending<T>> batch = new ArrayList<>();
        Pending<T> next;
        while (batch.size() < maxBatch && (next = queue.poll()) != null) {
            batch.add(next);
        }
        return batch;
    }

    /** Commits the batch and settles every entry of it: together if it commits, one by one if it does not. */
    private Uni<Void> commit(List<Pending<T>> batch) {
        return transaction(batch)
                .onItem().invoke(() -> batch.forEach(pending -> pending.settle(null)))
                .onFailure().recoverWithUni(failure -> batch.size() == 1
                        ? Uni.createFrom().voidItem().invoke(() -> batch.get(0).settle(failure))
                        : oneByOne(batch));
    }

    private Uni<Void> oneByOne(List<Pending<T>> batch) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Pending<T> pending : batch) {
            chain = chain.chain(() -> transaction(List.of(pending))
                    .onItemOrFailure().invoke((done, failure) -> pending.settle(failure))
                    .onFailure().recoverWithNull());
        }
        return chain;
    }

    private Uni<Void> transaction(List<Pending<T>> batch) {
        List<T> entries = batch.stream().map(Pending::entry).toList();
        return pool.withTransaction(connection -> writer.apply(connection, entries))
                .onFailure(SqlErrors::isTransient).retry().withBackOff(FIRST_RETRY_AFTER, LONGEST_RETRY_AFTER)
                .atMost(TRANSIENT_RETRIES);
    }

    private void finished() {
        committing.decrementAndGet();
        commitWhileSlotsFree();
    }

    private record Pending<T>(T entry, UniEmitter<? super Void> emitter, Context context) {

        void settle(Throwable failure) {
            Runnable outcome = failure == null ? () -> emitter.complete(null) : () -> emitter.fail(failure);
            if (context == null) {
                outcome.run();
            } else {
                context.runOnContext(ignored -> outcome.run());
            }
        }
    }
}
