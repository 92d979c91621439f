package io.techo.bench;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.techo.common.canonical.RecordHeader;
import io.techo.common.crypto.Digests;
import io.techo.common.crypto.KeyEnvelope;
import io.techo.common.crypto.KeyEnvelopes;
import io.techo.common.crypto.PayloadCipher;
import io.techo.common.crypto.RecordAad;
import io.techo.common.ids.Uuids;
import io.techo.testkit.DirectoryClient;
import io.techo.testkit.TestDevice;
import io.techo.testkit.Tokens;
import java.io.IOException;
import java.net.URI;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.HdrHistogram.Histogram;

/**
 * Consent-checked clinician reads (issue 5 bar: p99 ≤ 20 ms at 1,000 reads/s). Sets up patients, clinicians, 4 KiB
 * encrypted records, grants and envelopes through the real APIs, then reads at a constant arrival rate. Every read
 * goes record-service → consent-service (decision) → access log + outbox event, as in production.
 *
 * <p>Arguments: recordUrl consentUrl rate warmupSeconds measureSeconds reportDirectory
 */
public final class ConsentedReadBenchmark {

    private static final int PATIENTS = 20;
    private static final int CLINICIANS = 20;
    private static final int RECORDS_PER_PATIENT = 5;
    private static final double BAR_P99_MS = 20.0;

    private ConsentedReadBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        String recordUrl = args[0];
        DirectoryClient directory = new DirectoryClient(args[1]);
        int rate = Integer.parseInt(args[2]);
        Duration warmup = Duration.ofSeconds(Long.parseLong(args[3]));
        Duration measure = Duration.ofSeconds(Long.parseLong(args[4]));
        Path reportDirectory = Path.of(args[5]);

