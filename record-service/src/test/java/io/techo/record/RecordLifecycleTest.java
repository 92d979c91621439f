package io.techo.record;

import static io.techo.record.RecordApi.RECORDS;
import static io.techo.record.RecordApi.as;
import static io.techo.record.RecordApi.create;
import static io.techo.record.RecordApi.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.techo.common.crypto.Digests;
import io.techo.common.crypto.KeyEnvelope;
import io.techo.common.crypto.KeyEnvelopes;
import io.techo.common.crypto.PayloadCipher;
import io.techo.common.events.CloudEventsKafka;
import io.techo.common.events.EventJson;
import io.techo.common.events.EventTypes;
import io.techo.common.events.RecordErased;
import io.techo.common.events.RecordKeyShared;
import io.techo.common.events.RecordStored;
import io.techo.testkit.Database;
import io.techo.testkit.ExternalOrContainerInfra;
import io.techo.testkit.TestPatient;
import io.techo.testkit.TopicReader;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = ExternalOrContainerInfra.class, restrictToAnnotatedClass = false)
class RecordLifecycleTest {

    private static final Duration EVENT_WAIT = Duration.ofSeconds(30);

    @Inject
    Pool pool;

    @Test
    void storedRecordIsPersistedAndAnnouncedAsCloudEvent() {
        TestPatient patient = new TestPatient();
        var sealed = patient.seal("blood-pressure", "{\"systolic\":128,\"diastolic\":82}".getBytes(StandardCharsets.UTF_8));

        create(patient.token(), sealed.body())
                .statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith(RECORDS + "/" + sealed.recordId()))
                .body("recordId", equalTo(sealed.recordId().toString()))
                .body("ownerId", equalTo(patient.accountId()))
                .body("status", equalTo("ACTIVE"))
                .body("signerKeyId", equalTo(patient.signerKeyId()))
                .body("ciphertext", nullValue());

