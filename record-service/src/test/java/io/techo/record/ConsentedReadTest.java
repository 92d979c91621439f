package io.techo.record;

import static io.techo.record.RecordApi.RECORDS;
import static io.techo.record.RecordApi.as;
import static io.techo.record.RecordApi.create;
import static io.techo.record.RecordApi.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.techo.common.crypto.KeyEnvelopes;
import io.techo.common.events.AccessDecided;
import io.techo.common.events.EventJson;
import io.techo.common.events.EventTypes;
import io.techo.testkit.TestPatient;
import io.techo.testkit.TestPatient.SealedRecord;
import io.techo.testkit.ConsentServiceProcess;
import io.techo.testkit.Database;
import io.techo.testkit.DirectoryClient;
import io.techo.testkit.ExternalOrContainerInfra;
import io.techo.testkit.TestDevice;
import io.techo.testkit.Tokens;
import io.techo.testkit.TopicReader;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Non-owner reads against the real consent-service (started as its own process): the decision matrix, revocation
 * that takes effect for the very next read, and the access log. Every decision is checked three ways: the HTTP
 * answer, the reason kind, and the {@code techo.access.decided} event.
 */
@QuarkusTest
@QuarkusTestResource(value = ExternalOrContainerInfra.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = ConsentServiceProcess.class, restrictToAnnotatedClass = false)
class ConsentedReadTest {

    @ConfigProperty(name = "techo.test.consent-url", defaultValue = "")
    String consentUrl;

    @Inject
    Pool pool;

    private DirectoryClient directory;
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private TestDevice patientDevice;
    private TestPatient patient;
    private String operator;
    private String facilityId;

    @BeforeEach
    void patientWithRecords() {
        Assumptions.assumeTrue(!consentUrl.isEmpty(), "the consent-service process runs with the local services only");
        directory = new DirectoryClient(consentUrl);
        patientDevice = new TestDevice();
        String patientId = directory.registerPatient(patientDevice, "Hanako");
        patient = new TestPatient(patientId, patientDevice);
        operator = Tokens.operator("op-1");
        facilityId = directory.createFacility(operator, "Osaka Clinic");
    }

    @Test
    void decisionMatrix() {
        SealedRecord bloodPressure = store("blood-pressure");
        SealedRecord mentalHealth = store("mental-health");
        SealedRecord allergies = store("allergies");
        Clinician byRecord = clinician(facilityId);
        Clinician byCategory = clinician(facilityId);
        Clinician wrongPurpose = clinician(facilityId);
        Clinician notYet = clinician(facilityId);
        Clinician expiring = clinician(facilityId);
        Clinician revoked = clinician(facilityId);
        Clinician stranger = clinician(directory.createFacility(operator, "Elsewhere"));
        String team = directory.createFacility(operator, "Psychiatry team");
        Clinician member = clinician(team);
        Clinician emergency = clinician(directory.createFacility(operator, "ER"));
        TestDevice otherDevice = new TestDevice();
        TestPatient otherPatient = new TestPatient(directory.registerPatient(otherDevice, "Other"), otherDevice);

        grant(byRecord.id(), List.of(bloodPressure.recordId().toString()), List.of(), "TREAT", now, now.plus(Duration.ofDays(7)));
        grant(byCategory.id(), List.of(), List.of("blood-pressure"), "TREAT", now, now.plus(Duration.ofDays(7)));
        grant(wrongPurpose.id(), List.of(), List.of("blood-pressure"), "HRESCH", now, now.plus(Duration.ofDays(7)));
        grant(notYet.id(), List.of(), List.of("blood-pressure"), "TREAT", now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(7)));
        Instant expiry = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(3);
        grant(expiring.id(), List.of(), List.of("blood-pressure"), "TREAT", now.minus(Duration.ofHours(1)), expiry);
        String revokedGrant = grant(revoked.id(), List.of(), List.of("blood-pressure"), "TREAT", now, now.plus(Duration.ofDays(7)));
        directory.as(patientDevice.token(patient.accountId(), "patient")).delete("/api/v1/grants/" + revokedGrant).then().statusCode(204);
        grant(team, List.of(), List.of("mental-health"), "TREAT", now, now.plus(Duration.ofDays(7)));
        directory.as(patientDevice.token(patient.accountId(), "patient"))
                .body(Map.of("categories", List.of("allergies"))).put("/api/v1/patients/" + patient.accountId() + "/emergency-categories")
                .then().statusCode(200);
        share(bloodPressure, byRecord);
        share(bloodPressure, byCategory);

