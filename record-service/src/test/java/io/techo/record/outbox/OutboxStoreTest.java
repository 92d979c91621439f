package io.techo.record.outbox;

import io.techo.kit.outbox.OutboxStore;
import io.techo.kit.outbox.PendingEvent;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.techo.testkit.Database;
import io.techo.testkit.ExternalOrContainerInfra;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two relay instances on one outbox: they never claim the same row, an owner's later event waits while another
 * instance holds an earlier one, and a relay that died loses its claim when the lease lapses. The scheduled relay
 * is off in this profile so the test is the only claimant.
 */
@QuarkusTest
@TestProfile(OutboxStoreTest.NoScheduledRelay.class)
@QuarkusTestResource(value = ExternalOrContainerInfra.class, restrictToAnnotatedClass = false)
class OutboxStoreTest {

    private static final Duration LEASE = Duration.ofSeconds(30);

    @Inject
    OutboxStore store;

    @Inject
    Pool pool;

    @BeforeEach
    void emptyOutbox() {
        Database.query(pool, "DELETE FROM outbox_event");
    }

    @Test
    void concurrentRelaysKeepEachOwnersOrderAndNeverShareARow() {
        insert("owner-x", "x1");
        insert("owner-x", "x2");
        insert("owner-y", "y1");

        List<PendingEvent> a = claim("relay-a", 1, LEASE);
        assertThat(a).extracting(PendingEvent::subject).containsExactly("x1");

        List<PendingEvent> b = claim("relay-b", 10, LEASE);
        assertThat(b).extracting(PendingEvent::subject).as("x2 must wait for x1, held by relay-a").containsExactly("y1");

        assertThat(store.markPublished("relay-a", a).await().atMost(Duration.ofSeconds(10))).isEqualTo(1);
        assertThat(claim("relay-b", 10, LEASE)).extracting(PendingEvent::subject).containsExactly("x2");
    }

    @Test
    void aDeadRelaysClaimLapsesAndItCanNoLongerMarkTheRows() throws InterruptedException {
        insert("owner-z", "z1");
        List<PendingEvent> dead = claim("relay-dead", 10, Duration.ofMillis(200));
        assertThat(dead).hasSize(1);
        assertThat(claim("relay-live", 10, LEASE)).as("the lease is still live").isEmpty();

        Thread.sleep(400);
        List<PendingEvent> taken = claim("relay-live", 10, LEASE);
        assertThat(taken).extracting(PendingEvent::subject).containsExactly("z1");
        assertThat(store.markPublished("relay-dead", dead).await().atMost(Duration.ofSeconds(10))).isZero();
        assertThat(store.markPublished("relay-live", taken).await().atMost(Duration.ofSeconds(10))).isEqualTo(1);
        assertThat(Database.count(pool, "SELECT COUNT(*) FROM outbox_event WHERE published_at IS NULL")).isZero();
    }

    @Test
    void purgeDeletesEveryPublishedRowPastTheRetentionAndNothingElse() {
        int expired = 10_050;
        Database.query(pool, "INSERT INTO outbox_event (event_id, topic, event_key, event_type, subject, event_time, payload,"
                + " created_at, published_at) SELECT UUID(), 'techo.records.v1', 'owner-old', 'techo.record.stored', seq,"
                + " UTC_TIMESTAMP(6), '{}', UTC_TIMESTAMP(6) - INTERVAL 8 DAY, UTC_TIMESTAMP(6) - INTERVAL 8 DAY"
                + " FROM seq_1_to_" + expired);
        insert("owner-recent", "published");
        Database.query(pool, "UPDATE outbox_event SET published_at = UTC_TIMESTAMP(6) - INTERVAL 6 DAY WHERE subject = 'published'");
        insert("owner-recent", "pending");

        int purged = store.purgePublishedBefore(Duration.ofDays(7)).await().atMost(Duration.ofSeconds(60));

        assertThat(purged).as("more than one statement's worth").isEqualTo(expired);
        assertThat(Database.count(pool, "SELECT COUNT(*) FROM outbox_event")).isEqualTo(2);
    }

    private List<PendingEvent> claim(String relay, int limit, Duration lease) {
        return store.claim(relay, limit, lease).await().atMost(Duration.ofSeconds(10));
    }

    private void insert(String owner, String subject) {
        Database.query(pool, "INSERT INTO outbox_event (event_id, topic, event_key, event_type, subject, event_time, payload, created_at)"
                + " VALUES (?, 'techo.records.v1', ?, 'techo.record.stored', ?, UTC_TIMESTAMP(6), '{}', UTC_TIMESTAMP(6))",
                UUID.randomUUID().toString(), owner, subject);
    }

    /** The relay off, so only the test claims. */
    public static class NoScheduledRelay implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.scheduler.enabled", "false", "techo.outbox.relay-enabled", "false");
        }
    }
}
