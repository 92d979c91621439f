package io.techo.record;

import static io.techo.record.RecordApi.RECORDS;
import static io.techo.record.RecordApi.as;
import static io.techo.record.RecordApi.create;
import static io.techo.record.RecordApi.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.techo.testkit.TestPatient;
import io.techo.testkit.Database;
import io.techo.testkit.ExternalOrContainerInfra;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With the consent-service unreachable, non-owner reads fail closed (503 + Retry-After), owners still read. */
@QuarkusTest
@TestProfile(ConsentUnavailableTest.NoConsentService.class)
class ConsentUnavailableTest {

    @Inject
    Pool pool;

    @Test
    void nonOwnerReadsAreRefusedNeverPermitted() {
        TestPatient owner = new TestPatient();
        TestPatient reader = new TestPatient();
        var sealed = owner.seal("weight", "71 kg".getBytes(StandardCharsets.UTF_8));
        create(owner.token(), sealed.body()).statusCode(201);

        expectProblem(as(reader.token()).get(RECORDS + "/" + sealed.recordId()).then(), 503, "unavailable")
                .header("Retry-After", "2");
        as(owner.token()).get(RECORDS + "/" + sealed.recordId()).then().statusCode(200);
        assertThat(Database.count(pool, "SELECT COUNT(*) FROM access_log WHERE record_id = ?", sealed.recordId().toString())).isZero();
    }

    /** Only the database and Kafka; the consent-service URL points at a closed port. */
    public static class NoConsentService implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("techo.consent.url", "http://127.0.0.1:9");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(ExternalOrContainerInfra.class));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }
}
