package io.techo.record;

import static io.techo.record.RecordApi.RECORDS;
import static io.techo.record.RecordApi.as;
import static io.techo.record.RecordApi.create;
import static io.techo.record.RecordApi.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.techo.common.events.AnchorConfirmed;
import io.techo.common.events.AnchorPacked;
import io.techo.common.events.CloudEventsKafka;
import io.techo.common.events.EventJson;
import io.techo.common.events.EventTypes;
import io.techo.common.ids.Uuids;
import io.techo.record.testing.TestPatient;
import io.techo.testkit.Database;
import io.techo.testkit.ExternalOrContainerInfra;
import io.techo.testkit.TopicReader;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Anchor status and proof of records, fed by synthetic anchor-service events on the real broker. */
@QuarkusTest
@QuarkusTestResource(value = ExternalOrContainerInfra.class, restrictToAnnotatedClass = false)
class AnchorStatusTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    Pool pool;

    @Test
    void recordGoesFromPendingThroughPackedToIrreversibleAndThenServesItsProofVerbatim() {
        TestPatient patient = new TestPatient();
        UUID recordId = store(patient, "blood-pressure");
        String path = RECORDS + "/" + recordId;
        as(patient.token()).get(path).then().statusCode(200)
                .body("anchor.status", equalTo("PENDING"))
                .body("anchor", not(hasKey("txHash")));
        expectProblem(as(patient.token()).get(path + "/proof").then(), 404, "proof-not-final");

        String storedEventId = storedEventId(recordId);
        List<ConsumerRecord<String, String>> announced = TopicReader.recordsWithKey(EventTypes.RECORDS_TOPIC, patient.accountId(),
                records -> !records.isEmpty(), WAIT);
        assertThat(announced).extracting(event -> TopicReader.header(event, CloudEventsKafka.H_ID)).containsExactly(storedEventId);

        AnchorFeed.Anchoring anchoring = AnchorFeed.ofRecord(storedEventId, recordId.toString(), patient.accountId());
        AnchorPacked packed = anchoring.packed(AnchorFeed.txHash(), -1);
        AnchorFeed.publish(packed);
        JsonPath whilePacked = awaitAnchor(patient, recordId, "PACKED");
        assertThat(whilePacked.getLong("anchor.leafIndex")).isEqualTo(anchoring.leafIndex());
        assertThat(whilePacked.getString("anchor.txHash")).isEqualTo(packed.anchor().txHash());
        assertThat(whilePacked.getMap("anchor")).as("a block the anchor-service does not name is left out").doesNotContainKey("blockNumber");
        assertThat(whilePacked.getInt("anchor.chainId")).isEqualTo(AnchorFeed.CHAIN_ID);
        assertThat(whilePacked.getString("anchor.contract")).isEqualTo(AnchorFeed.CONTRACT);
        expectProblem(as(patient.token()).get(path + "/proof").then(), 404, "proof-not-final");

        AnchorConfirmed confirmed = anchoring.confirmed(packed.anchor().txHash(), 41);
        String sent = AnchorFeed.publish(confirmed);
        JsonPath whenFinal = awaitAnchor(patient, recordId, "IRREVERSIBLE");
        assertThat(whenFinal.getString("anchor.txHash")).isEqualTo(confirmed.anchor().txHash());
        assertThat(whenFinal.getLong("anchor.blockNumber")).isEqualTo(41);
        assertThat(whenFinal.getLong("anchor.leafIndex")).isEqualTo(anchoring.leafIndex());
        as(patient.token()).get(RECORDS).then().statusCode(200)
                .body("items[0].recordId", equalTo(recordId.toString()))
                .body("items[0].anchor.status", equalTo("IRREVERSIBLE"))
                .body("items[0].anchor.txHash", equalTo(confirmed.anchor().txHash()));

        String proof = as(patient.token()).get(path + "/proof").then()
                .statusCode(200)
                .contentType("application/json")
                .extract().asString();
        assertThat(proof).isEqualTo(sent);
    }

    @Test
    void lateOrRepeatedEventsNeverUndoTheFinalState() {
        TestPatient patient = new TestPatient();
        UUID recordId = store(patient, "weight");
        UUID sentinelId = store(patient, "weight");
        AnchorFeed.Anchoring anchoring = AnchorFeed.ofRecord(storedEventId(recordId), recordId.toString(), patient.accountId());
        AnchorConfirmed confirmed = anchoring.confirmed(AnchorFeed.txHash(), 77);

        String sent = AnchorFeed.publish(confirmed);
        AnchorFeed.publish(confirmed);
        AnchorFeed.publish(anchoring.packed(AnchorFeed.txHash(), 76));
        AnchorFeed.publish(anchoring.confirmed(AnchorFeed.txHash(), 78));
        // one owner, one partition: once the sentinel's confirmation shows, everything before it was consumed
        publishConfirmation(patient, sentinelId);
        awaitAnchor(patient, sentinelId, "IRREVERSIBLE");

        JsonPath read = as(patient.token()).get(RECORDS + "/" + recordId).then().statusCode(200).extract().jsonPath();
        assertThat(read.getString("anchor.status")).isEqualTo("IRREVERSIBLE");
        assertThat(read.getString("anchor.txHash")).isEqualTo(confirmed.anchor().txHash());
        assertThat(read.getLong("anchor.blockNumber")).isEqualTo(77);
        assertThat(as(patient.token()).get(RECORDS + "/" + recordId + "/proof").then().statusCode(200).extract().asString()).isEqualTo(sent);
        assertThat(anchorRows(recordId)).isEqualTo(1);
        assertThat(Database.count(pool, "SELECT COUNT(*) FROM record_proof WHERE record_id = ?", recordId.toString())).isEqualTo(1);
    }

    @Test
    void unknownEventsAreIgnoredAndOnlyMalformedOnesGoToTheDeadLetterTopic() {
        TestPatient patient = new TestPatient();
        UUID recordId = store(patient, "glucose");
        String owner = patient.accountId();
        AnchorFeed.publish(new AnchorFeed.Anchoring(Uuids.v7().toString(), EventTypes.RECORD_STORED, Uuids.v7().toString(), owner, 3)
                .confirmed(AnchorFeed.txHash(), 5));
        AnchorFeed.publish(new AnchorFeed.Anchoring(Uuids.v7().toString(), EventTypes.CONSENT_GRANTED, Uuids.v7().toString(), owner, 4)
                .packed(AnchorFeed.txHash(), 5));
        AnchorFeed.publishRaw(owner, EventTypes.CHECKPOINT_ANCHORED, "{\"not\": \"a record's concern\"}");
        AnchorFeed.publishRaw(owner, "techo.something.else", "not even JSON");
        AnchorFeed.Anchoring anchoring = AnchorFeed.ofRecord(storedEventId(recordId), recordId.toString(), owner);
        List<String> malformed = List.of(
                "{\"logEventId\": ",
                EventJson.write(anchoring.packed(AnchorFeed.txHash(), 9)).replace("\"PACKED\"", "\"IRREVERSIBLE\""),
                EventJson.write(anchoring.confirmed(AnchorFeed.txHash(), 9)).replace(anchoring.logEventId(), "not-an-event-id"),
                EventJson.write(anchoring.confirmed(AnchorFeed.txHash(), 9)).replace("\"txHash\":\"", "\"txHash\":\"0OIl"));
        malformed.forEach(data -> AnchorFeed.publishRaw(owner, data.contains("leafData") ? EventTypes.ANCHOR_CONFIRMED : EventTypes.ANCHOR_PACKED, data));
        AnchorConfirmed valid = anchoring.confirmed(AnchorFeed.txHash(), 10);
        AnchorFeed.publish(valid);

        assertThat(awaitAnchor(patient, recordId, "IRREVERSIBLE").getString("anchor.txHash")).isEqualTo(valid.anchor().txHash());
        List<ConsumerRecord<String, String>> deadLetters = TopicReader.recordsWithKey(EventTypes.ANCHORS_TOPIC + EventTypes.DEAD_LETTER_SUFFIX,
                owner, records -> records.size() >= malformed.size(), WAIT);
        assertThat(deadLetters).extracting(ConsumerRecord::value).containsExactlyElementsOf(malformed);
        assertThat(deadLetters).allSatisfy(letter -> assertThat(TopicReader.header(letter, "dead-letter-reason")).isNotBlank());
    }

    @Test
    void erasureDeletesAnchorStateAndProofAndLaterEventsBringNothingBack() {
        TestPatient patient = new TestPatient();
        UUID anchored = store(patient, "notes");
        UUID pending = store(patient, "notes");
        UUID sentinel = store(patient, "notes");
        publishConfirmation(patient, anchored);
        awaitAnchor(patient, anchored, "IRREVERSIBLE");
        as(patient.token()).get(RECORDS + "/" + anchored + "/proof").then().statusCode(200);

        as(patient.token()).delete(RECORDS + "/" + anchored).then().statusCode(204);
        as(patient.token()).delete(RECORDS + "/" + pending).then().statusCode(204);
        expectProblem(as(patient.token()).get(RECORDS + "/" + anchored + "/proof").then(), 410, "erased");
        assertThat(anchorRows(anchored)).isZero();
        assertThat(Database.count(pool, "SELECT COUNT(*) FROM record_proof WHERE record_id = ?", anchored.toString())).isZero();

        AnchorFeed.Anchoring late = AnchorFeed.ofRecord(storedEventId(pending), pending.toString(), patient.accountId());
        AnchorFeed.publish(late.packed(AnchorFeed.txHash(), 90));
        AnchorFeed.publish(late.confirmed(AnchorFeed.txHash(), 91));
        publishConfirmation(patient, sentinel);
        awaitAnchor(patient, sentinel, "IRREVERSIBLE");
        assertThat(anchorRows(pending)).isZero();
        assertThat(Database.count(pool, "SELECT COUNT(*) FROM record_proof WHERE record_id = ?", pending.toString())).isZero();
        expectProblem(as(patient.token()).get(RECORDS + "/" + pending + "/proof").then(), 410, "erased");
    }

    @Test
    void proofIsReadableByExactlyThoseWhoMayReadTheRecord() {
        TestPatient owner = new TestPatient();
        TestPatient stranger = new TestPatient();
        UUID recordId = store(owner, "allergies");
        publishConfirmation(owner, recordId);
        awaitAnchor(owner, recordId, "IRREVERSIBLE");
        String path = RECORDS + "/" + recordId;

        // the consent-service process may still be cold (its first decision can outlast the 2 s bound, 503): wait for an answer
        await().atMost(WAIT).until(() -> as(stranger.token()).get(path).statusCode() != 503);
        JsonPath recordRefusal = expectProblem(as(stranger.token()).get(path).then(), 403, "consent-denied").extract().jsonPath();
        JsonPath proofRefusal = expectProblem(as(stranger.token()).get(path + "/proof").then(), 403, "consent-denied").extract().jsonPath();
        assertThat(proofRefusal.getString("reason")).isEqualTo(recordRefusal.getString("reason"));
        as(owner.token()).get(path + "/proof").then().statusCode(200);

        expectProblem(as(owner.token()).get(RECORDS + "/" + Uuids.v7() + "/proof").then(), 404, "not-found");
        expectProblem(as(owner.token()).get(RECORDS + "/not-a-uuid/proof").then(), 400, "invalid-field");
        expectProblem(as(owner.token()).queryParam("purpose", "no such purpose").get(path + "/proof").then(), 400, "invalid-field");
        expectProblem(RecordApi.as("not-a-token").get(path + "/proof").then(), 401, "unauthenticated");
    }

    private UUID store(TestPatient patient, String category) {
        var sealed = patient.seal(category, ("entry " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
        create(patient.token(), sealed.body()).statusCode(201).body("anchor.status", equalTo("PENDING"));
        return sealed.recordId();
    }

    private String storedEventId(UUID recordId) {
        String id = Database.query(pool, "SELECT stored_event_id FROM record WHERE id = ?", recordId.toString()).get(0).getString(0);
        assertThat(id).as("stored-event id of %s", recordId).isNotNull();
        return id;
    }

    private void publishConfirmation(TestPatient owner, UUID recordId) {
        AnchorFeed.publish(AnchorFeed.ofRecord(storedEventId(recordId), recordId.toString(), owner.accountId())
                .confirmed(AnchorFeed.txHash(), 100));
    }

    private long anchorRows(UUID recordId) {
        return Database.count(pool, "SELECT COUNT(*) FROM record_anchor WHERE record_id = ?", recordId.toString());
    }

    /** Reads the record as its owner until its anchor has the status; returns that read. */
    private static JsonPath awaitAnchor(TestPatient owner, UUID recordId, String status) {
        return await().atMost(WAIT).pollInterval(Duration.ofMillis(100))
                .until(() -> as(owner.token()).get(RECORDS + "/" + recordId).then().statusCode(200).extract().jsonPath(),
                        read -> status.equals(read.getString("anchor.status")));
    }
}
