package io.techo.gateway;

import static io.restassured.RestAssured.given;
import static io.techo.gateway.GatewayApi.as;
import static io.techo.gateway.GatewayApi.expectProblem;
import static io.techo.gateway.GatewayApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.techo.testkit.TestPatient;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Only tokens the gateway issued pass it; patients see only their own records. */
@QuarkusTest
@QuarkusTestResource(value = GatewayTestServices.class, restrictToAnnotatedClass = false)
class TokenCheckTest {

    private static final List<String> PROTECTED = List.of("/api/v1/records", "/api/v1/access-log", "/api/v1/grants",
            "/api/v1/parties/someone", "/api/v1/keys/" + "0".repeat(64), "/api/v1/patients/someone/emergency-categories",
            "/api/v1/log/key", "/api/v1/proofs/records/x");

    @Test
    void everyRoutedPathButRegistrationNeedsAToken() {
        for (String path : PROTECTED) {
            expectProblem(given().get(path).then(), 401, "unauthenticated");
        }
        expectProblem(json().body(Map.of("displayName", "x")).post("/api/v1/facilities").then(), 401, "unauthenticated");
        expectProblem(json().body(Map.of("displayName", "x")).post("/api/v1/clinician-registrations").then(), 401, "unauthenticated");
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
        given().get("/openapi").then().statusCode(200);
        json().body(Map.of()).post("/api/v1/registrations").then().statusCode(400);
    }

    @Test
    void theInternalDecisionEndpointIsNotRouted() {
        GatewayApi.Patient patient = GatewayApi.newPatient();
        as(patient.token()).body(Map.of()).post("/internal/v1/decisions").then().statusCode(404);
        as(patient.token()).body(Map.of()).post("/api/v1/../internal/v1/decisions").then().statusCode(404);
    }

    @Test
    void expiredTamperedUnsignedAndForeignTokensAre401() throws Exception {
        GatewayApi.Patient patient = GatewayApi.newPatient();
        long now = System.currentTimeMillis() / 1000;
        String expired = claims(patient.accountId()).issuedAt(now - 3600).expiresAt(now - 1800)
                .jws().algorithm(SignatureAlgorithm.EDDSA).sign(GatewayTestServices.tokenPrivateKey());
        String wrongIssuer = Jwt.issuer("someone-else").audience("techo").subject(patient.accountId()).groups("patient")
                .expiresIn(600).jws().algorithm(SignatureAlgorithm.EDDSA).sign(GatewayTestServices.tokenPrivateKey());
        String stranger = claims(patient.accountId()).expiresIn(600).jws().algorithm(SignatureAlgorithm.EDDSA)
                .sign(KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate());
        String[] parts = patient.token().split("\\.");
        String otherSubject = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace(patient.accountId(), "someone-else");
        String tampered = parts[0] + "." + base64url(otherSubject) + "." + parts[2];
        String algNone = base64url("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".";
        for (String token : List.of(expired, wrongIssuer, stranger, tampered, algNone, "garbage")) {
            expectProblem(as(token).get("/api/v1/records").then(), 401, "unauthenticated");
        }
        as(patient.token()).get("/api/v1/records").then().statusCode(200);
    }

    @Test
    void aServiceCalledDirectlyRefusesATokenTheGatewayDidNotSign() throws Exception {
        GatewayApi.Patient patient = GatewayApi.newPatient();
        String stranger = claims(patient.accountId()).expiresIn(600).jws().algorithm(SignatureAlgorithm.EDDSA)
                .sign(KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate());
        given().baseUri(GatewayTestServices.recordServiceUrl()).auth().oauth2(stranger).get("/api/v1/records")
                .then().statusCode(401);
        given().baseUri(GatewayTestServices.recordServiceUrl()).auth().oauth2(patient.token()).get("/api/v1/records")
                .then().statusCode(200);
    }

    @Test
    void aPatientCannotReadListOrEraseAnotherPatientsRecords() {
        GatewayApi.Patient alice = GatewayApi.newPatient();
        GatewayApi.Patient bob = GatewayApi.newPatient();
        var sealed = new TestPatient(alice.accountId(), alice.device()).seal("lab", "secret".getBytes(StandardCharsets.UTF_8));
        as(alice.token()).body(sealed.body()).post("/api/v1/records").then().statusCode(201);
        String path = "/api/v1/records/" + sealed.recordId();

        assertThat(as(bob.token()).get(path).then().extract().statusCode()).isIn(403, 404);
        assertThat(as(bob.token()).delete(path).then().extract().statusCode()).isIn(403, 404);
        List<String> bobSees = as(bob.token()).get("/api/v1/records").then().statusCode(200).extract().path("items.recordId");
        assertThat(bobSees).doesNotContain(sealed.recordId().toString());
        as(alice.token()).get(path).then().statusCode(200);
    }

    private static JwtClaimsBuilder claims(String accountId) {
        return Jwt.issuer(GatewayTestServices.ISSUER).audience("techo").subject(accountId).groups("patient");
    }

    private static String base64url(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