        List<Read> reads = setUp(recordUrl, directory);
        System.out.printf("set up %d readable (clinician, record) pairs; reading at %d/s for %s after %s warm-up%n",
                reads.size(), rate, measure, warmup);
        // Vert.x (Netty) client: pooled keep-alive connections on two event loops; the JDK HttpClient funnels all I/O
        // through one selector thread and became the bottleneck itself at a few hundred requests per second.
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
        URI base = URI.create(recordUrl);
        HttpClient http = vertx.createHttpClient(new HttpClientOptions().setDefaultHost(base.getHost()).setDefaultPort(base.getPort())
                .setKeepAlive(true), new PoolOptions().setHttp1MaxSize(256));
        OpenLoop.Result result = OpenLoop.run(rate, warmup, measure, i -> {
            Read read = reads.get((int) (i % reads.size()));
            RequestOptions request = new RequestOptions().setMethod(HttpMethod.GET).setTimeout(10_000)
                    .setURI("/api/v1/records/" + read.recordId() + "?purpose=TREAT")
                    .putHeader("Authorization", "Bearer " + read.token());
            return http.request(request)
                    .compose(req -> req.send().compose(response -> response.body().map(body -> response.statusCode() == 200)))
                    .toCompletionStage().toCompletableFuture();
        });
        vertx.close();
        String report = report(result, rate, warmup);
        System.out.println(report);
        Files.createDirectories(reportDirectory);
        Files.writeString(reportDirectory.resolve("report.md"), report);
        result.latencies().outputPercentileDistribution(new java.io.PrintStream(
                Files.newOutputStream(reportDirectory.resolve("consented-reads.hgrm"))), 1000.0);
    }

    record Read(String recordId, String token) {
    }

    private static List<Read> setUp(String recordUrl, DirectoryClient directory) {
        String operator = Tokens.operator("bench-operator");
        String facility = directory.createFacility(operator, "Bench clinic");
        List<String> clinicianIds = new ArrayList<>();
        List<TestDevice> clinicianDevices = new ArrayList<>();
        for (int c = 0; c < CLINICIANS; c++) {
            TestDevice device = new TestDevice();
            clinicianIds.add(directory.registerClinician(operator, device, "Dr. " + c, facility));
            clinicianDevices.add(device);
        }
        SecureRandom random = new SecureRandom();
        List<Read> reads = new ArrayList<>();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        for (int p = 0; p < PATIENTS; p++) {
            TestDevice patient = new TestDevice();
            String patientId = directory.registerPatient(patient, "Patient " + p);
            String token = patient.token(patientId, "patient");
            int c = p % CLINICIANS;
            directory.as(token).body(DirectoryClient.signedGrant(patient, patientId, clinicianIds.get(c), List.of(), List.of("vitals"),
                    "TREAT", now, now.plus(Duration.ofDays(1)))).post("/api/v1/grants").then().statusCode(201);
            for (int r = 0; r < RECORDS_PER_PATIENT; r++) {
                byte[] payload = new byte[4096 - 28];
                random.nextBytes(payload);
                UUID recordId = Uuids.v7();
                byte[] dataKey = PayloadCipher.newDataKey();
                RecordAad aad = new RecordAad(recordId, 1, patientId, "vitals");
                byte[] ciphertext = PayloadCipher.encrypt(dataKey, aad, payload);
                String sha = Digests.sha256Hex(ciphertext);
                RecordHeader header = new RecordHeader(recordId, 1, patientId, "vitals", sha, patient.signingKeyId());
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("recordId", recordId.toString());
                body.put("category", "vitals");
                body.put("ciphertext", Base64.getEncoder().encodeToString(ciphertext));
                body.put("ciphertextSha256", sha);
                body.put("envelope", envelopeJson(KeyEnvelopes.wrap(dataKey, patientId, patient.encryptionPublicKey(), aad)));
                body.put("signature", patient.signBase64(header.canonicalBytes()));
                given().baseUri(recordUrl).contentType(ContentType.JSON).auth().oauth2(token).body(body).post("/api/v1/records")
                        .then().statusCode(201);
                given().baseUri(recordUrl).contentType(ContentType.JSON).auth().oauth2(token)
                        .body(envelopeJson(KeyEnvelopes.wrap(dataKey, clinicianIds.get(c), clinicianDevices.get(c).encryptionPublicKey(), aad)))
                        .post("/api/v1/records/" + recordId + "/envelopes").then().statusCode(201);
                reads.add(new Read(recordId.toString(), clinicianDevices.get(c).token(clinicianIds.get(c), "clinician")));
            }
        }
        return reads;
    }

    private static Map<String, Object> envelopeJson(KeyEnvelope envelope) {
        Base64.Encoder base64 = Base64.getEncoder();
        return Map.of("suite", envelope.suite(), "recipientId", envelope.recipientId(), "recipientKeyId", envelope.recipientKeyId(),
                "enc", base64.encodeToString(envelope.enc()), "wrappedKey", base64.encodeToString(envelope.wrappedKey()));
    }

    private static String report(OpenLoop.Result result, int rate, Duration warmup) {
        Histogram h = result.latencies();
        double p99 = h.getValueAtPercentile(99) / 1000.0;
        double achieved = (result.sent() - result.failed()) / (double) result.measured().toSeconds();
        return String.join("\n",
                "# Consent-checked clinician reads",
                "",
                "Machine: " + Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("java.version") + "; "
                        + "open-loop at " + rate + " reads/s, " + warmup.toSeconds() + " s warm-up excluded, "
                        + result.measured().toSeconds() + " s measured. Each read: record-service → consent-service decision → "
                        + "access-log row + outbox event → 4 KiB ciphertext and the reader's envelope.",
                "",
                "| metric | value |",
                "|---|---|",
                String.format("| reads sent (measured window) | %d |", result.sent()),
                String.format("| failed (non-200 or error) | %d |", result.failed()),
                String.format("| successful reads/s | %.0f |", achieved),
                String.format("| p50 | %.2f ms |", h.getValueAtPercentile(50) / 1000.0),
                String.format("| p90 | %.2f ms |", h.getValueAtPercentile(90) / 1000.0),
                String.format("| p99 | %.2f ms |", p99),
                String.format("| p99.9 | %.2f ms |", h.getValueAtPercentile(99.9) / 1000.0),
                String.format("| max | %.2f ms |", h.getMaxValue() / 1000.0),
                "",
                String.format("Bar (DESIGN §10, issue 5): p99 ≤ %.0f ms at 1,000 reads/s — **%s** at %d reads/s.", BAR_P99_MS,
                        p99 <= BAR_P99_MS && result.failed() == 0 ? "met" : "not met", rate),
                "");
    }
}
