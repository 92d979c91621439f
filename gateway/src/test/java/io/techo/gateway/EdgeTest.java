package io.techo.gateway;

import static io.restassured.RestAssured.given;
import static io.techo.gateway.GatewayApi.as;
import static io.techo.gateway.GatewayApi.expectProblem;
import static io.techo.gateway.GatewayApi.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Limits, failures and headers at the edge. */
@QuarkusTest
@QuarkusTestResource(value = GatewayTestServices.class, restrictToAnnotatedClass = false)
class EdgeTest {

    @Test
    void anAccountOverItsRateGets429WithRetryAfter() throws Exception {
        GatewayApi.Patient patient = GatewayApi.newPatient();
        // concurrently, so the burst is spent faster than the bucket refills even on a slow, busy machine
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(16);
        List<Response> responses = new ArrayList<>();
        try {
            List<java.util.concurrent.Future<Response>> sent = new ArrayList<>();
            for (int i = 0; i < 80; i++) {
                sent.add(pool.submit(() -> as(patient.token()).get("/api/v1/records")));
            }
            for (java.util.concurrent.Future<Response> response : sent) {
                responses.add(response.get());
            }
        } finally {
            pool.shutdownNow();
        }
        List<Integer> statuses = responses.stream().map(Response::statusCode).toList();
        Response limited = responses.stream().filter(r -> r.statusCode() == 429).findFirst().orElse(null);
        assertThat(limited).as("statuses %s", statuses).isNotNull();
        limited.then().contentType("application/problem+json").body("type", equalTo("urn:techo:problem:too-many-requests"));
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 60L);
    }

    @Test
    void anOversizeBodyIs413WhetherDeclaredOrStreamed() {
        GatewayApi.Patient patient = GatewayApi.newPatient();
        byte[] huge = new byte[100 * 1024]; // the test profile's limit is 64 KiB
        expectProblem(as(patient.token()).body(huge).post("/api/v1/records").then(), 413, "payload-too-large");
        expectProblem(json().body(huge).post("/api/v1/auth/challenge").then(), 413, "payload-too-large");
        Response streamed = as(patient.token()).body(new ByteArrayInputStream(huge)).post("/api/v1/records");
        assertThat(streamed.statusCode()).isEqualTo(413);
    }

    @Test
    void anUpstreamThatIsDownGives503WithRetryAfterAtOnce() {
        GatewayApi.Patient patient = GatewayApi.newPatient();
        for (int i = 0; i < 8; i++) {
            Instant start = Instant.now();
            Response response = as(patient.token()).get("/api/v1/log/key");
            assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(3));
            response.then().statusCode(503).contentType("application/problem+json")
                    .body("type", equalTo("urn:techo:problem:unavailable")).header("Retry-After", notNullValue());
        }
    }

    @Test
    void theRequestIdIsGeneratedOrKeptAndEchoed() {
        String generated = given().get("/q/health/live").then().statusCode(200).extract().header("X-Request-Id");
        assertThat(generated).isNotBlank();
        GatewayApi.Patient patient = GatewayApi.newPatient();
        as(patient.token()).header("X-Request-Id", "req-123").get("/api/v1/records")
                .then().statusCode(200).header("X-Request-Id", "req-123");
        String replaced = given().header("X-Request-Id", "bad id\twith spaces").get("/q/health/live").then().extract().header("X-Request-Id");
        assertThat(replaced).isNotEqualTo("bad id\twith spaces").isNotBlank();
    }

    @Test
    void corsPreflightIsAllowedOnlyForTheConfiguredOrigin() {
        given().header("Origin", "https://app.example.org").header("Access-Control-Request-Method", "POST")
                .options("/api/v1/records").then()
                .header("Access-Control-Allow-Origin", "https://app.example.org");
        given().header("Origin", "https://evil.example.com").header("Access-Control-Request-Method", "POST")
                .options("/api/v1/records").then()
                .header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void securityHeadersAreOnEveryAnswer() {
        GatewayApi.Patient patient = GatewayApi.newPatient();
        for (Response response : List.of(as(patient.token()).get("/api/v1/records"), given().get("/api/v1/records"),
                json().body(Map.of("accountId", "x")).post("/api/v1/auth/challenge"))) {
            response.then().header("X-Content-Type-Options", "nosniff").header("X-Frame-Options", "DENY")
                    .header("Referrer-Policy", "no-referrer").header("Cache-Control", "no-store")
                    .header("Content-Security-Policy", "frame-ancestors 'none'");
        }
    }

    @Test
    void theWebClientIsServedAtTheRootUnderAStrictContentSecurityPolicy() {
        given().get("/").then().statusCode(200).contentType(org.hamcrest.Matchers.containsString("text/html"))
                .header("Content-Security-Policy", io.techo.gateway.edge.EdgeFilter.APP_CSP)
                .header("X-Frame-Options", "DENY")
                .body(org.hamcrest.Matchers.containsString("<div id=\"app\">"));
        assertThat(io.techo.gateway.edge.EdgeFilter.APP_CSP).contains("script-src 'self'").doesNotContain("unsafe");
    }

    @Test
    void chainLookupsNeedATokenAndGoToTheIostNode() {
        expectProblem(given().get("/api/v1/chain/tx/9Bc9L8fa").then(), 401, "unauthenticated");
        GatewayApi.Patient patient = GatewayApi.newPatient();
        // the test's node address is closed: the lookup was routed, and the node did not answer
        expectProblem(as(patient.token()).get("/api/v1/chain/receipt/9Bc9L8fa").then(), 503, "unavailable");
    }

    @Test
    void theAggregatedOpenApiListsTheRoutedPathsOnly() {
        Map<String, Object> paths = given().get("/openapi").then().statusCode(200).extract().path("paths");
        assertThat(paths).containsKey("/api/v1/records").containsKey("/api/v1/grants")
                .doesNotContainKey("/internal/v1/decisions");
        given().get("/q/swagger-ui/").then().statusCode(200);
    }
}
