package io.techo.common.crypto;

/**
 * A record's data key wrapped for one recipient key with HPKE. Names its suite and the recipient key id so
 * suites and keys can rotate.
 *
 * @param suite always {@code techo-v1} for now
 * @param recipientId the account the envelope is for
 * @param recipientKeyId {@link KeyIds#of} the recipient's X25519 public key
 * @param enc HPKE encapsulated key (32 bytes)
 * @param wrappedKey HPKE ciphertext of the 32-byte data key (48 bytes with the tag)
 */
public record KeyEnvelope(String suite, String recipientId, String recipientKeyId, byte[] enc, byte[] wrappedKey) {
}
