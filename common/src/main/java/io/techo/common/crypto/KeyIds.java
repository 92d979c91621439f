package io.techo.common.crypto;

/** A key's id: lowercase hex SHA-256 of its raw public key bytes. Stable, collision-free, derivable by anyone. */
public final class KeyIds {

    private KeyIds() {
    }

    public static String of(byte[] rawPublicKey) {
        return Digests.sha256Hex(rawPublicKey);
    }
}