        as(patient.token()).get(RECORDS + "/" + bloodPressure.recordId()).then().statusCode(200);
        denied(read(otherPatient.token(), bloodPressure, "TREAT", null), "NO_GRANT");
        denied(read(stranger.token(), bloodPressure, "TREAT", null), "NO_GRANT");
        read(byRecord.token(), bloodPressure, "TREAT", null).statusCode(200)
                .body("envelopes", hasSize(1)).body("envelopes[0].recipientId", equalTo(byRecord.id()));
        read(byCategory.token(), bloodPressure, "TREAT", null).statusCode(200);
        denied(read(byCategory.token(), mentalHealth, "TREAT", null), "OUT_OF_SCOPE");
        denied(read(wrongPurpose.token(), bloodPressure, "TREAT", null), "PURPOSE_MISMATCH");
        denied(read(notYet.token(), bloodPressure, "TREAT", null), "NOT_YET_VALID");
        denied(read(revoked.token(), bloodPressure, "TREAT", null), "GRANT_REVOKED");
        read(member.token(), mentalHealth, "TREAT", null).statusCode(200);
        read(emergency.token(), allergies, "ETREAT", "unconscious patient, allergy check before treatment").statusCode(200);
        denied(read(emergency.token(), mentalHealth, "ETREAT", "unconscious patient"), "NOT_EMERGENCY_CATEGORY");
        sleepUntil(expiry.plusSeconds(1));
        denied(read(expiring.token(), bloodPressure, "TREAT", null), "EXPIRED");

        List<AccessDecided> events = accessEvents(12);
        assertThat(events).extracting(e -> e.accessorId() + ":" + e.decision() + ":" + e.reason()).containsExactly(
                otherPatient.accountId() + ":DENY:NO_GRANT",
                stranger.id() + ":DENY:NO_GRANT",
                byRecord.id() + ":PERMIT:GRANT",
                byCategory.id() + ":PERMIT:GRANT",
                byCategory.id() + ":DENY:OUT_OF_SCOPE",
                wrongPurpose.id() + ":DENY:PURPOSE_MISMATCH",
                notYet.id() + ":DENY:NOT_YET_VALID",
                revoked.id() + ":DENY:GRANT_REVOKED",
                member.id() + ":PERMIT:GRANT",
                emergency.id() + ":PERMIT_BREAK_GLASS:BREAK_GLASS",
                emergency.id() + ":DENY:NOT_EMERGENCY_CATEGORY",
                expiring.id() + ":DENY:EXPIRED");
        assertThat(events.get(9).breakGlassReason()).isEqualTo("unconscious patient, allergy check before treatment");

        as(patient.token()).queryParam("limit", 5).get("/api/v1/access-log").then().statusCode(200)
                .body("items", hasSize(5))
                .body("items[0].accessorId", equalTo(expiring.id()))
                .body("items[0].reason", equalTo("EXPIRED"));
        as(byRecord.token()).get("/api/v1/access-log").then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void revocationDeniesTheVeryNextRead() {
        SealedRecord record = store("weight");
        Clinician doctor = clinician(facilityId);
        String patientToken = patientDevice.token(patient.accountId(), "patient");
        for (int round = 0; round < 15; round++) {
            String grantId = grant(doctor.id(), List.of(), List.of("weight"), "TREAT", now, now.plus(Duration.ofDays(1)));
            read(doctor.token(), record, "TREAT", null).statusCode(200);
            directory.as(patientToken).delete("/api/v1/grants/" + grantId).then().statusCode(204);
            denied(read(doctor.token(), record, "TREAT", null), "GRANT_REVOKED");
        }
    }

