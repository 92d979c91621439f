package io.techo.kit.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.mysqlclient.MySQLPool;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.mysqlclient.MySQLConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Group commit against the real MariaDB: the answer each entry gets, and a real deadlock that must not reach it. */
class GroupCommitTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final MultiRowInsert INSERT = new MultiRowInsert("counter", "id, v");
    private static Vertx vertx;
    private static Pool pool;

    @BeforeAll
    static void connect() {
        vertx = Vertx.vertx();
        MySQLConnectOptions server = new MySQLConnectOptions().setHost("127.0.0.1").setPort(3306)
                .setUser(env("DB_USER", "techo")).setPassword(env("DB_PASSWORD", "techo"));
        Pool bootstrap = MySQLPool.pool(vertx, server, new PoolOptions().setMaxSize(1));
        bootstrap.query("CREATE DATABASE IF NOT EXISTS techo_kit_test").execute().await().atMost(WAIT);
        bootstrap.close().await().atMost(WAIT);
        pool = MySQLPool.pool(vertx, server.setDatabase("techo_kit_test"), new PoolOptions().setMaxSize(4));
        pool.query("CREATE TABLE IF NOT EXISTS counter (id INT PRIMARY KEY, v INT NOT NULL) ENGINE=InnoDB").execute()
                .await().atMost(WAIT);
    }

    @AfterAll
    static void close() {
        pool.close().await().atMost(WAIT);
        vertx.closeAndAwait();
    }

    @BeforeEach
    void rows() {
        pool.query("DELETE FROM counter").execute().await().atMost(WAIT);
        pool.query("INSERT INTO counter (id, v) SELECT seq, 0 FROM seq_1_to_200").execute().await().atMost(WAIT);
    }

    @Test
    void aBatchThatFailsIsRetriedEntryByEntrySoOnlyTheBadEntryFails() {
        GroupCommit<Integer> commits = new GroupCommit<>(pool, GroupCommitTest::insertIds, 64, 1);
        // all four at once: the first commits alone, the other three wait and go together; that batch holds 1001
        // again and fails, and entry by entry only the repeated id does
        List<CompletableFuture<String>> writes = List.of(1001, 1002, 1001, 1003).stream()
                .map(id -> commits.write(id).map(ok -> "ok")
                        .onFailure().recoverWithItem(failure -> SqlErrors.isDuplicateKey(failure) ? "duplicate" : failure.toString())
                        .subscribeAsCompletionStage())
                .toList();
        List<String> outcomes = writes.stream().map(CompletableFuture::join).toList();

        assertThat(outcomes).containsExactly("ok", "ok", "duplicate", "ok");
        assertThat(count("id > 1000")).isEqualTo(3);
    }

    @Test
    void aTransactionChosenAsADeadlockVictimIsRunAgainAndItsEntrySucceeds() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        CompletableFuture<Void> holdsRow2 = new CompletableFuture<>();
        GroupCommit<Integer> commits = new GroupCommit<>(pool, (transaction, entries) -> {
            attempts.incrementAndGet();
            return increment(transaction, 2)
                    .invoke(() -> holdsRow2.complete(null))
                    .chain(() -> increment(transaction, 1));
        }, 64, 1);

        // another writer holds many rows (so InnoDB picks the group commit's smaller transaction as the victim) ...
        SqlConnection other = pool.getConnection().await().atMost(WAIT);
        other.query("BEGIN").execute().await().atMost(WAIT);
        other.query("UPDATE counter SET v = v + 1 WHERE id = 1 OR id >= 100").execute().await().atMost(WAIT);
        // ... the group commit takes row 2 and waits for row 1 ...
        CompletableFuture<Void> written = commits.write(7).subscribeAsCompletionStage();
        holdsRow2.get(30, TimeUnit.SECONDS);
        // ... and the other writer asks for row 2: a deadlock
        other.query("UPDATE counter SET v = v + 1 WHERE id = 2").execute().await().atMost(WAIT);
        other.query("COMMIT").execute().await().atMost(WAIT);
        other.close().await().atMost(WAIT);

        written.get(30, TimeUnit.SECONDS);
        assertThat(attempts.get()).as("the first attempt lost the deadlock, the next one committed").isEqualTo(2);
        assertThat(value(1)).isEqualTo(2);
        assertThat(value(2)).isEqualTo(2);
    }

    private static Uni<Void> insertIds(SqlClient transaction, List<Integer> ids) {
        return INSERT.execute(transaction, ids.stream().map(id -> new Object[] {id, 0}).toList());
    }

    private static Uni<Void> increment(SqlClient transaction, int id) {
        return transaction.preparedQuery("UPDATE counter SET v = v + 1 WHERE id = ?").execute(Tuple.of(id)).replaceWithVoid();
    }

    private static long count(String where) {
        return pool.query("SELECT COUNT(*) FROM counter WHERE " + where).execute().await().atMost(WAIT)
                .iterator().next().getLong(0);
    }

    private static int value(int id) {
        return pool.preparedQuery("SELECT v FROM counter WHERE id = ?").execute(Tuple.of(id)).await().atMost(WAIT)
                .iterator().next().getInteger(0);
    }

    private static String env(String name, String localDevDefault) {
        return System.getenv().getOrDefault(name, localDevDefault);
    }
}
