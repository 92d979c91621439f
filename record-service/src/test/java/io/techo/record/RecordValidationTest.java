package io.techo.record;

import static io.techo.record.RecordApi.RECORDS;
import static io.techo.record.RecordApi.as;
import static io.techo.record.RecordApi.create;
import static io.techo.record.RecordApi.expectProblem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.techo.common.canonical.RecordHeader;
import io.techo.common.crypto.Digests;
import io.techo.common.events.CloudEventsKafka;
import io.techo.common.events.EventTypes;
import io.techo.testkit.Database;
import io.techo.testkit.ExternalOrContainerInfra;
import io.techo.testkit.TestPatient;
import io.techo.testkit.TestPatient.SealedRecord;
import io.techo.testkit.Tokens;
import io.techo.testkit.TopicReader;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every bad input gets its precise 4xx problem, and nothing is written: no row, no outbox event. The "nothing
 * published" half is proven with a sentinel: after all the refusals one good record is stored, and it must be the
 * only event of that patient on the topic.
 */
@QuarkusTest
@QuarkusTestResource(value = ExternalOrContainerInfra.class, restrictToAnnotatedClass = false)
class RecordValidationTest {

    @Inject
    Pool pool;

    @Test
    void badInputIsRefusedWithItsProblemAndLeavesNoTrace() {
        TestPatient patient = new TestPatient();
        TestPatient other = new TestPatient();
        byte[] plaintext = "pulse 64".getBytes(StandardCharsets.UTF_8);
        SealedRecord sealed = patient.seal("vitals", plaintext);
        String token = patient.token();

        // signature: missing, not base64, wrong length, made by another device, over another header
        expectProblem(create(token, sealed.bodyWith("signature", null)), 400, "invalid-field");
        expectProblem(create(token, sealed.bodyWith("signature", "%%%")), 400, "invalid-field");
        expectProblem(create(token, sealed.bodyWith("signature", Base64.getEncoder().encodeToString(new byte[10]))), 400, "invalid-field");
        expectProblem(create(token, sealed.bodyWith("signature", other.sign(headerOf(sealed, patient, "vitals")))), 400, "invalid-signature");
        expectProblem(create(token, sealed.bodyWith("category", "allergies")), 400, "invalid-signature");
        // someone else posting this body: the owner's envelope is not theirs
        expectProblem(create(other.token(), sealed.body()), 400, "invalid-field");

        // the declared hash must be the ciphertext's
        String wrongHash = Digests.sha256Hex("something else".getBytes(StandardCharsets.UTF_8));
        expectProblem(create(token, sealed.bodyWith("ciphertextSha256", wrongHash)), 400, "hash-mismatch");
        expectProblem(create(token, sealed.bodyWith("ciphertextSha256", "ABC")), 400, "invalid-field");

        // malformed fields
        expectProblem(create(token, sealed.bodyWith("ciphertext", "not base64!")), 400, "invalid-field");
        expectProblem(create(token, sealed.bodyWith("ciphertext", "")), 400, "invalid-field");
        expectProblem(create(token, sealed.bodyWith("recordId", "not-a-uuid")), 400, "invalid-field");
        expectProblem(create(token, sealed.bodyWith("recordId", UUID.randomUUID().toString())), 400, "invalid-field");
        expectProblem(create(token, sealed.bodyWith("category", "Blood Pressure")), 400, "invalid-field");
        expectProblem(create(token, sealed.bodyWith("category", "a".repeat(65))), 400, "invalid-field");
        expectProblem(create(token, sealed.bodyWith("version", 2)), 400, "invalid-field");
        expectProblem(create(token, sealed.bodyWith("envelope", null)), 400, "invalid-field");
        Map<String, Object> envelope = new LinkedHashMap<>(castMap(sealed.body().get("envelope")));
        envelope.put("suite", "techo-v0");
        expectProblem(create(token, sealed.bodyWith("envelope", envelope)), 400, "invalid-field");
        envelope.put("suite", "techo-v1");
        envelope.put("enc", Base64.getEncoder().encodeToString(new byte[31]));
        expectProblem(create(token, sealed.bodyWith("envelope", envelope)), 400, "invalid-field");
        envelope = new LinkedHashMap<>(castMap(sealed.body().get("envelope")));
        envelope.put("recipientId", other.accountId());
        expectProblem(create(token, sealed.bodyWith("envelope", envelope)), 400, "invalid-field");

        // malformed JSON and wrong JSON types
        expectProblem(as(token).body("{\"recordId\": ").post(RECORDS).then(), 400, "malformed-request");
        expectProblem(create(token, sealed.bodyWith("version", "one")), 400, "malformed-request");
        expectProblem(create(token, sealed.bodyWith("envelope", "not an object")), 400, "malformed-request");
        expectProblem(as(token).contentType(ContentType.TEXT).body("hello").post(RECORDS).then(), 415, "unsupported-media-type");

        // too large: over the configured ciphertext limit (1 MiB by default)
        byte[] huge = new byte[1024 * 1024 + 1];
        expectProblem(create(token, sealed.bodyWith("ciphertext", Base64.getEncoder().encodeToString(huge))), 413, "payload-too-large");

        // identity: none, foreign issuer key, expired, no device key
        expectProblem(given().contentType(ContentType.JSON).body(sealed.body()).post(RECORDS).then(), 401, "unauthenticated");
        expectProblem(create(Tokens.signedByStranger(patient.accountId()), sealed.body()), 401, "unauthenticated");
        expectProblem(create(Tokens.expired(patient.accountId()), sealed.body()), 401, "unauthenticated");
        expectProblem(create("not.a.jwt", sealed.body()), 401, "unauthenticated");
        expectProblem(create(Tokens.withoutDeviceKey(patient.accountId()), sealed.body()), 401, "unauthenticated");

        assertThat(Database.count(pool, "SELECT COUNT(*) FROM record WHERE owner_id = ?", patient.accountId())).isZero();
        assertThat(Database.count(pool, "SELECT COUNT(*) FROM outbox_event WHERE event_key = ?", patient.accountId())).isZero();

        SealedRecord sentinel = patient.seal("vitals", "sentinel".getBytes(StandardCharsets.UTF_8));
        create(token, sentinel.body()).statusCode(201);
        var events = TopicReader.recordsWithKey(EventTypes.RECORDS_TOPIC, patient.accountId(), r -> !r.isEmpty(), Duration.ofSeconds(30));
        assertThat(events).extracting(e -> TopicReader.header(e, CloudEventsKafka.H_SUBJECT)).containsExactly(sentinel.recordId().toString());
    }

