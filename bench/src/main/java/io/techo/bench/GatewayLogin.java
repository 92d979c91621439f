package io.techo.bench;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.techo.testkit.TestDevice;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A device's login at the gateway (docs/protocol.md, "Login"): ask for a challenge, sign it, get an access token. */
record GatewayLogin(String gatewayUrl) {

    /** What the device signs: this line, a newline, then the challenge exactly as received. */
    private static final String ANSWER_DOMAIN = "techo-v1/login";

    String token(String accountId, TestDevice device) {
        String challenge = given().baseUri(gatewayUrl).contentType(ContentType.JSON).body(Map.of("accountId", accountId))
                .post("/api/v1/auth/challenge").then().statusCode(200).extract().path("challenge");
        byte[] answer = (ANSWER_DOMAIN + "\n" + challenge).getBytes(StandardCharsets.UTF_8);
        return given().baseUri(gatewayUrl).contentType(ContentType.JSON)
                .body(Map.of("accountId", accountId, "challenge", challenge, "signature", device.signBase64(answer)))
                .post("/api/v1/auth/token").then().statusCode(200).extract().path("accessToken");
    }
}
