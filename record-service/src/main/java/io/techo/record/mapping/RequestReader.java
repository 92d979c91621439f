package io.techo.record.mapping;

import io.techo.common.crypto.Ed25519;
import io.techo.common.crypto.KeyEnvelope;
import io.techo.common.crypto.PayloadCipher;
import io.techo.common.crypto.X25519;
import io.techo.common.problem.ProblemException;
import io.techo.common.problem.ProblemKind;
import io.techo.kit.rest.Fields;
import io.techo.record.rest.CreateRecordBody;
import io.techo.record.rest.EnvelopeBody;
import io.techo.record.service.NewRecord;
import io.techo.record.service.ReadPurpose;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Turns JSON bodies into validated commands. Every malformed field is a 400 naming the field; nothing about
 * signatures or state is decided here.
 */
public final class RequestReader {

    public static final String SUITE = "techo-v1";

    private static final Pattern PURPOSE = Pattern.compile("[A-Z]{2,16}");

    private RequestReader() {
    }

    public static NewRecord newRecord(CreateRecordBody body, String ownerId, int maxCiphertextBytes) {
        if (body == null) {
            throw Fields.invalid("the request body is empty");
        }
        UUID recordId = recordId(body.recordId());
        int version = body.version() == null ? 1 : body.version();
        if (version != 1) {
            throw Fields.invalid("version: a new record has version 1");
        }
        String category = category(body.category());
        byte[] ciphertext = Fields.base64("ciphertext", body.ciphertext());
        if (ciphertext.length == 0) {
            throw Fields.invalid("ciphertext: must not be empty");
        }
        if (ciphertext.length > maxCiphertextBytes) {
            throw new ProblemException(ProblemKind.PAYLOAD_TOO_LARGE,
                    "ciphertext is " + ciphertext.length + " bytes; the limit is " + maxCiphertextBytes);
        }
        String ciphertextSha256 = Fields.sha256Hex("ciphertextSha256", body.ciphertextSha256());
        if (body.envelope() == null) {
            throw Fields.invalid("envelope: the owner's key envelope is required");
        }
        String recipient = body.envelope().recipientId() == null ? ownerId : body.envelope().recipientId();
        if (!recipient.equals(ownerId)) {
            throw Fields.invalid("envelope.recipientId: the envelope sent with a new record is the owner's own");
        }
        KeyEnvelope envelope = envelope(body.envelope(), recipient);
        byte[] signature = Fields.base64OfLength("signature", body.signature(), Ed25519.SIGNATURE_BYTES, "an Ed25519 signature");
        return new NewRecord(recordId, version, category, ciphertext, ciphertextSha256, envelope, signature);
    }

    /** An envelope for a named recipient, as added to an existing record. */
    public static KeyEnvelope sharedEnvelope(EnvelopeBody body) {
        if (body == null) {
            throw Fields.invalid("the request body is empty");
        }
        return envelope(body, Fields.accountId("recipientId", body.recipientId()));
    }

    /** Purpose defaults to TREAT; a break-glass reason is 1-500 characters of free text. */
    public static ReadPurpose readPurpose(String purpose, String breakGlassReason) {
        String code = purpose == null ? "TREAT" : purpose;
        if (!PURPOSE.matcher(code).matches()) {
            throw Fields.invalid("purpose: an HL7 PurposeOfUse code such as TREAT or ETREAT");
        }
        return new ReadPurpose(code, Optional.ofNullable(breakGlassReason).map(text -> Fields.text("X-Break-Glass-Reason", text, 500)));
    }

    /** The {@code shared} listing flag: absent or {@code false} for one's own records, {@code true} for those shared with one. */
    public static boolean sharedFlag(String text) {
        if (text == null || text.equals("false")) {
            return false;
        }
        if (text.equals("true")) {
            return true;
        }
        throw Fields.invalid("shared: true or false");
    }

    public static UUID recordId(String text) {
        return Fields.uuidV7("recordId", text);
    }

    public static String ownerId(String text) {
        return Fields.accountId("ownerId", text);
    }

    public static String category(String text) {
        return Fields.category("category", text);
    }

    private static KeyEnvelope envelope(EnvelopeBody body, String recipientId) {
        if (!SUITE.equals(body.suite())) {
            throw Fields.invalid("envelope.suite: only " + SUITE + " is supported");
        }
        String keyId = Fields.sha256Hex("envelope.recipientKeyId", body.recipientKeyId());
        byte[] enc = Fields.base64OfLength("envelope.enc", body.enc(), X25519.KEY_BYTES, "an X25519 encapsulated key");
        byte[] wrappedKey = Fields.base64OfLength("envelope.wrappedKey", body.wrappedKey(), PayloadCipher.KEY_BYTES + PayloadCipher.TAG_BYTES, "a wrapped 256-bit data key");
        return new KeyEnvelope(SUITE, recipientId, keyId, enc, wrappedKey);
    }
}
