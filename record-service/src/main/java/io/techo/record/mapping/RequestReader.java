package io.techo.record.mapping;

import io.techo.common.crypto.KeyEnvelope;
import io.techo.common.ids.Uuids;
import io.techo.common.problem.ProblemException;
import io.techo.common.problem.ProblemKind;
import io.techo.record.rest.CreateRecordBody;
import io.techo.record.rest.EnvelopeBody;
import io.techo.record.service.NewRecord;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Turns JSON bodies into validated commands. Every malformed field is a 400 naming the field; nothing about
 * signatures or state is decided here.
 */
public final class RequestReader {

    public static final String SUITE = "techo-v1";

    private static final Pattern CATEGORY = Pattern.compile("[a-z][a-z0-9.-]{0,63}");
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern ACCOUNT_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final int ED25519_SIGNATURE_BYTES = 64;
    private static final int X25519_ENC_BYTES = 32;
    private static final int WRAPPED_DATA_KEY_BYTES = 32 + 16;

    private RequestReader() {
    }

    public static NewRecord newRecord(CreateRecordBody body, String ownerId, int maxCiphertextBytes) {
        if (body == null) {
            throw invalid("the request body is empty");
        }
        UUID recordId = recordId(body.recordId());
        int version = body.version() == null ? 1 : body.version();
        if (version != 1) {
            throw invalid("version: a new record has version 1");
        }
        String category = category(body.category());
        byte[] ciphertext = base64("ciphertext", body.ciphertext());
        if (ciphertext.length == 0) {
            throw invalid("ciphertext: must not be empty");
        }
        if (ciphertext.length > maxCiphertextBytes) {
            throw new ProblemException(ProblemKind.PAYLOAD_TOO_LARGE,
                    "ciphertext is " + ciphertext.length + " bytes; the limit is " + maxCiphertextBytes);
        }
        String ciphertextSha256 = sha256Hex("ciphertextSha256", body.ciphertextSha256());
        if (body.envelope() == null) {
            throw invalid("envelope: the owner's key envelope is required");
        }
        String recipient = body.envelope().recipientId() == null ? ownerId : body.envelope().recipientId();
        if (!recipient.equals(ownerId)) {
            throw invalid("envelope.recipientId: the envelope sent with a new record is the owner's own");
        }
        KeyEnvelope envelope = envelope(body.envelope(), recipient);
        byte[] signature = base64("signature", body.signature());
        if (signature.length != ED25519_SIGNATURE_BYTES) {
            throw invalid("signature: an Ed25519 signature is 64 bytes");
        }
        return new NewRecord(recordId, version, category, ciphertext, ciphertextSha256, envelope, signature);
    }

    /** An envelope for a named recipient, as added to an existing record. */
    public static KeyEnvelope sharedEnvelope(EnvelopeBody body) {
        if (body == null) {
            throw invalid("the request body is empty");
        }
        if (body.recipientId() == null || !ACCOUNT_ID.matcher(body.recipientId()).matches()) {
            throw invalid("recipientId: required, 1-64 characters of [A-Za-z0-9._:-]");
        }
        return envelope(body, body.recipientId());
    }

    public static UUID recordId(String text) {
        UUID id;
        try {
            id = Uuids.parseCanonical(text);
        } catch (IllegalArgumentException e) {
            throw invalid("recordId: not a UUID");
        }
        if (!Uuids.isV7(id)) {
            throw invalid("recordId: must be a UUIDv7");
        }
        return id;
    }

    public static String category(String text) {
        if (text == null || !CATEGORY.matcher(text).matches()) {
            throw invalid("category: lowercase letters, digits, '.' and '-', starting with a letter, at most 64 characters");
        }
        return text;
    }

    private static KeyEnvelope envelope(EnvelopeBody body, String recipientId) {
        if (!SUITE.equals(body.suite())) {
            throw invalid("envelope.suite: only " + SUITE + " is supported");
        }
        String keyId = sha256Hex("envelope.recipientKeyId", body.recipientKeyId());
        byte[] enc = base64("envelope.enc", body.enc());
        if (enc.length != X25519_ENC_BYTES) {
            throw invalid("envelope.enc: an X25519 encapsulated key is 32 bytes");
        }
        byte[] wrappedKey = base64("envelope.wrappedKey", body.wrappedKey());
        if (wrappedKey.length != WRAPPED_DATA_KEY_BYTES) {
            throw invalid("envelope.wrappedKey: a wrapped 256-bit data key is 48 bytes");
        }
        return new KeyEnvelope(SUITE, recipientId, keyId, enc, wrappedKey);
    }

    private static String sha256Hex(String field, String text) {
        if (text == null || !SHA256_HEX.matcher(text).matches()) {
            throw invalid(field + ": 64 lowercase hex digits (SHA-256) required");
        }
        return text;
    }

    private static byte[] base64(String field, String text) {
        if (text == null) {
            throw invalid(field + ": required");
        }
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw invalid(field + ": not standard base64");
        }
    }

    private static ProblemException invalid(String detail) {
        return new ProblemException(ProblemKind.INVALID_FIELD, detail);
    }
}
