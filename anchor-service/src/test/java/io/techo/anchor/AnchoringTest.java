package io.techo.anchor;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.techo.common.events.AnchorConfirmed;
import io.techo.iost.IostClient;
import io.techo.testkit.ExternalOrContainerInfra;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * The log end to end against real Kafka, MariaDB and an IOST devnet: events in, one anchor transaction per checkpoint,
 * one verifiable confirmation per event out, replays and erasure.
 */
@QuarkusTest
@QuarkusTestResource(value = ExternalOrContainerInfra.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = DevnetResource.class, restrictToAnnotatedClass = false)
class AnchoringTest {

    private static final Duration CONFIRMED_WITHIN = Duration.ofSeconds(60);

    @Inject
    AgroalDataSource db;

    @Test
    void aBurstOfEventsIsConfirmedOnceEachWithVerifiableProofsAndFewChainTransactions() throws Exception {
        int events = 400;
        List<TestEvents.Stored> stored = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            stored.add(TestEvents.recordStored("burst-patient-" + (i % 37)));
        }
        long blockBefore = DevnetResource.devnet().headBlock();
        TestEvents.send(stored.stream().map(TestEvents.Stored::message).toList());

        Set<String> ids = stored.stream().map(TestEvents.Stored::eventId).collect(Collectors.toSet());
        AnchorsTopic.Seen seen = AnchorsTopic.read(ids, CONFIRMED_WITHIN, Duration.ofSeconds(2));

        assertThat(seen.confirmed().keySet()).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(seen.confirmed().values()).allSatisfy(list -> assertThat(list).hasSize(1));
        String logKey = given().get("/api/v1/log/key").then().statusCode(200).extract().path("verifierKey");
        IostClient node = new IostClient(DevnetResource.devnet().uri());
        for (TestEvents.Stored event : stored) {
            AnchorConfirmed confirmation = seen.confirmed().get(event.eventId()).get(0);
            ProofChecks.verify(confirmation, event.ciphertext(), logKey, node);
            assertThat(confirmation.ownerId()).isEqualTo(event.data().ownerId());
            assertThat(confirmation.subject()).isEqualTo(event.data().recordId().toString());
        }
        long anchorTxs = ChainCount.anchorTxs(node, blockBefore, DevnetResource.devnet().headBlock(), "techo.local/log", false);
        assertThat(anchorTxs).as("chain txs for %d events", events).isBetween(1L, (long) events / 20);
    }

    @Test
    void replayingEventsChangesNothing() throws Exception {
        List<TestEvents.Stored> stored = List.of(TestEvents.recordStored("replay-patient"),
                TestEvents.recordStored("replay-patient"), TestEvents.recordStored("replay-patient"));
        List<ProducerRecord<String, String>> messages = stored.stream().map(TestEvents.Stored::message).toList();
        TestEvents.send(messages);
        Set<String> ids = stored.stream().map(TestEvents.Stored::eventId).collect(Collectors.toSet());
        AnchorsTopic.Seen first = AnchorsTopic.read(ids, CONFIRMED_WITHIN, Duration.ZERO);
        assertThat(first.confirmed().keySet()).containsExactlyInAnyOrderElementsOf(ids);
        List<Long> indexes = leafIndexes(ids);

        TestEvents.send(messages);
        TestEvents.send(messages);
        // a later event proves the replays were consumed before we look
        TestEvents.Stored marker = TestEvents.recordStored("replay-patient");
        TestEvents.send(List.of(marker.message()));
        Set<String> withMarker = new java.util.HashSet<>(ids);
        withMarker.add(marker.eventId());
        AnchorsTopic.Seen after = AnchorsTopic.read(withMarker, CONFIRMED_WITHIN, Duration.ofSeconds(2));

        assertThat(leafIndexes(ids)).isEqualTo(indexes);
        for (String id : ids) {
            assertThat(after.confirmed().get(id)).as("confirmations of %s", id).hasSize(1);
            assertThat(after.confirmed().get(id).get(0).leafIndex()).isEqualTo(first.confirmed().get(id).get(0).leafIndex());
        }
    }

    private List<Long> leafIndexes(Set<String> eventIds) throws Exception {
        List<Long> indexes = new ArrayList<>();
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT leaf_index FROM log_leaf WHERE event_id IN ("
                        + String.join(",", java.util.Collections.nCopies(eventIds.size(), "?")) + ") ORDER BY leaf_index")) {
            int i = 1;
            for (String id : eventIds) {
                ps.setString(i++, id);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    indexes.add(rs.getLong(1));
                }
            }
        }
        assertThat(indexes).hasSize(eventIds.size());
        return indexes;
    }
}
