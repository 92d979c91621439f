package io.techo.record;

import static io.techo.record.RecordApi.RECORDS;
import static io.techo.record.RecordApi.as;
import static io.techo.record.RecordApi.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.techo.testkit.Database;
import io.techo.testkit.ExternalOrContainerInfra;
import io.techo.testkit.TestPatient;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = ExternalOrContainerInfra.class, restrictToAnnotatedClass = false)
class IdempotencyKeyTest {

    @Inject
    Pool pool;

    @Test
    void sameKeyAndBodyReplaysTheOriginalResponseAndDifferentBodyIs422() {
        TestPatient patient = new TestPatient();
        var first = patient.seal("weight", "70.1 kg".getBytes(StandardCharsets.UTF_8));
        var second = patient.seal("weight", "70.3 kg".getBytes(StandardCharsets.UTF_8));

        String original = as(patient.token()).header("Idempotency-Key", "k-1").body(first.body()).post(RECORDS).then()
                .statusCode(201).extract().asString();
        String replay = as(patient.token()).header("Idempotency-Key", "k-1").body(first.body()).post(RECORDS).then()
                .statusCode(201).extract().asString();
        assertThat(replay).isEqualTo(original);

        expectProblem(as(patient.token()).header("Idempotency-Key", "k-1").body(second.body()).post(RECORDS).then(),
                422, "idempotency-key-reused");
        expectProblem(as(patient.token()).header("Idempotency-Key", "k".repeat(129)).body(second.body()).post(RECORDS).then(),
                400, "invalid-field");

        // keys are per caller: another patient may use the same key value
        TestPatient other = new TestPatient();
        as(other.token()).header("Idempotency-Key", "k-1").body(other.seal("weight", new byte[] {7}).body()).post(RECORDS).then()
                .statusCode(201);

        assertThat(Database.count(pool, "SELECT COUNT(*) FROM record WHERE owner_id = ?", patient.accountId())).isEqualTo(1);
        assertThat(Database.count(pool, "SELECT COUNT(*) FROM outbox_event WHERE event_key = ?", patient.accountId())).isEqualTo(1);
    }
}
