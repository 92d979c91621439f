package io.techo.record.rest;

/**
 * Body of {@code POST /api/v1/records}. Fields are read as text so every malformed value gets its own precise 400.
 *
 * @param recordId client-chosen UUIDv7
 * @param version record version, 1 for a new record (defaults to 1)
 * @param category notebook category, lowercase {@code [a-z][a-z0-9.-]{0,63}}
 * @param ciphertext standard base64 of nonce ‖ AES-256-GCM ciphertext ‖ tag
 * @param ciphertextSha256 lowercase hex SHA-256 of the decoded ciphertext
 * @param envelope the data key wrapped to the owner's own X25519 key
 * @param signature standard base64 Ed25519 signature of the device key over the canonical record header
 */
public record CreateRecordBody(
        String recordId,
        Integer version,
        String category,
        String ciphertext,
        String ciphertextSha256,
        EnvelopeBody envelope,
        String signature) {
}
