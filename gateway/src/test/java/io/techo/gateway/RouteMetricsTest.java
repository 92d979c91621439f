package io.techo.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The gateway's request metrics are per route, not per path: two reads of different records are one time series,
 * and no record id becomes a tag value.
 */
@QuarkusTest
@QuarkusTestResource(value = GatewayTestServices.class, restrictToAnnotatedClass = false)
class RouteMetricsTest {

    private static final Pattern RECORDS_401 = Pattern.compile(
            "http_server_requests_seconds_count\\{[^}]*status=\"401\"[^}]*uri=\"/api/v1/records/\\*\"[^}]*} ([0-9.]+)");

    @Test
    void readsOfDifferentRecordsAreCountedUnderTheirRoute() {
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        double before = recordReadsRefused(metrics());

        given().get("/api/v1/records/" + first).then().statusCode(401);
        given().get("/api/v1/records/" + second).then().statusCode(401);
        given().get("/api/v1/records").then().statusCode(401);

        String metrics = metrics();
        assertThat(recordReadsRefused(metrics)).isEqualTo(before + 2);
        assertThat(metrics).contains("uri=\"/api/v1/records\"").doesNotContain(first).doesNotContain(second);
    }

    private static String metrics() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    private static double recordReadsRefused(String metrics) {
        Matcher count = RECORDS_401.matcher(metrics);
        return count.find() ? Double.parseDouble(count.group(1)) : 0;
    }
}
