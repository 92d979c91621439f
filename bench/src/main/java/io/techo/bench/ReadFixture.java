package io.techo.bench;

import io.techo.common.crypto.KeyEnvelopes;
import io.techo.testkit.DirectoryClient;
import io.techo.testkit.TestPatient;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * What consent-checked reads need, made through the real APIs: each patient grants one clinician TREAT access to the
 * category, stores records and wraps each record's key for that clinician too. Every read of a pair then goes
 * gateway → record-service → consent-service decision → access-log row and outbox event → ciphertext and envelope.
 */
final class ReadFixture {

    /** A record and the token of a clinician allowed to read it. */
    record Read(String recordId, String clinicianToken) {

        /** The consent-checked read: GET the record for treatment as the clinician; true when it answered 200. */
        CompletableFuture<Boolean> send(HttpLoad http) {
            return http.get("/api/v1/records/" + recordId + "?purpose=TREAT", clinicianToken, 200);
        }
    }

    private ReadFixture() {
    }

    static List<Read> create(String gatewayUrl, Population population, int recordsPerPatient) {
        DirectoryClient api = new DirectoryClient(gatewayUrl);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        byte[] plaintext = new byte[SealedRecords.PLAINTEXT_BYTES];
        List<Read> reads = new ArrayList<>();
        List<Population.Party> patients = population.patients();
        for (int p = 0; p < patients.size(); p++) {
            Population.Party patient = patients.get(p);
            Population.Party clinician = population.clinicians().get(p % population.clinicians().size());
            Retry.setUp("granting a clinician", () -> api.as(patient.token())
                    .body(DirectoryClient.signedGrant(patient.device(), patient.accountId(), clinician.accountId(), List.of(),
                            List.of(SealedRecords.CATEGORY), "TREAT", now.minus(Duration.ofMinutes(1)), now.plus(Duration.ofDays(1))))
                    .post("/api/v1/grants").then().statusCode(201));
            TestPatient device = new TestPatient(patient.accountId(), patient.device());
            for (int r = 0; r < recordsPerPatient; r++) {
                reads.add(Retry.setUp("storing a readable record", () -> {
                    TestPatient.SealedRecord sealed = device.seal(SealedRecords.CATEGORY, plaintext);
                    api.as(patient.token()).body(sealed.body()).post("/api/v1/records").then().statusCode(201);
                    api.as(patient.token()).body(TestPatient.envelopeJson(KeyEnvelopes.wrap(sealed.dataKey(), clinician.accountId(),
                            clinician.device().encryptionPublicKey(), sealed.aad())))
                            .post("/api/v1/records/" + sealed.recordId() + "/envelopes").then().statusCode(201);
                    return new Read(sealed.recordId().toString(), clinician.token());
                }));
            }
        }
        return reads;
    }
}
