package io.techo.consent;

import static io.techo.consent.Problems.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.techo.testkit.Database;
import io.techo.testkit.DirectoryClient;
import io.techo.testkit.ExternalOrContainerInfra;
import io.techo.testkit.TestDevice;
import io.techo.testkit.Tokens;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = ExternalOrContainerInfra.class, restrictToAnnotatedClass = false)
class DirectoryTest {

    private final DirectoryClient directory = new DirectoryClient(null);

    @Inject
    Pool pool;

    @Test
    void patientRegistersWithProofOfBothKeysAndIsFoundByKeyId() {
        TestDevice device = new TestDevice();
        String patientId = directory.registerPatient(device, "Hanako Yamada");

        directory.as(device.token(patientId, "patient")).get("/api/v1/parties/" + patientId).then().statusCode(200)
                .body("kind", equalTo("PATIENT"))
                .body("keys", hasSize(2))
                .body("keys.find { it.use == 'SIGNING' }.keyId", equalTo(device.signingKeyId()))
                .body("keys.find { it.use == 'ENCRYPTION' }.publicKey", equalTo(Base64.getEncoder().encodeToString(device.encryptionPublicKey())));
        directory.as(device.token(patientId, "patient")).get("/api/v1/keys/" + device.signingKeyId()).then().statusCode(200)
                .body("partyId", equalTo(patientId)).body("status", equalTo("ACTIVE"));
    }

