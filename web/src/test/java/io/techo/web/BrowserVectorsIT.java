package io.techo.web;

import static io.techo.web.Interop.unb64;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.techo.common.canonical.Jcs;
import io.techo.common.canonical.RecordHeader;
import io.techo.common.crypto.Digests;
import io.techo.common.crypto.Ed25519;
import io.techo.common.crypto.KeyEnvelope;
import io.techo.common.crypto.KeyEnvelopes;
import io.techo.common.crypto.KeyIds;
import io.techo.common.crypto.PayloadCipher;
import io.techo.common.crypto.RecordAad;
import io.techo.common.protocol.GrantObject;
import io.techo.common.protocol.RegistrationObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Opens and verifies, with the Java implementation, what the browser code made in the Vitest interop run
 * ({@code target/interop/browser-vectors.json}): record ciphertexts, envelopes for the owner and for a Java-held key,
 * header signatures, a grant, a registration, an added key and a login signature, and its JCS output.
 */
class BrowserVectorsIT {

    private static JsonNode browser;
    private static JsonNode java;
    private static byte[] signingPublic;

    @BeforeAll
    static void read() {
        browser = Interop.read(Interop.BROWSER_VECTORS);
        java = Interop.read(Interop.JAVA_VECTORS);
        signingPublic = unb64(browser.path("signingPublic"));
        assertThat(KeyIds.of(signingPublic)).isEqualTo(browser.path("signingKeyId").asText());
        assertThat(KeyIds.of(unb64(browser.path("encryptionPublic")))).isEqualTo(browser.path("encryptionKeyId").asText());
    }

    @Test
    void recordsDecryptAndVerify() {
        byte[] javaPrivate = unb64(java.path("javaRecipient").path("encryptionPrivate"));
        assertThat(browser.path("records")).hasSize(3);
        for (JsonNode record : browser.path("records")) {
            UUID recordId = UUID.fromString(record.path("recordId").asText());
            assertThat(recordId.version()).isEqualTo(7);
            RecordAad aad = new RecordAad(recordId, record.path("version").asInt(), record.path("ownerId").asText(),
                    record.path("category").asText());
            byte[] ciphertext = unb64(record.path("ciphertext"));
            assertThat(Digests.sha256Hex(ciphertext)).isEqualTo(record.path("ciphertextSha256").asText());
            RecordHeader header = new RecordHeader(recordId, 1, aad.ownerId(), aad.category(), Digests.sha256Hex(ciphertext),
                    KeyIds.of(signingPublic));
            assertThat(Ed25519.verify(signingPublic, header.canonicalBytes(), unb64(record.path("signature")))).isTrue();

            JsonNode owners = record.path("envelope");
            assertThat(owners.path("recipientKeyId").asText()).isEqualTo(browser.path("encryptionKeyId").asText());
            JsonNode forJava = record.path("javaEnvelope");
            byte[] dataKey = KeyEnvelopes.unwrap(envelope(forJava), javaPrivate, aad);
            assertThat(PayloadCipher.decrypt(dataKey, aad, ciphertext)).isEqualTo(unb64(record.path("plaintext")));
            assertThat(forJava.path("recipientKeyId").asText())
                    .isEqualTo(KeyIds.of(unb64(java.path("javaRecipient").path("encryptionPublic"))));
        }
    }

    @Test
    void aChangedByteIsRefused() {
        JsonNode record = browser.path("records").get(0);
        UUID recordId = UUID.fromString(record.path("recordId").asText());
        byte[] ciphertext = unb64(record.path("ciphertext"));
        RecordHeader header = new RecordHeader(recordId, 1, record.path("ownerId").asText(), "other", Digests.sha256Hex(ciphertext),
                KeyIds.of(signingPublic));
        assertThat(Ed25519.verify(signingPublic, header.canonicalBytes(), unb64(record.path("signature")))).isFalse();
    }

    @Test
    void grantRegistrationKeyAndLoginSignaturesVerify() {
        JsonNode g = browser.path("grant");
        List<String> recordIds = new ArrayList<>();
        g.path("recordIds").forEach(id -> recordIds.add(id.asText()));
        List<String> categories = new ArrayList<>();
        g.path("categories").forEach(c -> categories.add(c.asText()));
        GrantObject grant = new GrantObject(UUID.fromString(g.path("grantId").asText()), g.path("patientId").asText(),
                g.path("granteeId").asText(), recordIds, categories, g.path("purpose").asText(),
                Instant.parse(g.path("notBefore").asText()), Instant.parse(g.path("notAfter").asText()), g.path("signerKeyId").asText());
        assertThat(grant.notAfter().toString()).isEqualTo(g.path("notAfter").asText());
        assertThat(Ed25519.verify(signingPublic, grant.canonicalBytes(), unb64(g.path("signature")))).isTrue();

        JsonNode r = browser.path("registration");
        RegistrationObject registration = new RegistrationObject(UUID.fromString(r.path("registrationId").asText()),
                r.path("accountId").asText(), KeyIds.of(signingPublic), browser.path("encryptionKeyId").asText(), unb64(r.path("challenge")));
        assertThat(Ed25519.verify(signingPublic, registration.canonicalBytes(), unb64(r.path("signature")))).isTrue();

        JsonNode k = browser.path("keyAdded");
        byte[] keyAdded = Jcs.canonicalize(JsonNodeFactory.instance.objectNode().put("type", "techo.party.key-added")
                .put("suite", "techo-v1").put("partyId", k.path("partyId").asText()).put("keyId", k.path("keyId").asText())
                .put("use", k.path("use").asText()));
        assertThat(Ed25519.verify(signingPublic, keyAdded, unb64(k.path("signature")))).isTrue();

        JsonNode login = browser.path("login");
        byte[] message = ("techo-v1/login\n" + login.path("challenge").asText()).getBytes(StandardCharsets.UTF_8);
        assertThat(Ed25519.verify(signingPublic, message, unb64(login.path("signature")))).isTrue();
    }

    @Test
    void jcsOutputMatches() {
        assertThat(browser.path("jcs")).hasSize(java.path("jcs").size());
        for (JsonNode c : browser.path("jcs")) {
            assertThat(c.path("canonical").asText())
                    .isEqualTo(new String(Jcs.canonicalize(c.path("input").asText()), StandardCharsets.UTF_8));
        }
    }

    private static KeyEnvelope envelope(JsonNode json) {
        return new KeyEnvelope(json.path("suite").asText(), json.path("recipientId").asText(), json.path("recipientKeyId").asText(),
                unb64(json.path("enc")), unb64(json.path("wrappedKey")));
    }
}
