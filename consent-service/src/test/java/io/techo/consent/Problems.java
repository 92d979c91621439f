package io.techo.consent;

import static org.hamcrest.Matchers.equalTo;

import io.restassured.response.ValidatableResponse;

/** Asserts RFC 9457 problems. */
final class Problems {

    private Problems() {
    }

    static ValidatableResponse expectProblem(ValidatableResponse response, int status, String kind) {
        return response.statusCode(status)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:techo:problem:" + kind))
                .body("status", equalTo(status));
    }
}