    @Test
    void patientsFindCliniciansByFacilityAndName() {
        TestDevice patientDevice = new TestDevice();
        String patientToken = patientDevice.token(directory.registerPatient(patientDevice, "P"), "patient");
        String operator = Tokens.operator("op-1");
        String unique = Long.toString(System.nanoTime(), 36);
        String kyoto = directory.createFacility(operator, "Kyoto " + unique + " Hospital");
        String nara = directory.createFacility(operator, "Nara " + unique + " 100% Clinic");
        String sato = directory.registerClinician(operator, new TestDevice(), "Dr. Sato " + unique, kyoto);
        directory.registerClinician(operator, new TestDevice(), "Dr. Suzuki " + unique, kyoto);
        String tanaka = directory.registerClinician(operator, new TestDevice(), "Dr. Tanaka " + unique, nara);

        directory.as(patientToken).queryParam("kind", "CLINICIAN").queryParam("facility", "kyoto " + unique).queryParam("name", "SATO")
                .get("/api/v1/parties").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.contains(sato))
                .body("items[0].facilityId", equalTo(kyoto))
                .body("items[0].facilityName", equalTo("Kyoto " + unique + " Hospital"));
        directory.as(patientToken).queryParam("kind", "CLINICIAN").queryParam("facility", unique).get("/api/v1/parties").then()
                .body("items", hasSize(3));
        directory.as(patientToken).queryParam("kind", "CLINICIAN").queryParam("facility", unique + " 100%").get("/api/v1/parties").then()
                .body("items.id", org.hamcrest.Matchers.contains(tanaka));
        directory.as(patientToken).queryParam("kind", "CLINICIAN").queryParam("facility", unique + "_").get("/api/v1/parties").then()
                .body("items", hasSize(0));
        expectProblem(directory.as(patientToken).queryParam("kind", "PATIENT").get("/api/v1/parties").then(), 400, "invalid-field");
        expectProblem(directory.anonymous().queryParam("kind", "CLINICIAN").get("/api/v1/parties").then(), 401, "unauthenticated");
    }

    @Test
    void registrationWithoutProofIsRefusedAndLeavesNoParty() {
        TestDevice device = new TestDevice();
        JsonPath challenge = directory.startRegistration(directory.anonymous(), device, "/api/v1/registrations", "P", null);
        byte[] answer = DirectoryClient.openChallenge(device, challenge);
        String confirm = "/api/v1/registrations/" + challenge.getString("registrationId") + "/confirmation";

        byte[] wrongAnswer = answer.clone();
        wrongAnswer[0] ^= 1;
        expectProblem(directory.anonymous().body(DirectoryClient.confirmation(device, device, challenge, wrongAnswer)).post(confirm).then(),
                400, "invalid-signature");
        expectProblem(directory.anonymous().body(DirectoryClient.confirmation(new TestDevice(), device, challenge, answer)).post(confirm).then(),
                400, "invalid-signature");
        assertThat(Database.count(pool, "SELECT COUNT(*) FROM party WHERE id = ?", challenge.getString("accountId"))).isZero();

        directory.anonymous().body(DirectoryClient.confirmation(device, device, challenge, answer)).post(confirm).then().statusCode(201);
        expectProblem(directory.anonymous().body(DirectoryClient.confirmation(device, device, challenge, answer)).post(confirm).then(),
                404, "not-found");
    }

    @Test
    void onlyOperatorsRegisterFacilitiesAndClinicians() {
        TestDevice patientDevice = new TestDevice();
        String patientId = directory.registerPatient(patientDevice, "P");
        String patientToken = patientDevice.token(patientId, "patient");
        expectProblem(directory.as(patientToken).body(Map.of("displayName", "Clinic")).post("/api/v1/facilities").then(), 403, "forbidden");
        expectProblem(directory.anonymous().body(Map.of("displayName", "Dr",
                "facilityId", "fac-1", "signingKey", key(), "encryptionKey", key())).post("/api/v1/clinician-registrations").then(), 401, "unauthenticated");
        expectProblem(directory.as(patientToken).body(Map.of("displayName", "Dr",
                "facilityId", "fac-1", "signingKey", key(), "encryptionKey", key())).post("/api/v1/clinician-registrations").then(), 403, "forbidden");

        String operator = Tokens.operator("op-1");
        String facilityId = directory.createFacility(operator, "Osaka Clinic");
        TestDevice doctorDevice = new TestDevice();
        String doctorId = directory.registerClinician(operator, doctorDevice, "Dr. Sato", facilityId);
        directory.as(patientToken).get("/api/v1/parties/" + doctorId).then().statusCode(200)
                .body("kind", equalTo("CLINICIAN")).body("facilityId", equalTo(facilityId));
        expectProblem(directory.as(operator).body(Map.of("displayName", "Dr", "facilityId", "fac-none",
                "signingKey", key(), "encryptionKey", key())).post("/api/v1/clinician-registrations").then(), 400, "invalid-field");
    }

    @Test
    void deviceKeysAreAddedWithAuthorizationAndRetiredIntoTheHistory() {
        TestDevice phone = new TestDevice();
        String patientId = directory.registerPatient(phone, "P");
        String token = phone.token(patientId, "patient");
        TestDevice laptop = new TestDevice();
        byte[] change = keyChange(patientId, laptop.signingKeyId(), "SIGNING");
        Map<String, Object> body = Map.of("use", "SIGNING", "publicKey", Base64.getEncoder().encodeToString(laptop.signingPublicKey()),
                "authorizingKeyId", phone.signingKeyId(), "authorization", phone.signBase64(change), "proof", laptop.signBase64(change));

        expectProblem(directory.as(token).body(Map.of("use", "SIGNING", "publicKey", body.get("publicKey"), "authorizingKeyId", phone.signingKeyId(),
                "authorization", laptop.signBase64(change), "proof", laptop.signBase64(change))).post("/api/v1/parties/" + patientId + "/keys").then(),
                400, "invalid-signature");
        directory.as(token).body(body).post("/api/v1/parties/" + patientId + "/keys").then().statusCode(201)
                .body("authorizedBy", equalTo(phone.signingKeyId()));

        directory.as(token).delete("/api/v1/parties/" + patientId + "/keys/" + phone.signingKeyId()).then().statusCode(200)
                .body("status", equalTo("RETIRED"));
        expectProblem(directory.as(token).delete("/api/v1/parties/" + patientId + "/keys/" + laptop.signingKeyId()).then(), 409, "conflict");
        directory.as(token).get("/api/v1/parties/" + patientId).then().statusCode(200).body("keys", hasSize(3));
        expectProblem(directory.as(token).delete("/api/v1/parties/someone-else/keys/" + phone.signingKeyId()).then(), 403, "forbidden");
    }

    @Test
    void malformedRegistrationsAreRefused() {
        expectProblem(directory.anonymous().body(Map.of("displayName", " ", "signingKey", key(), "encryptionKey", key()))
                .post("/api/v1/registrations").then(), 400, "invalid-field");
        expectProblem(directory.anonymous().body(Map.of("displayName", "P", "facilityId", "fac-1", "signingKey", key(), "encryptionKey", key()))
                .post("/api/v1/registrations").then(), 400, "invalid-field");
        expectProblem(directory.anonymous().body(Map.of("displayName", "P", "signingKey", "short", "encryptionKey", key()))
                .post("/api/v1/registrations").then(), 400, "invalid-field");
        expectProblem(directory.anonymous().body("{").post("/api/v1/registrations").then(), 400, "malformed-request");
        expectProblem(directory.anonymous().body(Map.of("challenge", key(), "signature", key()))
                .post("/api/v1/registrations/not-a-uuid/confirmation").then(), 400, "invalid-field");
    }

    private static String key() {
        return Base64.getEncoder().encodeToString(new TestDevice().signingPublicKey());
    }

    private static byte[] keyChange(String partyId, String keyId, String use) {
        return io.techo.common.canonical.Jcs.canonicalize("{\"keyId\":\"" + keyId + "\",\"partyId\":\"" + partyId
                + "\",\"suite\":\"techo-v1\",\"type\":\"techo.party.key-added\",\"use\":\"" + use + "\"}");
    }
}
