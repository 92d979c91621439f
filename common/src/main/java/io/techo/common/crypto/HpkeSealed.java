package io.techo.common.crypto;

/** Result of an HPKE single-shot seal: the encapsulated key and the AEAD ciphertext (with tag). */
public record HpkeSealed(byte[] enc, byte[] ciphertext) {
}
