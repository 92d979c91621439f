package io.techo.gateway;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import io.techo.gateway.auth.LoginChallenges;
import io.techo.testkit.DirectoryClient;
import io.techo.testkit.TestDevice;
import java.util.Base64;
import java.util.Map;
import org.hamcrest.Matchers;

/** The gateway as a client device uses it: register (through the gateway), log in, call the API. */
final class GatewayApi {

    private GatewayApi() {
    }

    /** A registered patient: account id, device and a token from a real login. */
    record Patient(String accountId, TestDevice device, String token) {
    }

    static Patient newPatient() {
        TestDevice device = new TestDevice();
        String accountId = new DirectoryClient(null).registerPatient(device, "Patient " + System.nanoTime());
        return new Patient(accountId, device, login(accountId, device));
    }

    static String challenge(String accountId) {
        return json().body(Map.of("accountId", accountId)).post("/api/v1/auth/challenge")
                .then().statusCode(200).extract().path("challenge");
    }

    static Map<String, Object> answer(String accountId, String challenge, TestDevice device) {
        return Map.of("accountId", accountId, "challenge", challenge,
                "signature", Base64.getEncoder().encodeToString(device.sign(LoginChallenges.answerBytes(challenge))));
    }

    static ValidatableResponse requestToken(Map<String, Object> answer) {
        return json().body(answer).post("/api/v1/auth/token").then();
    }

    static String login(String accountId, TestDevice device) {
        return requestToken(answer(accountId, challenge(accountId), device)).statusCode(200).extract().path("accessToken");
    }

    static RequestSpecification json() {
        return given().contentType(ContentType.JSON);
    }

    static RequestSpecification as(String token) {
        return json().auth().oauth2(token);
    }

    static void expectProblem(ValidatableResponse response, int status, String typeSlug) {
        response.statusCode(status).contentType("application/problem+json")
                .body("type", Matchers.equalTo("urn:techo:problem:" + typeSlug));
    }
}
