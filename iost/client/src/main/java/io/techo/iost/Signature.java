package io.techo.iost;

import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One signature as the node carries it (go-iost {@code crypto/signature.go}): the algorithm, the 64-byte signature and
 * the signer's public key (32 bytes Ed25519, 33 bytes compressed secp256k1).
 */
public final class Signature {
    private final Algorithm algorithm;
    private final byte[] signature;
    private final byte[] publicKey;

    public Signature(Algorithm algorithm, byte[] signature, byte[] publicKey) {
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
        this.signature = signature.clone();
        this.publicKey = publicKey.clone();
    }

    public Algorithm algorithm() {
        return algorithm;
    }

    public byte[] signature() {
        return signature.clone();
    }

    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** The key id an account's permissions list: base58 of the public key bytes. */
    public String keyId() {
        return Base58.encode(publicKey);
    }

    /** Verifies like the node does: exact sizes, and for secp256k1 a low-S signature only. */
    public boolean verify(byte[] message) {
        return switch (algorithm) {
            case ED25519 -> Ed25519.verify(publicKey, message, signature);
            case SECP256K1 -> Secp256k1.verify(publicKey, message, signature);
        };
    }

    /** go-iost {@code Signature.ToBytes}: byte algorithm | bytes signature | bytes public key. */
    void writeTo(TxEncoder encoder) {
        encoder.writeByte(algorithm.code()).writeBytes(signature).writeBytes(publicKey);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Signature s && s.algorithm == algorithm && Arrays.equals(s.signature, signature)
                && Arrays.equals(s.publicKey, publicKey);
    }

    @Override
    public int hashCode() {
        return Objects.hash(algorithm, Arrays.hashCode(signature), Arrays.hashCode(publicKey));
    }

    @Override
    public String toString() {
        return algorithm + "{sig=" + HexFormat.of().formatHex(signature) + ", pub=" + Base64.getEncoder().encodeToString(publicKey) + "}";
    }
}