    @Test
    void duplicateRecordIdIsIdempotentForTheSameContentAndAConflictOtherwise() {
        TestPatient patient = new TestPatient();
        SealedRecord sealed = patient.seal("weight", "72.4 kg".getBytes(StandardCharsets.UTF_8));
        create(patient.token(), sealed.body()).statusCode(201);
        create(patient.token(), sealed.body()).statusCode(200)
                .body("recordId", org.hamcrest.Matchers.equalTo(sealed.recordId().toString()));

        SealedRecord otherContent = patient.seal("weight", "72.9 kg".getBytes(StandardCharsets.UTF_8));
        Map<String, Object> sameIdOtherContent = new LinkedHashMap<>(otherContent.body());
        sameIdOtherContent.put("recordId", sealed.recordId().toString());
        RecordHeader header = new RecordHeader(sealed.recordId(), 1, patient.accountId(), "weight",
                (String) otherContent.body().get("ciphertextSha256"), patient.signerKeyId());
        sameIdOtherContent.put("signature", patient.sign(header));
        expectProblem(create(patient.token(), sameIdOtherContent), 409, "conflict");

        assertThat(Database.count(pool, "SELECT COUNT(*) FROM record WHERE owner_id = ?", patient.accountId())).isEqualTo(1);
        assertThat(Database.count(pool, "SELECT COUNT(*) FROM outbox_event WHERE event_key = ?", patient.accountId())).isEqualTo(1);
    }

    @Test
    void unknownPathsAndMethodsAnswerWithProblems() {
        TestPatient patient = new TestPatient();
        expectProblem(as(patient.token()).get(RECORDS + "/not-a-uuid").then(), 400, "invalid-field");
        expectProblem(as(patient.token()).put(RECORDS).then(), 405, "method-not-allowed");
    }

    private static RecordHeader headerOf(SealedRecord sealed, TestPatient patient, String category) {
        return new RecordHeader(sealed.recordId(), 1, patient.accountId(), category,
                (String) sealed.body().get("ciphertextSha256"), patient.signerKeyId());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object value) {
        return (Map<String, Object>) value;
    }
}
