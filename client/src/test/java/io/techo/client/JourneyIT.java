package io.techo.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.techo.client.CliRunner.Run;
import io.techo.client.keystore.DeviceKeys;
import io.techo.client.keystore.TestKeys;
import io.techo.common.crypto.KeyEnvelope;
import io.techo.common.crypto.RecordAad;
import io.techo.common.events.AnchorConfirmed;
import io.techo.common.events.EventJson;
import io.techo.common.events.EventTypes;
import io.techo.testkit.ExternalOrContainerInfra;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole journey through the gateway with the {@code techo} CLI, against the real services: an operator registers
 * a facility and a clinician; a patient stores records, shares a category, the clinician reads and decrypts exactly
 * those (and one stored later), the patient revokes and the clinician is denied at once, the access log shows it all,
 * a record's anchor verifies from the chain, the export is a FHIR Bundle, an erased record is gone. Then nothing the
 * server side keeps — any table, any message — holds a plaintext, a data key or a private key.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JourneyIT {

    private static final String PASSPHRASE = "correct horse battery staple";
    private static final String OPERATOR_ID = "operator-cli-it";
    private static final String MARKER = "PLAINTEXT-MARKER-" + UUID.randomUUID();

    @TempDir
    static Path work;
    private static ClientTestServices services;
    private static CliRunner techo;
    private static Path operator;
    private static Path clinician;
    private static Path patient;
    /** Every plaintext stored in the journey, by record id. */
    private static final Map<UUID, byte[]> plaintexts = new LinkedHashMap<>();

    @BeforeAll
    static void startTheSystem() {
        Assumptions.assumeTrue(ExternalOrContainerInfra.usesLocalServices(),
                "the services run as processes against the local MariaDB (deploy/local/test.sh, TECHO_TEST_INFRA=external)");
        operator = work.resolve("operator");
        clinician = work.resolve("clinician");
        patient = work.resolve("patient");
        CliRunner offline = new CliRunner(Map.of("TECHO_PASSPHRASE", PASSPHRASE));
        succeeds(offline.as(operator, "keys", "init"));
        String operatorEntry = succeeds(offline.as(operator, "operator", "enroll", OPERATOR_ID)).out().trim();
        services = new ClientTestServices(operatorEntry);
        techo = offline.with("TECHO_GATEWAY", services.gatewayUrl()).with("TECHO_IOST_URL", services.iostUrl());
    }

    @AfterAll
    static void stopTheSystem() {
        if (services != null) {
            services.close();
        }
    }

    @Test
    @Order(1)
    void theWholeJourneyThroughTheGateway() throws IOException {
        // the operator registers a facility and, with the keys the clinician made on their own device, the clinician
        succeeds(techo.as(operator, "login"));
        String facilityId = json(succeeds(techo.as(operator, "--json", "operator", "facility", "add", "--name", "Osaka Clinic")))
                .path("facilityId").asText();
        succeeds(techo.as(clinician, "keys", "init"));
        Path clinicianKeys = work.resolve("clinician-keys.json");
        Files.writeString(clinicianKeys, succeeds(techo.as(clinician, "--json", "keys", "show")).out());
        Path ticket = work.resolve("ticket.json");
        succeeds(techo.as(operator, "operator", "clinician", "add", "--facility", facilityId, "--name", "Dr. Sato",
                "--keys", clinicianKeys.toString(), "-o", ticket.toString()));
        String clinicianId = json(succeeds(techo.as(clinician, "--json", "register", "--ticket", ticket.toString()))).path("accountId").asText();
        assertThat(json(succeeds(techo.as(clinician, "--json", "login"))).path("role").asText()).isEqualTo("clinician");
        assertThat(succeeds(techo.as(clinician, "whoami")).out().trim()).isEqualTo(clinicianId);

        // the patient makes keys, registers, logs in and stores three records in two categories
        succeeds(techo.as(patient, "keys", "init"));
        String patientId = json(succeeds(techo.as(patient, "--json", "register", "--name", "Hanako Yamada"))).path("accountId").asText();
        assertThat(succeeds(techo.as(patient, "login")).out()).contains("patient " + patientId);
        tokenIsRefreshedBeforeItExpires();
        Path bp1 = file("bp-1.json", ("{\"resourceType\":\"Observation\",\"status\":\"final\",\"code\":{\"text\":\"Blood pressure\"},"
                + "\"valueString\":\"128/82 " + MARKER + "-1\"}").getBytes(StandardCharsets.UTF_8));
        Path bp2 = file("bp-2.txt", ("systolic 131, diastolic 85 " + MARKER + "-2").getBytes(StandardCharsets.UTF_8));
        byte[] scan = new byte[4096];
        new SecureRandom().nextBytes(scan);
        System.arraycopy((MARKER + "-3").getBytes(StandardCharsets.UTF_8), 0, scan, 100, MARKER.length() + 2);
        Path allergy = file("allergy-scan.bin", scan);
        List<UUID> bloodPressure = ids(json(succeeds(techo.as(patient, "--json", "put", bp1.toString(), bp2.toString(), "--category", "blood-pressure"))));
        UUID allergyRecord = ids(json(succeeds(techo.as(patient, "--json", "put", allergy.toString(), "-c", "allergy")))).get(0);
        remember(bloodPressure.get(0), bp1);
        remember(bloodPressure.get(1), bp2);
        remember(allergyRecord, allergy);

        JsonNode listed = json(succeeds(techo.as(patient, "--json", "ls")));
        assertThat(listed).hasSize(3);
        assertThat(succeeds(techo.as(patient, "ls", "--category", "allergy")).out()).contains(allergyRecord.toString())
                .doesNotContain(bloodPressure.get(0).toString());
        for (UUID id : plaintexts.keySet()) {
            assertThat(download(patient, id)).isEqualTo(plaintexts.get(id));
        }

        // the clinician cannot read before the patient shares
        Run before = techo.as(clinician, "get", bloodPressure.get(0).toString(), "-o", work.resolve("early").toString());
        assertThat(before.exitCode()).as(before.toString()).isEqualTo(1);
        assertThat(before.err()).contains("access denied").contains("consent-denied");

        // the patient shares blood-pressure; the clinician sees and decrypts exactly those
        String until = LocalDate.now(ZoneOffset.UTC).plusDays(30).toString();
        JsonNode shared = json(succeeds(techo.as(patient, "--json", "share", "--with", clinicianId, "--category", "blood-pressure",
                "--purpose", "TREAT", "--until", until)));
        String grantId = shared.path("grant").path("grantId").asText();
        assertThat(shared.path("wrappedRecords")).hasSize(2);
        assertThat(ids(json(succeeds(techo.as(clinician, "--json", "ls"))))).containsExactlyInAnyOrderElementsOf(bloodPressure);
        for (UUID id : bloodPressure) {
            assertThat(download(clinician, id)).isEqualTo(plaintexts.get(id));
        }
        Run notShared = techo.as(clinician, "get", allergyRecord.toString(), "-o", work.resolve("not-shared").toString());
        assertThat(notShared.exitCode()).as(notShared.toString()).isEqualTo(1);

        // a record stored later in the shared category is wrapped for the clinician by the SDK
        Path bp3 = file("bp-3.txt", ("systolic 122, diastolic 79 " + MARKER + "-4").getBytes(StandardCharsets.UTF_8));
        UUID later = ids(json(succeeds(techo.as(patient, "--json", "put", bp3.toString(), "-c", "blood-pressure")))).get(0);
        remember(later, bp3);
        assertThat(ids(json(succeeds(techo.as(clinician, "--json", "ls"))))).contains(later);
        assertThat(download(clinician, later)).isEqualTo(plaintexts.get(later));
        assertThat(json(succeeds(techo.as(clinician, "--json", "grants"))).get(0).path("grantId").asText()).isEqualTo(grantId);

        // the patient revokes: the clinician's very next read is denied
        assertThat(succeeds(techo.as(patient, "revoke", grantId)).out()).contains("cannot be recalled");
        Run denied = techo.as(clinician, "get", later.toString(), "-o", work.resolve("after-revoke").toString());
        assertThat(denied.exitCode()).as(denied.toString()).isEqualTo(1);
        assertThat(denied.err()).contains("access denied").contains("GRANT_REVOKED");
        assertThat(json(succeeds(techo.as(patient, "--json", "grants"))).get(0).path("status").asText()).isEqualTo("REVOKED");

        // the access log shows every read by the clinician, permitted and denied
        JsonNode log = json(succeeds(techo.as(patient, "--json", "access-log")));
        List<String> decisions = new ArrayList<>();
        log.forEach(entry -> {
            assertThat(entry.path("accessorId").asText()).isEqualTo(clinicianId);
            decisions.add(entry.path("decision").asText() + " " + entry.path("recordId").asText());
        });
        assertThat(decisions).contains("PERMIT " + bloodPressure.get(0), "PERMIT " + bloodPressure.get(1), "PERMIT " + later,
                "DENY " + later, "DENY " + allergyRecord, "DENY " + bloodPressure.get(0));

        // the anchor becomes IRREVERSIBLE and the record's existence verifies from the chain
        Run verified = techo.as(patient, "verify", bloodPressure.get(0).toString(), "--wait", "60s");
        assertThat(verified.exitCode()).as(verified.toString()).isZero();
        assertThat(verified.out()).contains("VERIFIED").contains("PASS    chain");
        assertThat(verified.err()).contains("pinned the log key");
        for (UUID id : plaintexts.keySet()) {
            succeeds(techo.as(patient, "verify", id.toString(), "--wait", "60s"));
        }

        // the export is a FHIR R4 Bundle of the decrypted records with their proofs
        Path bundleFile = work.resolve("export.json");
        assertThat(json(succeeds(techo.as(patient, "--json", "export", "-o", bundleFile.toString()))).path("withProof").asInt()).isEqualTo(4);
        checkBundle(GatewayHttp.JSON.readTree(bundleFile.toFile()));

        // erasing a record: it is gone, and so is its proof
        succeeds(techo.as(patient, "erase", allergyRecord.toString()));
        Run gone = techo.as(patient, "get", allergyRecord.toString(), "-o", work.resolve("erased").toString());
        assertThat(gone.exitCode()).as(gone.toString()).isEqualTo(1);
        assertThat(gone.err()).contains("gone").contains("erased");
        assertThat(techo.as(patient, "verify", allergyRecord.toString()).exitCode()).isEqualTo(1);
        assertThat(ids(json(succeeds(techo.as(patient, "--json", "ls"))))).doesNotContain(allergyRecord).hasSize(3);
    }

    @Test
    @Order(2)
    void nothingTheServerKeepsHoldsAPlaintextADataKeyOrAPrivateKey() throws Exception {
        assertThat(plaintexts).as("the journey ran first").hasSize(4);
        SecretScan secrets = new SecretScan();
        secrets.add("marker", MARKER.getBytes(StandardCharsets.UTF_8));
        plaintexts.forEach((id, plaintext) -> secrets.add("plaintext of " + id, plaintext));
        for (Path profile : List.of(patient, clinician, operator)) {
            DeviceKeys keys = new Profile(profile).unlock(PASSPHRASE.toCharArray());
            List<byte[]> privateKeys = TestKeys.privateKeysOf(keys);
            secrets.add("signing private key of " + profile.getFileName(), privateKeys.get(0));
            secrets.add("encryption private key of " + profile.getFileName(), privateKeys.get(1));
        }
        int dataKeys = 0;
        for (UUID id : plaintexts.keySet()) {
            byte[] dataKey = dataKeyOf(id);
            if (dataKey != null) {
                secrets.add("data key of " + id, dataKey);
                dataKeys++;
            }
        }
        assertThat(dataKeys).as("data keys of the records not erased").isEqualTo(3);

        List<String> topics = new ArrayList<>();
        for (String topic : List.of(EventTypes.RECORDS_TOPIC, EventTypes.CONSENTS_TOPIC, EventTypes.ACCESS_TOPIC, EventTypes.ANCHORS_TOPIC)) {
            topics.add(topic);
            topics.add(topic + EventTypes.DEAD_LETTER_SUFFIX);
        }
        String bootstrap = services.kafkaBootstrap();
        assertThat(secrets.scanDatabases(ClientTestServices.DATABASES)).isEmpty();
        assertThat(secrets.scanTopics(bootstrap, topics)).isEmpty();

        // the scan does find what is there: the patient's account id is in tables and messages
        SecretScan control = new SecretScan();
        control.add("patient account id", new Profile(patient).accountId().orElseThrow().getBytes(StandardCharsets.UTF_8));
        assertThat(control.scanDatabases(ClientTestServices.DATABASES)).isNotEmpty();
        assertThat(control.scanTopics(bootstrap, topics)).isNotEmpty();
        assertThat(secrets.cellsScanned()).isGreaterThan(100);
        assertThat(secrets.messagesScanned()).isGreaterThan(10);
    }

    /** A token within a minute of its expiry is not used: the next command logs in again by itself. */
    private static void tokenIsRefreshedBeforeItExpires() {
        Profile profile = new Profile(patient);
        Session current = profile.session().orElseThrow();
        Session expiring = new Session(current.accountId(), current.role(), current.accessToken(), Instant.now().plusSeconds(30));
        profile.saveSession(expiring);
        succeeds(techo.as(patient, "ls"));
        Session refreshed = profile.session().orElseThrow();
        assertThat(refreshed.accessToken()).isNotEqualTo(current.accessToken());
        assertThat(refreshed.expiresAt()).isAfter(Instant.now().plusSeconds(60));
    }

    /** The data key, from the patient's own envelope of the record (null once erased). */
    private static byte[] dataKeyOf(UUID recordId) {
        Profile profile = new Profile(patient);
        String token = profile.session().orElseThrow().accessToken();
        JsonNode view;
        try {
            view = new GatewayHttp(java.net.URI.create(services.gatewayUrl())).get("/api/v1/records/" + recordId, Map.of(), token);
        } catch (ApiException e) {
            assertThat(e.status()).isEqualTo(410);
            return null;
        }
        JsonNode envelope = view.path("envelopes").get(0);
        DeviceKeys keys = profile.unlock(PASSPHRASE.toCharArray());
        RecordAad aad = new RecordAad(recordId, view.path("version").asInt(), view.path("ownerId").asText(), view.path("category").asText());
        return keys.unwrap(new KeyEnvelope(envelope.path("suite").asText(), envelope.path("recipientId").asText(),
                envelope.path("recipientKeyId").asText(), Base64.getDecoder().decode(envelope.path("enc").asText()),
                Base64.getDecoder().decode(envelope.path("wrappedKey").asText())), aad);
    }

    private static void checkBundle(JsonNode bundle) {
        assertThat(bundle.path("resourceType").asText()).isEqualTo("Bundle");
        assertThat(bundle.path("type").asText()).isEqualTo("collection");
        Map<String, JsonNode> resources = new LinkedHashMap<>();
        List<JsonNode> provenances = new ArrayList<>();
        for (JsonNode entry : bundle.path("entry")) {
            assertThat(entry.path("fullUrl").asText()).startsWith("urn:uuid:");
            JsonNode resource = entry.path("resource");
            assertThat(resource.path("resourceType").isTextual()).isTrue();
            if (resource.path("resourceType").asText().equals("Provenance")) {
                provenances.add(resource);
            } else {
                resources.put(entry.path("fullUrl").asText().substring("urn:uuid:".length()), resource);
            }
        }
        assertThat(resources.keySet()).containsExactlyInAnyOrderElementsOf(plaintexts.keySet().stream().map(UUID::toString).toList());
        plaintexts.forEach((id, plaintext) -> {
            JsonNode resource = resources.get(id.toString());
            if (resource.path("resourceType").asText().equals("Binary")) {
                assertThat(Base64.getDecoder().decode(resource.path("data").asText())).isEqualTo(plaintext);
            } else {
                assertThat(resource.path("resourceType").asText()).isEqualTo("Observation");
                assertThat(resource.path("valueString").asText()).endsWith(MARKER + "-1");
            }
        });
        assertThat(provenances).hasSize(4);
        for (JsonNode provenance : provenances) {
            String target = provenance.path("target").get(0).path("reference").asText().substring("urn:uuid:".length());
            JsonNode signature = provenance.path("signature").get(0);
            assertThat(signature.path("sigFormat").asText()).isEqualTo("application/vnd.techo.anchor-confirmation+json");
            AnchorConfirmed proof = EventJson.read(new String(Base64.getDecoder().decode(signature.path("data").asText()),
                    StandardCharsets.UTF_8), AnchorConfirmed.class);
            assertThat(proof.subject()).isEqualTo(target);
            assertThat(proof.anchor().status()).isEqualTo("IRREVERSIBLE");
        }
    }

    private static byte[] download(Path profile, UUID recordId) throws IOException {
        Path out = work.resolve(profile.getFileName() + "-" + recordId);
        succeeds(techo.as(profile, "get", recordId.toString(), "-o", out.toString(), "--force"));
        return Files.readAllBytes(out);
    }

    private static void remember(UUID recordId, Path file) throws IOException {
        plaintexts.put(recordId, Files.readAllBytes(file));
    }

    private static Path file(String name, byte[] content) throws IOException {
        return Files.write(work.resolve(name), content);
    }

    private static List<UUID> ids(JsonNode records) {
        List<UUID> ids = new ArrayList<>();
        records.forEach(record -> ids.add(UUID.fromString(record.path("recordId").asText())));
        return ids;
    }

    private static JsonNode json(Run run) throws IOException {
        return GatewayHttp.JSON.readTree(run.out());
    }

    private static Run succeeds(Run run) {
        assertThat(run.exitCode()).as(run.toString()).isZero();
        return run;
    }
}
