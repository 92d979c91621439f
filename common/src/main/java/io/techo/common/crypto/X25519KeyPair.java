package io.techo.common.crypto;

/** Raw 32-byte X25519 private and public keys (RFC 7748). */
public record X25519KeyPair(byte[] privateKey, byte[] publicKey) {
}
