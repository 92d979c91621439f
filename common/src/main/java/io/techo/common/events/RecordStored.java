package io.techo.common.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A patient stored a new encrypted record. Carries the complete signed record header and its signature,
 * so anyone can re-verify the owner's signature from the event alone; never the ciphertext.
 *
 * @param recordId client-chosen UUIDv7
 * @param version record version the header names
 * @param ownerId the patient's account id
 * @param category notebook category, e.g. {@code blood-pressure}
 * @param ciphertextSha256 lowercase hex SHA-256 of the stored ciphertext
 * @param ciphertextSize ciphertext length in bytes
 * @param signerKeyId key id of the device key that signed the header
 * @param signature base64 Ed25519 signature over the canonical record header
 * @param headerSha256 lowercase hex SHA-256 of the canonical record header (the signed object)
 * @param storedAt when the service committed the record
 */
public record RecordStored(
        UUID recordId,
        int version,
        String ownerId,
        String category,
        String ciphertextSha256,
        long ciphertextSize,
        String signerKeyId,
        String signature,
        String headerSha256,
        Instant storedAt) implements TechoEvent {

    @Override
    public String type() {
        return EventTypes.RECORD_STORED;
    }

    @Override
    public String subject() {
        return recordId.toString();
    }

    @Override
    public String objectSha256() {
        return headerSha256;
    }
}
