package io.techo.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.techo.client.keystore.DeviceKeys;
import io.techo.common.canonical.RecordHeader;
import io.techo.common.crypto.CryptoException;
import io.techo.common.crypto.Digests;
import io.techo.common.crypto.Ed25519;
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
 * The device side of a record (docs/protocol.md §3-5): seal = encrypt under a fresh data key, wrap it for the owner,
 * sign the header; open = check the ciphertext hash and the owner's signature, unwrap this device's envelope, decrypt.
 */
final class RecordCrypto {

    /** A record sealed on the device: the request body and the data key, which never leaves the device unwrapped. */
    record Sealed(UUID recordId, RecordAad aad, byte[] dataKey, Map<String, Object> body) {
    }

    private RecordCrypto() {
    }

    static Sealed seal(String ownerId, String category, byte[] plaintext, DeviceKeys device) {
        UUID recordId = Uuids.v7();
        RecordAad aad = new RecordAad(recordId, 1, ownerId, category);
        byte[] dataKey = PayloadCipher.newDataKey();
        byte[] ciphertext = PayloadCipher.encrypt(dataKey, aad, plaintext);
        String ciphertextSha256 = Digests.sha256Hex(ciphertext);
        KeyEnvelope own = KeyEnvelopes.wrap(dataKey, ownerId, device.encryptionPublicKey(), aad);
        RecordHeader header = new RecordHeader(recordId, 1, ownerId, category, ciphertextSha256, device.signingKeyId());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("recordId", recordId.toString());
        body.put("version", 1);
        body.put("category", category);
        body.put("ciphertext", Base64.getEncoder().encodeToString(ciphertext));
        body.put("ciphertextSha256", ciphertextSha256);
        body.put("envelope", envelopeJson(own));
        body.put("signature", Base64.getEncoder().encodeToString(device.sign(header.canonicalBytes())));
        return new Sealed(recordId, aad, dataKey, body);
    }

    static Map<String, Object> envelopeJson(KeyEnvelope envelope) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("suite", envelope.suite());
        json.put("recipientId", envelope.recipientId());
        json.put("recipientKeyId", envelope.recipientKeyId());
        json.put("enc", Base64.getEncoder().encodeToString(envelope.enc()));
        json.put("wrappedKey", Base64.getEncoder().encodeToString(envelope.wrappedKey()));
        return json;
    }

    /** The ciphertext of a record view, checked against the hash the header commits to. */
    static byte[] ciphertext(JsonNode view, RecordSummary summary) {
        byte[] ciphertext = base64(view.path("ciphertext"), "ciphertext");
        if (!Digests.sha256Hex(ciphertext).equals(summary.ciphertextSha256())) {
            throw new IntegrityException("record " + summary.recordId() + ": the ciphertext does not match its signed hash");
        }
        return ciphertext;
    }

    /** Checks the owner's signature over the rebuilt header with the signer's registered key. */
    static void verifySignature(JsonNode view, RecordSummary summary, PartyKey signer) {
        if (!summary.ownerId().equals(signer.partyId()) || !"SIGNING".equals(signer.use())) {
            throw new IntegrityException("record " + summary.recordId() + " is signed by key " + summary.signerKeyId()
                    + ", which is not a signing key of its owner " + summary.ownerId());
        }
        RecordHeader header = new RecordHeader(summary.recordId(), summary.version(), summary.ownerId(), summary.category(),
                summary.ciphertextSha256(), summary.signerKeyId());
        byte[] signature = base64(view.path("signature"), "signature");
        if (!Ed25519.verify(Base64.getDecoder().decode(signer.publicKey()), header.canonicalBytes(), signature)) {
            throw new IntegrityException("record " + summary.recordId() + ": the owner's signature does not verify");
        }
    }

    /** The data key from this device's envelope in the record view. */
    static byte[] dataKey(JsonNode view, RecordSummary summary, String readerId, DeviceKeys device) {
        RecordAad aad = aad(summary);
        for (JsonNode envelope : view.path("envelopes")) {
            if (readerId.equals(envelope.path("recipientId").asText()) && device.encryptionKeyId().equals(envelope.path("recipientKeyId").asText())) {
                try {
                    return device.unwrap(new KeyEnvelope(envelope.path("suite").asText(), readerId, device.encryptionKeyId(),
                            base64(envelope.path("enc"), "enc"), base64(envelope.path("wrappedKey"), "wrappedKey")), aad);
                } catch (CryptoException e) {
                    throw new IntegrityException("record " + summary.recordId() + ": the key envelope does not open (" + e.getMessage() + ")", e);
                }
            }
        }
        throw new IntegrityException("record " + summary.recordId() + " carries no key envelope for this device's key "
                + device.encryptionKeyId() + "; the owner has not wrapped the data key for it (yet)");
    }

    static byte[] decrypt(byte[] dataKey, RecordSummary summary, byte[] ciphertext) {
        try {
            return PayloadCipher.decrypt(dataKey, aad(summary), ciphertext);
        } catch (CryptoException e) {
            throw new IntegrityException("record " + summary.recordId() + " does not decrypt: " + e.getMessage(), e);
        }
    }

    static RecordAad aad(RecordSummary summary) {
        return new RecordAad(summary.recordId(), summary.version(), summary.ownerId(), summary.category());
    }

    private static byte[] base64(JsonNode node, String field) {
        if (!node.isTextual()) {
            throw new IntegrityException("the record view has no " + field);
        }
        try {
            return Base64.getDecoder().decode(node.textValue());
        } catch (IllegalArgumentException e) {
            throw new IntegrityException("the record view's " + field + " is not base64");
        }
    }
}
