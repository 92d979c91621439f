package io.techo.gateway;

import static io.techo.gateway.GatewayApi.answer;
import static io.techo.gateway.GatewayApi.as;
import static io.techo.gateway.GatewayApi.challenge;
import static io.techo.gateway.GatewayApi.expectProblem;
import static io.techo.gateway.GatewayApi.json;
import static io.techo.gateway.GatewayApi.requestToken;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.techo.testkit.DirectoryClient;
import io.techo.testkit.TestDevice;
import io.techo.testkit.TestPatient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = GatewayTestServices.class, restrictToAnnotatedClass = false)
class LoginTest {

    @Test
    void aPatientRegistersLogsInStoresARecordAndReadsItBackThroughTheGateway() throws Exception {
        TestDevice device = new TestDevice();
        String accountId = new DirectoryClient(null).registerPatient(device, "Hanako");
        String token = GatewayApi.login(accountId, device);

        JsonWebToken claims = new DefaultJWTParser().parseOnly(token);
        assertThat(claims.getSubject()).isEqualTo(accountId);
        assertThat(claims.getIssuer()).isEqualTo(GatewayTestServices.ISSUER);
        assertThat(claims.getGroups()).containsExactly("patient");
        assertThat(claims.getExpirationTime() - claims.getIssuedAtTime()).isLessThanOrEqualTo(15 * 60);
        String header = new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.UTF_8);
        assertThat(header).contains("\"alg\":\"EdDSA\"");

        TestPatient patient = new TestPatient(accountId, device);
        var sealed = patient.seal("glucose", "5.4 mmol/L".getBytes(StandardCharsets.UTF_8));
        as(token).body(sealed.body()).post("/api/v1/records").then().statusCode(201);
        String ciphertext = as(token).get("/api/v1/records/" + sealed.recordId()).then().statusCode(200)
                .extract().path("ciphertext");
        assertThat(Base64.getDecoder().decode(ciphertext)).isEqualTo(sealed.ciphertext());
    }

    @Test
    void aConfiguredOperatorLogsInAndRegistersAFacilityAndAClinician() throws Exception {
        String operatorToken = GatewayApi.login(GatewayTestServices.OPERATOR_ID, GatewayTestServices.OPERATOR);
        assertThat(new DefaultJWTParser().parseOnly(operatorToken).getGroups()).containsExactly("operator");
        DirectoryClient directory = new DirectoryClient(null);
        String facilityId = directory.createFacility(operatorToken, "Clinic " + System.nanoTime());
        TestDevice clinicianDevice = new TestDevice();
        String clinicianId = directory.registerClinician(operatorToken, clinicianDevice, "Dr. Sato", facilityId);
        String clinicianToken = GatewayApi.login(clinicianId, clinicianDevice);
        assertThat(new DefaultJWTParser().parseOnly(clinicianToken).getGroups()).containsExactly("clinician");

        GatewayApi.Patient patient = GatewayApi.newPatient();
        expectProblem(as(patient.token()).body(Map.of("displayName", "Not mine")).post("/api/v1/facilities").then(), 403, "forbidden");
    }

    @Test
    void aFacilityCannotLogIn() {
        String operatorToken = GatewayApi.login(GatewayTestServices.OPERATOR_ID, GatewayTestServices.OPERATOR);
        String facilityId = new DirectoryClient(null).createFacility(operatorToken, "Clinic " + System.nanoTime());
        TestDevice device = new TestDevice();
        expectProblem(requestToken(answer(facilityId, challenge(facilityId), device)), 401, "unauthenticated");
    }

    @Test
    void aChallengeIsSingleUse() {
        GatewayApi.Patient patient = GatewayApi.newPatient();
        Map<String, Object> answer = answer(patient.accountId(), challenge(patient.accountId()), patient.device());
        requestToken(answer).statusCode(200);
        expectProblem(requestToken(answer), 401, "unauthenticated");
    }

    @Test
    void anExpiredChallengeIsRefused() throws InterruptedException {
        GatewayApi.Patient patient = GatewayApi.newPatient();
        String challenge = challenge(patient.accountId());
        Thread.sleep(4_100); // the test profile's challenge lifetime is 3 s
        expectProblem(requestToken(answer(patient.accountId(), challenge, patient.device())), 401, "unauthenticated");
    }

    @Test
    void aChallengeIssuedForAnotherAccountIsRefused() {
        GatewayApi.Patient alice = GatewayApi.newPatient();
        GatewayApi.Patient bob = GatewayApi.newPatient();
        String forAlice = challenge(alice.accountId());
        expectProblem(requestToken(answer(bob.accountId(), forAlice, bob.device())), 401, "unauthenticated");
    }

    @Test
    void aTamperedOrForgedChallengeIsRefused() {
        GatewayApi.Patient patient = GatewayApi.newPatient();
        String challenge = challenge(patient.accountId());
        String[] parts = challenge.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
        String later = payload.substring(0, payload.lastIndexOf('\n') + 1) + (System.currentTimeMillis() / 1000 + 3600);
        String extended = Base64.getUrlEncoder().withoutPadding().encodeToString(later.getBytes(StandardCharsets.UTF_8)) + "." + parts[1];
        expectProblem(requestToken(answer(patient.accountId(), extended, patient.device())), 401, "unauthenticated");
        expectProblem(requestToken(answer(patient.accountId(), "not-a-challenge", patient.device())), 401, "unauthenticated");
    }

    @Test
    void aSignatureByAnotherKeyIsRefused() {
        GatewayApi.Patient patient = GatewayApi.newPatient();
        TestDevice stranger = new TestDevice();
        expectProblem(requestToken(answer(patient.accountId(), challenge(patient.accountId()), stranger)), 401, "unauthenticated");
    }

    @Test
    void anUnknownAccountCannotLogIn() {
        TestDevice device = new TestDevice();
        String unknown = "0190f000-0000-7000-8000-000000000000";
        expectProblem(requestToken(answer(unknown, challenge(unknown), device)), 401, "unauthenticated");
    }

    @Test
    void malformedLoginRequestsAre400() {
        expectProblem(json().body(Map.of("accountId", "bad id with spaces")).post("/api/v1/auth/challenge").then(), 400, "invalid-field");
        expectProblem(json().body("{not json").post("/api/v1/auth/challenge").then(), 400, "malformed-request");
        Map<String, Object> noSignature = new HashMap<>(Map.of("accountId", "someone", "challenge", "x"));
        expectProblem(json().body(noSignature).post("/api/v1/auth/token").then(), 400, "invalid-field");
    }

    @Test
    void theTokenCarriesTheDeviceKeyTheRecordServiceUses() throws Exception {
        GatewayApi.Patient patient = GatewayApi.newPatient();
        JsonWebToken claims = new DefaultJWTParser().parseOnly(patient.token());
        @SuppressWarnings("unchecked")
        Map<String, Object> cnf = (Map<String, Object>) toMap(claims.getClaim("cnf"));
        assertThat(cnf.get("jwk").toString()).contains("OKP").contains("Ed25519")
                .contains(Base64.getUrlEncoder().withoutPadding().encodeToString(patient.device().signingPublicKey()));
    }

    private static Object toMap(Object claim) {
        return claim instanceof jakarta.json.JsonObject object ? new HashMap<>(object) : claim;
    }
}
