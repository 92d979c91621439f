package io.techo.anchor;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.techo.common.events.AnchorConfirmed;
import io.techo.common.events.EventTypes;
import io.techo.common.ids.Uuids;
import io.techo.iost.IostClient;
import io.techo.testkit.ExternalOrContainerInfra;
import io.techo.testkit.Tokens;
import io.techo.testkit.TopicReader;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/** Erasure, poison messages and the REST API. */
@QuarkusTest
@QuarkusTestResource(value = ExternalOrContainerInfra.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = DevnetResource.class, restrictToAnnotatedClass = false)
class LogApiTest {

    private static final Duration CONFIRMED_WITHIN = Duration.ofSeconds(60);

    @Inject
    AgroalDataSource db;

    @Test
    void erasureUnlinksTheRecordsLeavesAndEveryOtherProofStillVerifies() throws Exception {
        TestEvents.Stored erased = TestEvents.recordStored("erasing-patient");
        TestEvents.Stored kept = TestEvents.recordStored("erasing-patient");
        TestEvents.send(List.of(erased.message(), kept.message()));
        AnchorsTopic.read(Set.of(erased.eventId(), kept.eventId()), CONFIRMED_WITHIN, Duration.ZERO);

        String tombstoneId = Uuids.v7().toString();
        TestEvents.send(List.of(TestEvents.recordErased(erased.data(), tombstoneId)));
        AnchorsTopic.Seen tombstone = AnchorsTopic.read(Set.of(tombstoneId), CONFIRMED_WITHIN, Duration.ZERO);
        assertThat(tombstone.confirmed()).containsKey(tombstoneId);

        Map<String, Object> row = leafRow(erased.eventId());
        assertThat(row.get("leaf_data")).isNull();
        assertThat(row.get("object_bytes")).isNull();
        assertThat(row.get("subject")).isNull();
        assertThat(row.get("owner_id")).isNull();
        given().get("/api/v1/proofs/events/{id}", erased.eventId()).then().statusCode(404)
                .contentType("application/problem+json");

        // the kept record's proof, fetched now against the latest checkpoint, still verifies
        AnchorConfirmed keptProof = given().get("/api/v1/proofs/events/{id}", kept.eventId()).then().statusCode(200)
                .body("status", equalTo("IRREVERSIBLE")).extract().jsonPath().getObject("confirmation", AnchorConfirmed.class);
        String logKey = given().get("/api/v1/log/key").then().extract().path("verifierKey");
        ProofChecks.verify(keptProof, kept.ciphertext(), logKey, new IostClient(DevnetResource.devnet().uri()));
    }

    @Test
    void aPoisonMessageGoesToTheDeadLetterTopicAndTheLogCarriesOn() {
        String owner = "poison-" + Uuids.v7();
        ProducerRecord<String, String> poison = new ProducerRecord<>(EventTypes.RECORDS_TOPIC, owner, "{not json");
        TestEvents.Stored after = TestEvents.recordStored(owner);
        TestEvents.send(List.of(poison, after.message()));

        var dead = TopicReader.recordsWithKey(EventTypes.RECORDS_TOPIC + EventTypes.DEAD_LETTER_SUFFIX, owner,
                found -> !found.isEmpty(), Duration.ofSeconds(30));
        assertThat(dead).singleElement().satisfies(record -> {
            assertThat(record.value()).isEqualTo("{not json");
            assertThat(TopicReader.header(record, "techo-dlq-reason")).contains("ce_specversion");
        });
        assertThat(AnchorsTopic.read(Set.of(after.eventId()), CONFIRMED_WITHIN, Duration.ZERO).confirmed())
                .containsKey(after.eventId());
    }

    @Test
    void theLogShowsItsKeyCheckpointAndConsistencyBetweenAnchoredSizes() throws Exception {
        TestEvents.Stored first = TestEvents.recordStored("api-patient");
        TestEvents.send(List.of(first.message()));
        AnchorsTopic.read(Set.of(first.eventId()), CONFIRMED_WITHIN, Duration.ZERO);
        long size1 = given().get("/api/v1/log/checkpoint").then().statusCode(200).extract().jsonPath().getLong("size");
        TestEvents.Stored second = TestEvents.recordStored("api-patient");
        TestEvents.send(List.of(second.message()));
        AnchorsTopic.read(Set.of(second.eventId()), CONFIRMED_WITHIN, Duration.ZERO);
        var checkpoint = given().get("/api/v1/log/checkpoint").then().statusCode(200)
                .body("origin", equalTo("techo.local/log")).body("anchor.status", equalTo("IRREVERSIBLE"))
                .body("checkpoint", startsWith("techo.local/log\n")).extract().jsonPath();
        long size2 = checkpoint.getLong("size");
        assertThat(size2).isGreaterThan(size1);

        List<String> proof = given().queryParam("from", size1).queryParam("to", size2).get("/api/v1/log/consistency")
                .then().statusCode(200).extract().jsonPath().getList("proof", String.class);
        assertThat(proof).isNotEmpty();

        given().queryParam("from", "x").queryParam("to", size2).get("/api/v1/log/consistency").then().statusCode(400)
                .contentType("application/problem+json");
        given().queryParam("from", size2).queryParam("to", size1).get("/api/v1/log/consistency").then().statusCode(400);
        given().queryParam("from", 1).queryParam("to", size2 + 1_000_000).get("/api/v1/log/consistency").then().statusCode(400);
        given().get("/api/v1/proofs/events/{id}", Uuids.v7().toString()).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void aRecordsProofsAreShownToItsOwnerOnly() {
        TestEvents.Stored stored = TestEvents.recordStored("owner-" + Uuids.v7());
        TestEvents.send(List.of(stored.message()));
        AnchorsTopic.read(Set.of(stored.eventId()), CONFIRMED_WITHIN, Duration.ZERO);
        String recordId = stored.data().recordId().toString();

        var proofs = given().auth().oauth2(Tokens.withoutDeviceKey(stored.data().ownerId()))
                .get("/api/v1/proofs/records/{id}", recordId).then().statusCode(200).extract().jsonPath();
        assertThat(proofs.getList("eventId", String.class)).containsExactly(stored.eventId());
        assertThat(proofs.getString("[0].status")).isEqualTo("IRREVERSIBLE");
        assertThat(proofs.getObject("[0].confirmation", AnchorConfirmed.class).logEventId()).isEqualTo(stored.eventId());
        given().auth().oauth2(Tokens.withoutDeviceKey("someone-else")).get("/api/v1/proofs/records/{id}", recordId)
                .then().statusCode(404);
        given().get("/api/v1/proofs/records/{id}", recordId).then().statusCode(401);
    }

    private Map<String, Object> leafRow(String eventId) throws Exception {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT leaf_data, object_bytes, subject, owner_id, leaf_hash FROM log_leaf WHERE event_id = ?")) {
            ps.setString(1, eventId);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getBytes("leaf_hash")).hasSize(32);
                java.util.HashMap<String, Object> row = new java.util.HashMap<>();
                for (String column : List.of("leaf_data", "object_bytes", "subject", "owner_id")) {
                    row.put(column, rs.getObject(column));
                }
                return row;
            }
        }
    }
}
