package io.techo.record;

import static io.techo.record.RecordApi.RECORDS;
import static io.techo.record.RecordApi.as;
import static io.techo.record.RecordApi.expectProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.techo.testkit.ExternalOrContainerInfra;
import io.techo.testkit.TestPatient;
import org.junit.jupiter.api.Test;

/** What an operator relies on: health with its dependencies, Prometheus metrics, the OpenAPI, the body limit. */
@QuarkusTest
@QuarkusTestResource(value = ExternalOrContainerInfra.class, restrictToAnnotatedClass = false)
class OperationsTest {

    @Test
    void readinessReportsDatabaseAndKafka() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Reactive MySQL connections health check", "SmallRye Reactive Messaging - readiness check"));
    }

    @Test
    void metricsIncludeTheOutboxLag() {
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("techo_outbox_pending"))
                .body(containsString("techo_outbox_oldest_age_seconds"))
                .body(containsString("techo_outbox_published_total"));
    }

    @Test
    void openApiDescribesTheRecordsApi() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/records"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/records/{recordId}/envelopes"));
    }

    @Test
    void bodiesOverTheHttpLimitAreRefusedAsProblems() {
        TestPatient patient = new TestPatient();
        String oversized = "{\"ciphertext\":\"" + "A".repeat(3 * 1024 * 1024) + "\"}";
        expectProblem(as(patient.token()).body(oversized).post(RECORDS).then(), 413, "payload-too-large");
    }
}
