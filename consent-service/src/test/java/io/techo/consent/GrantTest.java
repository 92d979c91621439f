package io.techo.consent;

import static io.techo.consent.Problems.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.techo.common.events.CloudEventsKafka;
import io.techo.common.events.ConsentGranted;
import io.techo.common.events.EventJson;
import io.techo.common.events.EventTypes;
import io.techo.common.ids.Uuids;
import io.techo.testkit.Database;
import io.techo.testkit.DirectoryClient;
import io.techo.testkit.ExternalOrContainerInfra;
import io.techo.testkit.TestDevice;
import io.techo.testkit.Tokens;
import io.techo.testkit.TopicReader;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = ExternalOrContainerInfra.class, restrictToAnnotatedClass = false)
class GrantTest {

    private static final String GRANTS = "/api/v1/grants";
    private final DirectoryClient directory = new DirectoryClient(null);

    @Inject
    Pool pool;

    private TestDevice patientDevice;
    private String patientId;
    private String patientToken;
    private TestDevice doctorDevice;
    private String doctorId;
    private String doctorToken;
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @BeforeEach
    void parties() {
        patientDevice = new TestDevice();
        patientId = directory.registerPatient(patientDevice, "Hanako");
        patientToken = patientDevice.token(patientId, "patient");
        String operator = Tokens.operator("op-1");
        String facilityId = directory.createFacility(operator, "Clinic");
        doctorDevice = new TestDevice();
        doctorId = directory.registerClinician(operator, doctorDevice, "Dr. Sato", facilityId);
        doctorToken = doctorDevice.token(doctorId, "clinician");
    }

    @Test
    void signedGrantIsStoredListedExportedAsFhirRevokedAndAnnounced() {
        Map<String, Object> grant = grant(List.of(), List.of("blood-pressure"), "TREAT");
        String grantId = (String) grant.get("grantId");
        directory.as(patientToken).body(grant).post(GRANTS).then().statusCode(201)
                .body("status", equalTo("ACTIVE")).body("granteeKind", equalTo("CLINICIAN"));
        directory.as(patientToken).body(grant).post(GRANTS).then().statusCode(200);

        directory.as(patientToken).get(GRANTS).then().statusCode(200).body("items.grantId", contains(grantId));
        directory.as(doctorToken).get(GRANTS).then().statusCode(200).body("items.grantId", contains(grantId));
        directory.as(doctorToken).get(GRANTS + "/" + grantId + "/fhir").then().statusCode(200)
                .body("resourceType", equalTo("Consent"))
                .body("status", equalTo("active"))
                .body("patient.reference", equalTo("Patient/" + patientId))
                .body("provision.actor[0].reference.reference", equalTo("Practitioner/" + doctorId))
                .body("provision.purpose[0].code", equalTo("TREAT"))
                .body("provision.class[0].code", equalTo("blood-pressure"));

        expectProblem(directory.as(doctorToken).delete(GRANTS + "/" + grantId).then(), 403, "forbidden");
        directory.as(patientToken).delete(GRANTS + "/" + grantId).then().statusCode(204);
        directory.as(patientToken).delete(GRANTS + "/" + grantId).then().statusCode(204);
        directory.as(patientToken).get(GRANTS + "/" + grantId).then().statusCode(200).body("status", equalTo("REVOKED"));

        var events = TopicReader.recordsWithKey(EventTypes.CONSENTS_TOPIC, patientId, r -> r.size() >= 2, Duration.ofSeconds(30));
        assertThat(events).extracting(e -> TopicReader.header(e, CloudEventsKafka.H_TYPE))
                .containsExactly(EventTypes.CONSENT_GRANTED, EventTypes.CONSENT_REVOKED);
        assertThat(EventJson.read(events.get(0).value(), ConsentGranted.class).signature()).isEqualTo(grant.get("signature"));
    }

