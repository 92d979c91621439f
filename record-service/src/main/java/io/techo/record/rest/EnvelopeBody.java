package io.techo.record.rest;

/**
 * A key envelope as it travels in JSON: binary fields standard base64.
 *
 * @param suite must be {@code techo-v1}
 * @param recipientId account the data key is wrapped for; defaults to the owner on record creation
 * @param recipientKeyId key id of the recipient's X25519 key
 * @param enc HPKE encapsulated key (32 bytes)
 * @param wrappedKey HPKE ciphertext of the 32-byte data key (48 bytes)
 */
public record EnvelopeBody(String suite, String recipientId, String recipientKeyId, String enc, String wrappedKey) {
}
