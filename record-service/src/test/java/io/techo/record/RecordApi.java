package io.techo.record;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** The record-service API as a test client uses it. */
final class RecordApi {

    static final String RECORDS = "/api/v1/records";

    private RecordApi() {
    }

    static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    static ValidatableResponse create(String token, Object body) {
        return as(token).body(body).post(RECORDS).then();
    }

    /** Asserts an RFC 9457 problem of the given kind. */
    static ValidatableResponse expectProblem(ValidatableResponse response, int status, String kind) {
        return response.statusCode(status)
                .contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.equalTo("urn:techo:problem:" + kind))
                .body("status", org.hamcrest.Matchers.equalTo(status));
    }
}