        var rows = Database.query(pool, "SELECT owner_id, category, ciphertext, status FROM record WHERE id = ?", sealed.recordId().toString());
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).getString("owner_id")).isEqualTo(patient.accountId());
        assertThat(rows.get(0).getBuffer("ciphertext").getBytes()).isEqualTo(sealed.ciphertext());

        var events = TopicReader.recordsWithKey(EventTypes.RECORDS_TOPIC, patient.accountId(), r -> !r.isEmpty(), EVENT_WAIT);
        assertThat(events).hasSize(1);
        ConsumerRecord<String, String> event = events.get(0);
        assertThat(TopicReader.header(event, CloudEventsKafka.H_SPEC_VERSION)).isEqualTo("1.0");
        assertThat(TopicReader.header(event, CloudEventsKafka.H_TYPE)).isEqualTo(EventTypes.RECORD_STORED);
        assertThat(TopicReader.header(event, CloudEventsKafka.H_SOURCE)).isEqualTo("/techo/record-service");
        assertThat(TopicReader.header(event, CloudEventsKafka.H_SUBJECT)).isEqualTo(sealed.recordId().toString());
        assertThat(TopicReader.header(event, CloudEventsKafka.H_ID)).matches("[0-9a-f-]{36}");
        assertThat(TopicReader.header(event, CloudEventsKafka.H_TIME)).endsWith("Z");
        assertThat(TopicReader.header(event, CloudEventsKafka.H_CONTENT_TYPE)).isEqualTo("application/json");
        RecordStored stored = EventJson.read(event.value(), RecordStored.class);
        assertThat(stored.recordId()).isEqualTo(sealed.recordId());
        assertThat(stored.ciphertextSha256()).isEqualTo(Digests.sha256Hex(sealed.ciphertext()));
        assertThat(stored.signature()).isEqualTo(sealed.body().get("signature"));
        assertThat(event.value()).doesNotContain((String) sealed.body().get("ciphertext"));
    }

    @Test
    void ownerReadsBackCiphertextAndEnvelopeAndDecryptsOnTheDevice() {
        TestPatient patient = new TestPatient();
        byte[] plaintext = "glucose 5.4 mmol/L fasting".getBytes(StandardCharsets.UTF_8);
        var sealed = patient.seal("glucose", plaintext);
        create(patient.token(), sealed.body()).statusCode(201);

        var read = as(patient.token()).get(RECORDS + "/" + sealed.recordId()).then()
                .statusCode(200)
                .body("envelopes", hasSize(1))
                .body("envelopes[0].recipientId", equalTo(patient.accountId()))
                .extract().jsonPath();

        byte[] ciphertext = Base64.getDecoder().decode(read.getString("ciphertext"));
        KeyEnvelope envelope = new KeyEnvelope(read.getString("envelopes[0].suite"), read.getString("envelopes[0].recipientId"),
                read.getString("envelopes[0].recipientKeyId"), Base64.getDecoder().decode(read.getString("envelopes[0].enc")),
                Base64.getDecoder().decode(read.getString("envelopes[0].wrappedKey")));
        byte[] dataKey = KeyEnvelopes.unwrap(envelope, patient.encryptionPrivateKey(), sealed.aad());
        assertThat(PayloadCipher.decrypt(dataKey, sealed.aad(), ciphertext)).isEqualTo(plaintext);
    }

    @Test
    void listingIsTheOwnersOwnNewestFirstFilteredAndPaginated() {
        TestPatient patient = new TestPatient();
        TestPatient someoneElse = new TestPatient();
        List<String> weights = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            var sealed = patient.seal(i % 2 == 0 ? "weight" : "medication", ("entry " + i).getBytes(StandardCharsets.UTF_8));
            create(patient.token(), sealed.body()).statusCode(201);
            if (i % 2 == 0) {
                weights.add(0, sealed.recordId().toString());
            }
        }
        create(someoneElse.token(), someoneElse.seal("weight", new byte[] {1}).body()).statusCode(201);

        var firstPage = as(patient.token()).queryParam("category", "weight").queryParam("limit", 2).get(RECORDS).then()
                .statusCode(200)
                .body("items.recordId", contains(weights.get(0), weights.get(1)))
                .body("items[0].ciphertext", nullValue())
                .body("nextCursor", notNullValue())
                .extract().jsonPath();
        as(patient.token()).queryParam("category", "weight").queryParam("limit", 2).queryParam("cursor", firstPage.getString("nextCursor"))
                .get(RECORDS).then()
                .statusCode(200)
                .body("items.recordId", contains(weights.get(2)))
                .body("nextCursor", nullValue());
        as(patient.token()).get(RECORDS).then().statusCode(200).body("items", hasSize(5));

        expectProblem(as(patient.token()).queryParam("cursor", "not-a-cursor").get(RECORDS).then(), 400, "invalid-field");
        expectProblem(as(patient.token()).queryParam("limit", 0).get(RECORDS).then(), 400, "invalid-field");
        expectProblem(as(patient.token()).queryParam("category", "Not Valid").get(RECORDS).then(), 400, "invalid-field");
    }

    @Test
    void ownerSharesTheKeyWithAnotherRecipientOnce() {
        TestPatient patient = new TestPatient();
        TestPatient clinician = new TestPatient();
        var sealed = patient.seal("lab.result", "HbA1c 6.1%".getBytes(StandardCharsets.UTF_8));
        create(patient.token(), sealed.body()).statusCode(201);
        KeyEnvelope forClinician = KeyEnvelopes.wrap(sealed.dataKey(), clinician.accountId(), clinician.encryptionPublicKey(), sealed.aad());
        Map<String, Object> body = TestPatient.envelopeJson(forClinician);
        String envelopes = RECORDS + "/" + sealed.recordId() + "/envelopes";

        expectProblem(as(clinician.token()).body(body).post(envelopes).then(), 403, "forbidden");
        as(patient.token()).body(body).post(envelopes).then().statusCode(201).body("recipientId", equalTo(clinician.accountId()));
        as(patient.token()).body(body).post(envelopes).then().statusCode(200);
        KeyEnvelope different = KeyEnvelopes.wrap(sealed.dataKey(), clinician.accountId(), clinician.encryptionPublicKey(), sealed.aad());
        expectProblem(as(patient.token()).body(TestPatient.envelopeJson(different)).post(envelopes).then(), 409, "conflict");

        assertThat(Database.count(pool, "SELECT COUNT(*) FROM key_envelope WHERE record_id = ?", sealed.recordId().toString())).isEqualTo(2);
        var events = TopicReader.recordsWithKey(EventTypes.RECORDS_TOPIC, patient.accountId(), r -> r.size() >= 2, EVENT_WAIT);
        assertThat(events).extracting(e -> TopicReader.header(e, CloudEventsKafka.H_TYPE))
                .containsExactly(EventTypes.RECORD_STORED, EventTypes.RECORD_KEY_SHARED);
        RecordKeyShared shared = EventJson.read(events.get(1).value(), RecordKeyShared.class);
        assertThat(shared.recipientId()).isEqualTo(clinician.accountId());
        assertThat(shared.envelopeSha256()).matches("[0-9a-f]{64}");
    }

    @Test
    void anotherCallerCanNeitherReadNorEraseSomeonesRecord() {
        TestPatient owner = new TestPatient();
        TestPatient intruder = new TestPatient();
        var sealed = owner.seal("symptoms", "headache".getBytes(StandardCharsets.UTF_8));
        create(owner.token(), sealed.body()).statusCode(201);
        String path = RECORDS + "/" + sealed.recordId();

        expectProblem(as(intruder.token()).get(path).then(), 403, "consent-denied");
        expectProblem(as(intruder.token()).delete(path).then(), 403, "forbidden");
        as(intruder.token()).get(RECORDS).then().statusCode(200).body("items", hasSize(0));
        assertThat(Database.count(pool, "SELECT COUNT(*) FROM record WHERE id = ? AND status = 'ACTIVE'", sealed.recordId().toString())).isEqualTo(1);
        expectProblem(as(owner.token()).get(RECORDS + "/" + io.techo.common.ids.Uuids.v7()).then(), 404, "not-found");
    }

    @Test
    void eraseDestroysCiphertextAndEnvelopesKeepsTombstoneAndAnnouncesIt() {
        TestPatient patient = new TestPatient();
        TestPatient clinician = new TestPatient();
        var sealed = patient.seal("notes", "private note".getBytes(StandardCharsets.UTF_8));
        create(patient.token(), sealed.body()).statusCode(201);
        KeyEnvelope forClinician = KeyEnvelopes.wrap(sealed.dataKey(), clinician.accountId(), clinician.encryptionPublicKey(), sealed.aad());
        String path = RECORDS + "/" + sealed.recordId();
        as(patient.token()).body(TestPatient.envelopeJson(forClinician)).post(path + "/envelopes").then().statusCode(201);

        as(patient.token()).delete(path).then().statusCode(204);
        as(patient.token()).delete(path).then().statusCode(204);

        var row = Database.query(pool, "SELECT status, ciphertext, erased_at, header_sha256 FROM record WHERE id = ?", sealed.recordId().toString()).get(0);
        assertThat(row.getString("status")).isEqualTo("ERASED");
        assertThat(row.getValue("ciphertext")).isNull();
        assertThat(row.getValue("erased_at")).isNotNull();
        assertThat(Database.count(pool, "SELECT COUNT(*) FROM key_envelope WHERE record_id = ?", sealed.recordId().toString())).isZero();
        expectProblem(as(patient.token()).get(path).then(), 410, "erased");
        expectProblem(as(patient.token()).body(TestPatient.envelopeJson(forClinician)).post(path + "/envelopes").then(), 410, "erased");
        expectProblem(create(patient.token(), sealed.body()), 409, "conflict");
        as(patient.token()).get(RECORDS).then().statusCode(200).body("items", hasSize(0));
        create(patient.token(), patient.seal("notes", "sentinel".getBytes(StandardCharsets.UTF_8)).body()).statusCode(201);

        // the sentinel's event comes last: the second erase announced nothing
        var events = TopicReader.recordsWithKey(EventTypes.RECORDS_TOPIC, patient.accountId(), r -> r.size() >= 4, EVENT_WAIT);
        assertThat(events).extracting(e -> TopicReader.header(e, CloudEventsKafka.H_TYPE))
                .containsExactly(EventTypes.RECORD_STORED, EventTypes.RECORD_KEY_SHARED, EventTypes.RECORD_ERASED, EventTypes.RECORD_STORED);
        RecordErased erased = EventJson.read(events.get(2).value(), RecordErased.class);
        assertThat(erased.headerSha256()).isEqualTo(row.getString("header_sha256"));
        assertThat(erased.tombstoneSha256()).matches("[0-9a-f]{64}");
    }
}
