package io.techo.testkit;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.techo.common.crypto.Hpke;
import io.techo.common.crypto.KeyIds;
import io.techo.common.protocol.GrantObject;
import io.techo.common.protocol.RegistrationObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import io.techo.common.ids.Uuids;

/**
 * The consent-service as a client device uses it: registering with proof of possession, and signing grants.
 *
 * @param baseUri the consent-service base URI, or null for REST Assured's default (inside its own @QuarkusTest)
 */
public record DirectoryClient(String baseUri) {

    private RequestSpecification request() {
        RequestSpecification spec = given().contentType(ContentType.JSON);
        return baseUri == null ? spec : spec.baseUri(baseUri);
    }

    /** A request without a token, as a device that is not registered yet sends it. */
    public RequestSpecification anonymous() {
        return request();
    }

    public RequestSpecification as(String token) {
        return request().auth().oauth2(token);
    }

    /** Registers a patient with the device's keys; returns the account id. */
    public String registerPatient(TestDevice device, String displayName) {
        return register(request(), device, "/api/v1/registrations", displayName, null);
    }

    /** Registers a clinician of a facility, as an operator does; returns the account id. */
    public String registerClinician(String operatorToken, TestDevice device, String displayName, String facilityId) {
        return register(as(operatorToken), device, "/api/v1/clinician-registrations", displayName, facilityId);
    }

    public String createFacility(String operatorToken, String displayName) {
        return as(operatorToken).body(Map.of("displayName", displayName)).post("/api/v1/facilities").then()
                .statusCode(201).extract().path("id");
    }

    /** Starts a registration; the caller decides what to send back. */
    public JsonPath startRegistration(RequestSpecification spec, TestDevice device, String path, String displayName, String facilityId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("displayName", displayName);
        if (facilityId != null) {
            body.put("facilityId", facilityId);
        }
        body.put("signingKey", Base64.getEncoder().encodeToString(device.signingPublicKey()));
        body.put("encryptionKey", Base64.getEncoder().encodeToString(device.encryptionPublicKey()));
        return spec.body(body).post(path).then().statusCode(201).extract().jsonPath();
    }

    /** Opens the sealed challenge with the device's X25519 key, as only the key holder can. */
    public static byte[] openChallenge(TestDevice device, JsonPath challenge) {
        return Hpke.open(device.encryptionPrivateKey(), Base64.getDecoder().decode(challenge.getString("enc")),
                "techo-v1/registration".getBytes(StandardCharsets.US_ASCII),
                challenge.getString("registrationId").getBytes(StandardCharsets.US_ASCII),
                Base64.getDecoder().decode(challenge.getString("sealedChallenge")));
    }

    /** The confirmation body: the challenge and the signature over the registration object. */
    public static Map<String, Object> confirmation(TestDevice signer, TestDevice registered, JsonPath challenge, byte[] answer) {
        RegistrationObject signed = new RegistrationObject(UUID.fromString(challenge.getString("registrationId")),
                challenge.getString("accountId"), registered.signingKeyId(), registered.encryptionKeyId(), answer);
        return Map.of("challenge", Base64.getEncoder().encodeToString(answer), "signature", signer.signBase64(signed.canonicalBytes()));
    }

    private String register(RequestSpecification spec, TestDevice device, String path, String displayName, String facilityId) {
        JsonPath challenge = startRegistration(spec, device, path, displayName, facilityId);
        byte[] answer = openChallenge(device, challenge);
        return request().body(confirmation(device, device, challenge, answer))
                .post("/api/v1/registrations/" + challenge.getString("registrationId") + "/confirmation")
                .then().statusCode(201).extract().path("id");
    }

    /** A grant body signed by the patient's device. */
    public static Map<String, Object> signedGrant(TestDevice patientDevice, String patientId, String granteeId, List<String> recordIds,
            List<String> categories, String purpose, Instant notBefore, Instant notAfter) {
        UUID grantId = Uuids.v7();
        GrantObject grant = new GrantObject(grantId, patientId, granteeId, recordIds, categories, purpose, notBefore, notAfter,
                KeyIds.of(patientDevice.signingPublicKey()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("grantId", grantId.toString());
        body.put("granteeId", granteeId);
        body.put("scope", Map.of("recordIds", recordIds, "categories", categories));
        body.put("purpose", purpose);
        body.put("notBefore", notBefore.toString());
        body.put("notAfter", notAfter.toString());
        body.put("signerKeyId", grant.signerKeyId());
        body.put("signature", patientDevice.signBase64(grant.canonicalBytes()));
        return body;
    }
}
