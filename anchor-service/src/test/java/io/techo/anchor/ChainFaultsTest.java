package io.techo.anchor;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.techo.iost.rpc.TxReceipt;
import io.techo.iost.devnet.Faults;
import io.techo.testkit.ExternalOrContainerInfra;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The devnet's fault injection: whatever the chain does, every event is eventually confirmed exactly once. */
@QuarkusTest
@QuarkusTestResource(value = ExternalOrContainerInfra.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = DevnetResource.class, restrictToAnnotatedClass = false)
class ChainFaultsTest {

    private static final Duration CONFIRMED_WITHIN = Duration.ofSeconds(60);

    @Inject
    AgroalDataSource db;

    @AfterEach
    void healthyChain() {
        DevnetResource.clearFaults();
    }

    @Test
    void aNodeThatIsDownDelaysConfirmationsButLosesNothing() {
        DevnetResource.faults(new Faults.Settings(true, false, 0, null, false));
        Set<String> ids = send(5, "node-down");
        assertThat(AnchorsTopic.read(ids, Duration.ofSeconds(3), Duration.ZERO).confirmed()).isEmpty();

        DevnetResource.clearFaults();
        assertConfirmedOnceEach(ids);
    }

    @Test
    void aDroppedTransactionIsReSignedAfterItsExpiry() throws Exception {
        DevnetResource.faults(new Faults.Settings(false, true, 0, null, false));
        Set<String> ids = send(5, "dropped-tx");
        awaitCheckpointWhere("tx_signings >= 2", Duration.ofSeconds(30));

        DevnetResource.clearFaults();
        assertConfirmedOnceEach(ids);
    }

    @Test
    void aTransactionThatFailsOnChainIsSupersededByTheNextCheckpoint() throws Exception {
        DevnetResource.faults(new Faults.Settings(false, false, 0, TxReceipt.StatusCode.RUNTIME_ERROR, false));
        Set<String> ids = send(5, "failed-tx");
        awaitCheckpointWhere("state = 'FAILED'", Duration.ofSeconds(20));

        DevnetResource.clearFaults();
        assertConfirmedOnceEach(ids);
    }

    @Test
    void whileIrreversibilityIsHeldEventsAreAnnouncedPackedThenConfirmed() {
        DevnetResource.faults(new Faults.Settings(false, false, 0, null, true));
        Set<String> ids = send(5, "held-lib");
        AnchorsTopic.Seen packedOnly = AnchorsTopic.read(ids, Duration.ofSeconds(5), Duration.ZERO);
        assertThat(packedOnly.confirmed()).isEmpty();
        assertThat(packedOnly.packed().keySet()).containsExactlyInAnyOrderElementsOf(ids);

        DevnetResource.clearFaults();
        AnchorsTopic.Seen seen = assertConfirmedOnceEach(ids);
        for (String id : ids) {
            assertThat(seen.packed().get(id)).hasSize(1);
            assertThat(seen.packed().get(id).get(0).anchor().txHash())
                    .isEqualTo(seen.confirmed().get(id).get(0).anchor().txHash());
        }
    }

    private static Set<String> send(int count, String owner) {
        List<TestEvents.Stored> events = IntStream.range(0, count).mapToObj(i -> TestEvents.recordStored(owner)).toList();
        TestEvents.send(events.stream().map(TestEvents.Stored::message).toList());
        return events.stream().map(TestEvents.Stored::eventId).collect(Collectors.toSet());
    }

    private static AnchorsTopic.Seen assertConfirmedOnceEach(Set<String> ids) {
        AnchorsTopic.Seen seen = AnchorsTopic.read(ids, CONFIRMED_WITHIN, Duration.ofSeconds(2));
        assertThat(seen.confirmed().keySet()).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(seen.confirmed().values()).allSatisfy(list -> assertThat(list).hasSize(1));
        return seen;
    }

    private void awaitCheckpointWhere(String condition, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            try (Connection c = db.getConnection();
                    PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM checkpoint WHERE " + condition
                            + " AND created_at > NOW(6) - INTERVAL 60 SECOND");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    return;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no checkpoint with " + condition + " within " + timeout);
    }
}