    @Test
    void grantsWithBadSignaturesAreRefusedAndNothingIsStored() {
        TestDevice otherPatient = new TestDevice();
        directory.registerPatient(otherPatient, "Other");
        Map<String, Object> genuine = grant(List.of(), List.of("glucose"), "TREAT");

        Map<String, Object> badSignature = new LinkedHashMap<>(genuine);
        badSignature.put("signature", patientDevice.signBase64("something else".getBytes()));
        expectProblem(directory.as(patientToken).body(badSignature).post(GRANTS).then(), 400, "invalid-signature");

        Map<String, Object> otherKey = DirectoryClient.signedGrant(otherPatient, patientId, doctorId, List.of(), List.of("glucose"), "TREAT",
                now, now.plus(Duration.ofDays(30)));
        expectProblem(directory.as(patientToken).body(otherKey).post(GRANTS).then(), 400, "invalid-signature");

        Map<String, Object> altered = new LinkedHashMap<>(genuine);
        altered.put("scope", Map.of("recordIds", List.of(), "categories", List.of("glucose", "mental-health")));
        expectProblem(directory.as(patientToken).body(altered).post(GRANTS).then(), 400, "invalid-signature");
        Map<String, Object> longer = new LinkedHashMap<>(genuine);
        longer.put("notAfter", now.plus(Duration.ofDays(31)).toString());
        expectProblem(directory.as(patientToken).body(longer).post(GRANTS).then(), 400, "invalid-signature");

        assertThat(Database.count(pool, "SELECT COUNT(*) FROM consent_grant WHERE patient_id = ?", patientId)).isZero();
        assertThat(Database.count(pool, "SELECT COUNT(*) FROM outbox_event WHERE event_key = ?", patientId)).isZero();
    }

    @Test
    void malformedGrantsAreRefusedWithTheirField() {
        String[][] cases = {
            {"grantId", "not-a-uuid"}, {"granteeId", "bad id!"}, {"purpose", "FUN"}, {"notBefore", "yesterday"},
            {"notAfter", now.minus(Duration.ofDays(1)).toString()}, {"notAfter", now.plus(Duration.ofDays(400)).toString()},
            {"notBefore", "2026-11-24T10:00:00.000Z"}, {"signerKeyId", "abc"}, {"signature", "!!"},
        };
        for (String[] bad : cases) {
            Map<String, Object> body = new LinkedHashMap<>(grant(List.of(), List.of("glucose"), "TREAT"));
            body.put(bad[0], bad[1]);
            expectProblem(directory.as(patientToken).body(body).post(GRANTS).then(), 400, "invalid-field");
        }
        Map<String, Object> emptyScope = new LinkedHashMap<>(grant(List.of(), List.of("glucose"), "TREAT"));
        emptyScope.put("scope", Map.of("recordIds", List.of(), "categories", List.of()));
        expectProblem(directory.as(patientToken).body(emptyScope).post(GRANTS).then(), 400, "invalid-field");
        Map<String, Object> toPatient = DirectoryClient.signedGrant(patientDevice, patientId, patientId, List.of(), List.of("glucose"), "TREAT",
                now, now.plus(Duration.ofDays(1)));
        expectProblem(directory.as(patientToken).body(toPatient).post(GRANTS).then(), 400, "invalid-field");
        Map<String, Object> toNobody = DirectoryClient.signedGrant(patientDevice, patientId, "cli-nobody", List.of(), List.of("glucose"), "TREAT",
                now, now.plus(Duration.ofDays(1)));
        expectProblem(directory.as(patientToken).body(toNobody).post(GRANTS).then(), 400, "invalid-field");
        expectProblem(directory.as(doctorToken).body(grant(List.of(), List.of("glucose"), "TREAT")).post(GRANTS).then(), 403, "forbidden");
        expectProblem(directory.as(patientToken).body("[1,2]").post(GRANTS).then(), 400, "malformed-request");
        assertThat(Database.count(pool, "SELECT COUNT(*) FROM consent_grant WHERE patient_id = ?", patientId)).isZero();
    }

    @Test
    void emergencyCategoriesAreThePatientsOwn() {
        String path = "/api/v1/patients/" + patientId + "/emergency-categories";
        directory.as(patientToken).body(Map.of("categories", List.of("allergies", "medication"))).put(path).then().statusCode(200);
        directory.as(patientToken).get(path).then().statusCode(200).body("categories", contains("allergies", "medication"));
        expectProblem(directory.as(doctorToken).body(Map.of("categories", List.of("notes"))).put(path).then(), 403, "forbidden");
        expectProblem(directory.as(patientToken).body(Map.of("categories", List.of("Not OK"))).put(path).then(), 400, "invalid-field");
        directory.as(patientToken).get(path).then().body("categories", hasSize(2));
    }

    private Map<String, Object> grant(List<String> recordIds, List<String> categories, String purpose) {
        return DirectoryClient.signedGrant(patientDevice, patientId, doctorId, recordIds, categories, purpose, now, now.plus(Duration.ofDays(30)));
    }

    static String newRecordId() {
        return Uuids.v7().toString();
    }
}
