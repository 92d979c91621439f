package io.techo.testkit;


import io.techo.common.canonical.RecordHeader;
import io.techo.common.crypto.Digests;
import io.techo.common.crypto.KeyEnvelope;
import io.techo.common.crypto.KeyEnvelopes;
import io.techo.common.crypto.PayloadCipher;
import io.techo.common.crypto.RecordAad;
import io.techo.common.ids.Uuids;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A patient's device as a real client would be: its own signing and encryption keys, encrypting and signing on
 * the "device" so the service only ever sees ciphertext.
 */
public final class TestPatient {

    private final String accountId;
    private final TestDevice device;

    /** A patient the record-service knows only from tokens (not registered in a directory). */
    public TestPatient() {
        this("pat-" + UUID.randomUUID(), new TestDevice());
    }

    /** A patient registered elsewhere (the consent-service directory) with this device. */
    public TestPatient(String accountId, TestDevice device) {
        this.accountId = accountId;
        this.device = device;
    }

    public String accountId() {
        return accountId;
    }

    public String token() {
        return device.token(accountId, "patient");
    }

    public byte[] encryptionPrivateKey() {
        return device.encryptionPrivateKey();
    }

    public byte[] encryptionPublicKey() {
        return device.encryptionPublicKey();
    }

    /** Encrypts, wraps and signs a new record; returns the request body and what was sealed. */
    public SealedRecord seal(String category, byte[] plaintext) {
        UUID recordId = Uuids.v7();
        byte[] dataKey = PayloadCipher.newDataKey();
        RecordAad aad = new RecordAad(recordId, 1, accountId, category);
        byte[] ciphertext = PayloadCipher.encrypt(dataKey, aad, plaintext);
        KeyEnvelope envelope = KeyEnvelopes.wrap(dataKey, accountId, device.encryptionPublicKey(), aad);
        String ciphertextSha256 = Digests.sha256Hex(ciphertext);
        RecordHeader header = new RecordHeader(recordId, 1, accountId, category, ciphertextSha256, device.signingKeyId());
        byte[] signature = device.sign(header.canonicalBytes());
        return new SealedRecord(recordId, dataKey, aad, ciphertext, body(recordId, category, ciphertext, ciphertextSha256, envelope, signature));
    }

    /** Re-signs a header with this device for a body whose fields a test changed. */
    public String sign(RecordHeader header) {
        return device.signBase64(header.canonicalBytes());
    }

    public String signerKeyId() {
        return device.signingKeyId();
    }

    public static Map<String, Object> envelopeJson(KeyEnvelope envelope) {
        Base64.Encoder base64 = Base64.getEncoder();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("suite", envelope.suite());
        json.put("recipientId", envelope.recipientId());
        json.put("recipientKeyId", envelope.recipientKeyId());
        json.put("enc", base64.encodeToString(envelope.enc()));
        json.put("wrappedKey", base64.encodeToString(envelope.wrappedKey()));
        return json;
    }

    private static Map<String, Object> body(UUID recordId, String category, byte[] ciphertext, String sha256,
            KeyEnvelope envelope, byte[] signature) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("recordId", recordId.toString());
        body.put("version", 1);
        body.put("category", category);
        body.put("ciphertext", Base64.getEncoder().encodeToString(ciphertext));
        body.put("ciphertextSha256", sha256);
        body.put("envelope", envelopeJson(envelope));
        body.put("signature", Base64.getEncoder().encodeToString(signature));
        return body;
    }

    /** A record sealed on the device: the request body plus the secrets only the device knows. */
    public record SealedRecord(UUID recordId, byte[] dataKey, RecordAad aad, byte[] ciphertext, Map<String, Object> body) {

        /** A copy of the body with one field replaced. */
        public Map<String, Object> bodyWith(String field, Object value) {
            Map<String, Object> copy = new LinkedHashMap<>(body);
            copy.put(field, value);
            return copy;
        }
    }
}
