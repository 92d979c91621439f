package io.techo.record;

import static io.techo.record.RecordApi.RECORDS;
import static io.techo.record.RecordApi.as;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.techo.common.canonical.RecordHeader;
import io.techo.common.crypto.Digests;
import io.techo.testkit.Database;
import io.techo.testkit.ExternalOrContainerInfra;
import io.techo.testkit.TestPatient;
import io.techo.testkit.TestPatient.SealedRecord;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * New records are stored by group commit (ADR 0012): concurrent POSTs share transactions. Each must still be answered
 * as if it were alone — stored with its envelope and its event, or, for a repeat or a conflict, the answer the
 * one-at-a-time path gives — and one request's duplicate must not fail the others in its batch.
 */
@QuarkusTest
@QuarkusTestResource(value = ExternalOrContainerInfra.class, restrictToAnnotatedClass = false)
class GroupCommitIngestTest {

    private static final ExecutorService CLIENTS = Executors.newFixedThreadPool(24);

    @Inject
    Pool pool;

    @AfterAll
    static void stopClients() {
        CLIENTS.shutdownNow();
    }

    @Test
    void concurrentPostsAreEachStoredWithTheirEnvelopeAndEvent() throws Exception {
        TestPatient patient = new TestPatient();
        List<SealedRecord> sealed = IntStream.range(0, 60).mapToObj(i -> patient.seal("weight", ("7" + i + " kg").getBytes(StandardCharsets.UTF_8))).toList();

        List<Response> answers = concurrently(sealed.stream().<Callable<Response>>map(record -> () -> post(patient, record.body(), null)).toList());

        assertThat(answers).extracting(Response::statusCode).containsOnly(201);
        assertThat(answers).extracting(answer -> answer.jsonPath().getString("recordId"))
                .containsExactlyInAnyOrderElementsOf(sealed.stream().map(record -> record.recordId().toString()).toList());
        assertThat(Database.count(pool, "SELECT COUNT(*) FROM record WHERE owner_id = ?", patient.accountId())).isEqualTo(60);
        assertThat(Database.count(pool, "SELECT COUNT(*) FROM key_envelope e JOIN record r ON r.id = e.record_id "
                + "WHERE r.owner_id = ? AND e.recipient_id = ?", patient.accountId(), patient.accountId())).isEqualTo(60);
        assertThat(Database.count(pool, "SELECT COUNT(*) FROM record r JOIN outbox_event o ON o.event_id = r.stored_event_id "
                + "WHERE r.owner_id = ? AND o.subject = r.id AND o.event_type = 'techo.record.stored'", patient.accountId())).isEqualTo(60);
    }

    @Test
    void theSameRecordPostedConcurrentlyIsStoredOnceAndTheOthersAreRepeats() throws Exception {
        TestPatient patient = new TestPatient();
        SealedRecord record = patient.seal("weight", "71.0 kg".getBytes(StandardCharsets.UTF_8));

        List<Response> answers = concurrently(Collections.nCopies(12, () -> post(patient, record.body(), null)));

        assertThat(answers).extracting(Response::statusCode).containsOnly(201, 200).containsOnlyOnce(201);
        assertThat(answers).extracting(answer -> answer.jsonPath().getString("recordId")).containsOnly(record.recordId().toString());
        assertThat(Database.count(pool, "SELECT COUNT(*) FROM record WHERE owner_id = ?", patient.accountId())).isEqualTo(1);
        assertThat(Database.count(pool, "SELECT COUNT(*) FROM outbox_event WHERE event_key = ?", patient.accountId())).isEqualTo(1);
    }

    @Test
    void aConflictFailsAloneWhileTheRestOfItsBatchCommits() throws Exception {
        TestPatient patient = new TestPatient();
        SealedRecord first = patient.seal("weight", "72.0 kg".getBytes(StandardCharsets.UTF_8));
        post(patient, first.body(), null).then().statusCode(201);
        Map<String, Object> conflicting = sameIdOtherContent(patient, first);
        List<SealedRecord> fresh = IntStream.range(0, 30).mapToObj(i -> patient.seal("pulse", ("6" + i).getBytes(StandardCharsets.UTF_8))).toList();

        List<Callable<Response>> calls = new ArrayList<>();
        fresh.forEach(record -> calls.add(() -> post(patient, record.body(), null)));
        IntStream.range(0, 6).forEach(i -> calls.add(() -> post(patient, conflicting, null)));
        List<Response> answers = concurrently(calls);

        assertThat(answers.subList(0, 30)).extracting(Response::statusCode).containsOnly(201);
        assertThat(answers.subList(30, 36)).allSatisfy(answer -> {
            assertThat(answer.statusCode()).isEqualTo(409);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.jsonPath().getString("detail")).contains("different content");
        });
        assertThat(Database.count(pool, "SELECT COUNT(*) FROM record WHERE owner_id = ?", patient.accountId())).isEqualTo(31);
        assertThat(Database.count(pool, "SELECT COUNT(*) FROM outbox_event WHERE event_key = ?", patient.accountId())).isEqualTo(31);
        assertThat(Database.count(pool, "SELECT COUNT(*) FROM record WHERE id = ? AND ciphertext_sha256 = ?",
                first.recordId().toString(), Digests.sha256Hex(first.ciphertext()))).isEqualTo(1);
    }

    @Test
    void anIdempotentRequestRepeatedConcurrentlyGetsTheOneRememberedResponse() throws Exception {
        TestPatient patient = new TestPatient();
        SealedRecord record = patient.seal("weight", "73.0 kg".getBytes(StandardCharsets.UTF_8));

        List<Response> answers = concurrently(Collections.nCopies(10, () -> post(patient, record.body(), "same-key")));

        assertThat(answers).extracting(Response::statusCode).containsOnly(201);
        assertThat(answers).extracting(Response::asString).containsOnly(answers.get(0).asString());
        assertThat(Database.count(pool, "SELECT COUNT(*) FROM record WHERE owner_id = ?", patient.accountId())).isEqualTo(1);
        assertThat(Database.count(pool, "SELECT COUNT(*) FROM idempotency_key WHERE caller_id = ?", patient.accountId())).isEqualTo(1);
    }

    /** The first record's id and version, other ciphertext, validly signed: a conflict, not a bad signature. */
    private static Map<String, Object> sameIdOtherContent(TestPatient patient, SealedRecord first) {
        SealedRecord other = patient.seal("weight", "99.9 kg".getBytes(StandardCharsets.UTF_8));
        RecordHeader header = new RecordHeader(first.recordId(), 1, patient.accountId(), "weight",
                Digests.sha256Hex(other.ciphertext()), patient.signerKeyId());
        Map<String, Object> body = new LinkedHashMap<>(other.body());
        body.put("recordId", first.recordId().toString());
        body.put("signature", patient.sign(header));
        return body;
    }

    private static Response post(TestPatient patient, Map<String, Object> body, String idempotencyKey) {
        var request = as(patient.token()).body(body);
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return request.post(RECORDS);
    }

    /** Starts every call at once (as far as the pool allows) and returns their answers in the calls' order. */
    private static List<Response> concurrently(List<Callable<Response>> calls) throws Exception {
        List<Future<Response>> futures = CLIENTS.invokeAll(calls);
        List<Response> answers = new ArrayList<>();
        for (Future<Response> future : futures) {
            answers.add(future.get());
        }
        return answers;
    }
}