    @Test
    void revocationDeletesTheGranteesEnvelopes() {
        SealedRecord record = store("lab.result");
        Clinician doctor = clinician(facilityId);
        String grantId = grant(doctor.id(), List.of(), List.of("lab.result"), "TREAT", now, now.plus(Duration.ofDays(1)));
        share(record, doctor);
        read(doctor.token(), record, "TREAT", null).statusCode(200).body("envelopes", hasSize(1));
        directory.as(patientDevice.token(patient.accountId(), "patient")).delete("/api/v1/grants/" + grantId).then().statusCode(204);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> envelopesFor(record, doctor) == 0);
    }

    @Test
    void aGranteeListsTheRecordsSharedWithItUntilRevocation() {
        SealedRecord shared = store("allergy");
        store("allergy");
        Clinician doctor = clinician(facilityId);
        String grantId = grant(doctor.id(), List.of(), List.of("allergy"), "TREAT", now, now.plus(Duration.ofDays(1)));
        share(shared, doctor);
        as(doctor.token()).queryParam("shared", "true").get(RECORDS).then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].recordId", equalTo(shared.recordId().toString()))
                .body("items[0].ownerId", equalTo(patient.accountId()))
                .body("items[0].ciphertext", org.hamcrest.Matchers.nullValue());
        as(doctor.token()).get(RECORDS).then().statusCode(200).body("items", hasSize(0));
        as(patient.token()).queryParam("shared", "true").get(RECORDS).then().statusCode(200).body("items", hasSize(0));
        expectProblem(as(doctor.token()).queryParam("shared", "yes").get(RECORDS).then(), 400, "invalid-field");

        directory.as(patientDevice.token(patient.accountId(), "patient")).delete("/api/v1/grants/" + grantId).then().statusCode(204);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> as(doctor.token()).queryParam("shared", "true").get(RECORDS)
                .then().statusCode(200).extract().jsonPath().getList("items").isEmpty());
    }

    @Test
    void badReadParametersAreRefused() {
        SealedRecord record = store("weight");
        Clinician doctor = clinician(facilityId);
        expectProblem(as(doctor.token()).queryParam("purpose", "fun").get(RECORDS + "/" + record.recordId()).then(), 400, "invalid-field");
        expectProblem(as(doctor.token()).queryParam("purpose", "ETREAT").header("X-Break-Glass-Reason", "x".repeat(501))
                .get(RECORDS + "/" + record.recordId()).then(), 400, "invalid-field");
    }

    private long envelopesFor(SealedRecord record, Clinician doctor) {
        return Database.count(pool, "SELECT COUNT(*) FROM key_envelope WHERE record_id = ? AND recipient_id = ?",
                record.recordId().toString(), doctor.id());
    }

    @Test
    void aReaderListsExactlyTheOwnersRecordsWrappedForThem() {
        SealedRecord shared = store("blood-pressure");
        store("blood-pressure");
        SealedRecord emergency = store("allergies");
        Clinician doctor = clinician(facilityId);
        Clinician other = clinician(facilityId);
        share(shared, doctor);
        share(emergency, doctor);

        as(doctor.token()).queryParam("ownerId", patient.accountId()).get(RECORDS).then().statusCode(200)
                .body("items.recordId", org.hamcrest.Matchers.contains(emergency.recordId().toString(), shared.recordId().toString()))
                .body("items[0].ciphertext", org.hamcrest.Matchers.nullValue());
        as(doctor.token()).queryParam("ownerId", patient.accountId()).queryParam("category", "allergies").get(RECORDS).then()
                .body("items.recordId", org.hamcrest.Matchers.contains(emergency.recordId().toString()));
        as(other.token()).queryParam("ownerId", patient.accountId()).get(RECORDS).then().statusCode(200).body("items", hasSize(0));
        as(patient.token()).queryParam("ownerId", patient.accountId()).get(RECORDS).then().body("items", hasSize(3));
        expectProblem(as(doctor.token()).queryParam("ownerId", "not an id!").get(RECORDS).then(), 400, "invalid-field");
    }

    private SealedRecord store(String category) {
        SealedRecord sealed = patient.seal(category, ("entry in " + category).getBytes(StandardCharsets.UTF_8));
        create(patient.token(), sealed.body()).statusCode(201);
        return sealed;
    }

    private Clinician clinician(String facility) {
        TestDevice device = new TestDevice();
        String id = directory.registerClinician(operator, device, "Dr. " + facility, facility);
        return new Clinician(id, device);
    }

    private String grant(String granteeId, List<String> recordIds, List<String> categories, String purpose, Instant from, Instant until) {
        Map<String, Object> body = DirectoryClient.signedGrant(patientDevice, patient.accountId(), granteeId, recordIds, categories,
                purpose, from, until);
        directory.as(patientDevice.token(patient.accountId(), "patient")).body(body).post("/api/v1/grants").then().statusCode(201);
        return (String) body.get("grantId");
    }

    private void share(SealedRecord record, Clinician clinician) {
        var envelope = KeyEnvelopes.wrap(record.dataKey(), clinician.id(), clinician.device().encryptionPublicKey(), record.aad());
        as(patient.token()).body(TestPatient.envelopeJson(envelope)).post(RECORDS + "/" + record.recordId() + "/envelopes")
                .then().statusCode(201);
    }

    private static ValidatableResponse read(String token, SealedRecord record, String purpose, String breakGlassReason) {
        var request = as(token).queryParam("purpose", purpose);
        if (breakGlassReason != null) {
            request = request.header("X-Break-Glass-Reason", breakGlassReason);
        }
        return request.get(RECORDS + "/" + record.recordId()).then();
    }

    private static void denied(ValidatableResponse response, String reason) {
        expectProblem(response, 403, "consent-denied").body("reason", equalTo(reason));
    }

    private List<AccessDecided> accessEvents(int expected) {
        return TopicReader.recordsWithKey(EventTypes.ACCESS_TOPIC, patient.accountId(), r -> r.size() >= expected, Duration.ofSeconds(30))
                .stream().map(r -> EventJson.read(r.value(), AccessDecided.class)).toList();
    }

    private static void sleepUntil(Instant moment) {
        long millis = Duration.between(Instant.now(), moment).toMillis();
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private record Clinician(String id, TestDevice device) {
        String token() {
            return device.token(id, "clinician");
        }
    }
}
