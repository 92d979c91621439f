package io.techo.client;

/** Someone a data key is wrapped for: an account and one of its active X25519 encryption keys. */
record Recipient(String accountId, byte[] encryptionPublicKey) {
}
