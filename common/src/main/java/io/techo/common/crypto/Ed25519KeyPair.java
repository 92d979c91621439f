package io.techo.common.crypto;

/** Raw 32-byte Ed25519 private seed and public key (RFC 8032). */
public record Ed25519KeyPair(byte[] privateKey, byte[] publicKey) {
}
