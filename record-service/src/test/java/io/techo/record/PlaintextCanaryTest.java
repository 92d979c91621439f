package io.techo.record;

import static io.techo.record.RecordApi.RECORDS;
import static io.techo.record.RecordApi.as;
import static io.techo.record.RecordApi.create;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.techo.common.crypto.Hex;
import io.techo.common.crypto.KeyEnvelopes;
import io.techo.testkit.Database;
import io.techo.testkit.ExternalOrContainerInfra;
import io.techo.testkit.TestPatient;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The zero-knowledge promise, checked where it matters: a marker encrypted on the device must not appear in any
 * column of any table of the service's schema, while the ciphertext that carries it must be found by the same scan.
 */
@QuarkusTest
@QuarkusTestResource(value = ExternalOrContainerInfra.class, restrictToAnnotatedClass = false)
class PlaintextCanaryTest {

    @Inject
    Pool pool;

    @Test
    void encryptedMarkerAppearsNowhereInTheDatabase() {
        TestPatient patient = new TestPatient();
        TestPatient clinician = new TestPatient();
        byte[] marker = ("CANARY-" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        var sealed = patient.seal("notes", marker);
        create(patient.token(), sealed.body()).statusCode(201);
        var envelope = KeyEnvelopes.wrap(sealed.dataKey(), clinician.accountId(), clinician.encryptionPublicKey(), sealed.aad());
        as(patient.token()).body(TestPatient.envelopeJson(envelope)).post(RECORDS + "/" + sealed.recordId() + "/envelopes").then().statusCode(201);

        assertThat(occurrences(sealed.ciphertext())).as("the scan finds the stored ciphertext").isPositive();
        assertThat(occurrences(sealed.dataKey())).as("the data key never reaches the server").isZero();
        assertThat(occurrences(marker)).as("the plaintext never reaches the server").isZero();
    }

    /** How many cells of the schema contain the bytes, across every text and binary column of every table. */
    private long occurrences(byte[] needle) {
        long found = 0;
        for (Row column : Database.query(pool, """
                SELECT table_name, column_name FROM information_schema.columns
                 WHERE table_schema = DATABASE()
                   AND data_type IN ('char','varchar','text','mediumtext','longtext','binary','varbinary','blob','mediumblob','longblob')""")) {
            String sql = "SELECT COUNT(*) FROM `" + column.getString(0) + "` WHERE LOCATE(UNHEX(?), CAST(`" + column.getString(1) + "` AS BINARY)) > 0";
            found += Database.count(pool, sql, Hex.encode(needle));
        }
        return found;
    }
}
