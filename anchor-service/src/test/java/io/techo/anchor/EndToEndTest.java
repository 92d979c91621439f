package io.techo.anchor;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.techo.common.crypto.Digests;
import io.techo.common.events.AnchorConfirmed;
import io.techo.common.events.CloudEventsKafka;
import io.techo.common.events.EventJson;
import io.techo.common.events.EventTypes;
import io.techo.common.ids.RequestIds;
import io.techo.common.log.NoteVerifier;
import io.techo.iost.IostClient;
import io.techo.testkit.ExternalOrContainerInfra;
import io.techo.testkit.ServiceProcess;
import io.techo.testkit.TestPatient;
import io.techo.testkit.Tokens;
import io.techo.testkit.TopicReader;
import io.techo.testkit.TraceContexts;
import io.techo.verify.ChainSource;
import io.techo.verify.ConfirmationVerifier;
import io.techo.verify.VerificationReport;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole anchoring journey with the real record-service (its packaged jar, as a process): a patient stores
 * encrypted records → confirmations arrive on techo.anchors.v1 → each verifies with the standalone verifier against
 * the ciphertext the patient holds → record-service shows IRREVERSIBLE and serves the same proof.
 */
@QuarkusTest
@QuarkusTestResource(value = ExternalOrContainerInfra.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = DevnetResource.class, restrictToAnnotatedClass = false)
class EndToEndTest {

    @Inject
    InMemorySpanExporter spans;

    private static ServiceProcess recordService;

    @BeforeAll
    static void startRecordService() {
        recordService = new ServiceProcess("record-service", Map.of(
                "DB_REACTIVE_URL", "mysql://127.0.0.1:3306/techo_record_it",
                "DB_JDBC_URL", "jdbc:mariadb://127.0.0.1:3306/techo_record_it",
                "TECHO_JWT_PUBLIC_KEY", ServiceProcess.resource("/test-only-jwt-verify-key.pem"),
                "TECHO_JWT_ISSUER", Tokens.ISSUER,
                "QUARKUS_FLYWAY_CLEAN_AT_START", "true",
                "QUARKUS_FLYWAY_CLEAN_DISABLED", "false",
                "QUARKUS_OTEL_SDK_DISABLED", "false")).start();
    }

    @AfterAll
    static void stopRecordService() {
        recordService.stop();
    }

    @Test
    void storedRecordsAreConfirmedVerifiedAndShownIrreversible() {
        TestPatient patient = new TestPatient();
        Map<String, byte[]> ciphertexts = new HashMap<>();
        for (int i = 0; i < 5; i++) {
            var sealed = patient.seal("glucose", ("5." + i + " mmol/L").getBytes(StandardCharsets.UTF_8));
            given().baseUri(recordService.url()).auth().oauth2(patient.token()).contentType(ContentType.JSON)
                    .body(sealed.body()).post("/api/v1/records").then().statusCode(201);
            ciphertexts.put(sealed.recordId().toString(), sealed.ciphertext());
        }

        var confirmations = TopicReader.recordsWithKey(EventTypes.ANCHORS_TOPIC, patient.accountId(),
                        found -> confirmed(found).size() >= ciphertexts.size(), Duration.ofSeconds(60));
        List<AnchorConfirmed> confirmed = confirmed(confirmations);
        assertThat(confirmed).extracting(AnchorConfirmed::subject).containsExactlyInAnyOrderElementsOf(ciphertexts.keySet());

        String logKey = given().get("/api/v1/log/key").then().statusCode(200).extract().path("verifierKey");
        ConfirmationVerifier verifier = new ConfirmationVerifier(NoteVerifier.fromVerifierKey(logKey));
        ChainSource chain = ChainSource.node(new IostClient(DevnetResource.devnet().uri()));
        for (AnchorConfirmed confirmation : confirmed) {
            String ciphertextSha256 = Digests.sha256Hex(ciphertexts.get(confirmation.subject()));
            VerificationReport report = verifier.verify(confirmation, ciphertextSha256, chain);
            assertThat(report.passed()).as(report.toText()).isTrue();

            awaitIrreversible(patient, confirmation.subject());
            String proof = given().baseUri(recordService.url()).auth().oauth2(patient.token())
                    .get("/api/v1/records/{id}/proof", confirmation.subject()).then().statusCode(200)
                    .extract().asString();
            assertThat(EventJson.read(proof, AnchorConfirmed.class)).isEqualTo(confirmation);
        }
    }

    @Test
    void aRequestsCorrelationIdAndTraceReachTheLog() {
        TestPatient patient = new TestPatient();
        var sealed = patient.seal("glucose", "6.1 mmol/L".getBytes(StandardCharsets.UTF_8));
        String requestId = "req-" + UUID.randomUUID();
        String callerTrace = TraceContexts.newTraceparent();
        String traceId = TraceContexts.traceId(callerTrace);

        given().baseUri(recordService.url()).auth().oauth2(patient.token()).contentType(ContentType.JSON)
                .header(RequestIds.HEADER, requestId).header("traceparent", callerTrace)
                .body(sealed.body()).post("/api/v1/records").then().statusCode(201);

        var event = TopicReader.recordsWithKey(EventTypes.RECORDS_TOPIC, patient.accountId(), r -> !r.isEmpty(),
                Duration.ofSeconds(30)).get(0);
        assertThat(TopicReader.header(event, RequestIds.KAFKA_HEADER)).isEqualTo(requestId);
        assertThat(TraceContexts.traceId(TopicReader.header(event, "traceparent"))).isEqualTo(traceId);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(spans.getFinishedSpanItems())
                .filteredOn(span -> span.getKind() == SpanKind.CONSUMER && span.getTraceId().equals(traceId))
                .isNotEmpty());
    }

    private static List<AnchorConfirmed> confirmed(List<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>> records) {
        return records.stream()
                .filter(r -> EventTypes.ANCHOR_CONFIRMED.equals(TopicReader.header(r, CloudEventsKafka.H_TYPE)))
                .map(r -> EventJson.read(r.value(), AnchorConfirmed.class))
                .filter(c -> EventTypes.RECORD_STORED.equals(c.logEventType()))
                .toList();
    }

    private static void awaitIrreversible(TestPatient patient, String recordId) {
        Instant deadline = Instant.now().plusSeconds(30);
        String status = null;
        while (Instant.now().isBefore(deadline)) {
            status = given().baseUri(recordService.url()).auth().oauth2(patient.token())
                    .get("/api/v1/records/{id}", recordId).then().statusCode(200).extract().path("anchor.status");
            if ("IRREVERSIBLE".equals(status)) {
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new AssertionError("record " + recordId + " shows anchor status " + status + ", not IRREVERSIBLE");
    }
}
