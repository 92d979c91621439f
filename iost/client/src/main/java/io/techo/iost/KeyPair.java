package io.techo.iost;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A signing key in IOST's own encodings (go-iost {@code account/keypair.go}): Ed25519 secret keys are the 64-byte
 * Go/NaCl form {@code seed ‖ public key}, secp256k1 secret keys are 32 bytes; the text form ("raw_key") is base58 of
 * those bytes, or {@code 0x}+hex.
 */
public final class KeyPair {
    private final Algorithm algorithm;
    private final byte[] secretKey;
    private final byte[] publicKey;

    private KeyPair(Algorithm algorithm, byte[] secretKey, byte[] publicKey) {
        this.algorithm = algorithm;
        this.secretKey = secretKey;
        this.publicKey = publicKey;
    }

    public static KeyPair ed25519FromSeed(byte[] seed) {
        if (seed.length != Ed25519.SEED_LENGTH) {
            throw new IllegalArgumentException("Ed25519 seed must be 32 bytes");
        }
        byte[] pub = Ed25519.publicKey(seed);
        byte[] secret = new byte[64];
        System.arraycopy(seed, 0, secret, 0, 32);
        System.arraycopy(pub, 0, secret, 32, 32);
        return new KeyPair(Algorithm.ED25519, secret, pub);
    }

    public static KeyPair secp256k1(byte[] secretKey) {
        Secp256k1.checkSecretKey(secretKey);
        return new KeyPair(Algorithm.SECP256K1, secretKey.clone(), Secp256k1.publicKey(secretKey));
    }

    /**
     * Parses a secret key as the node's tools print it: base58 (or {@code 0x}+hex) of 64 bytes {@code seed ‖ pub} for
     * Ed25519 (go-iost {@code CheckSeckey}: the suffix must be the seed's public key), of 32 bytes for secp256k1.
     */
    public static KeyPair fromSecretKey(Algorithm algorithm, String rawKey) {
        Objects.requireNonNull(rawKey, "rawKey");
        byte[] bytes = rawKey.startsWith("0x") ? HexFormat.of().parseHex(rawKey.substring(2)) : Base58.decode(rawKey);
        return switch (algorithm) {
            case SECP256K1 -> secp256k1(bytes);
            case ED25519 -> {
                if (bytes.length != 64) {
                    throw new IllegalArgumentException("Ed25519 secret key must be 64 bytes (seed ‖ public key)");
                }
                KeyPair kp = ed25519FromSeed(Arrays.copyOf(bytes, 32));
                if (!MessageDigest.isEqual(kp.secretKey, bytes)) {
                    throw new IllegalArgumentException("Ed25519 secret key: the last 32 bytes are not the seed's public key");
                }
                yield kp;
            }
        };
    }

    public Algorithm algorithm() {
        return algorithm;
    }

    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** The key id that account permissions list: base58 of the public key. */
    public String publicKeyId() {
        return Base58.encode(publicKey);
    }

    /** The base58 "raw_key" text of the secret key, as iwallet's key files hold it. Handle with care. */
    public String secretKeyBase58() {
        return Base58.encode(secretKey);
    }

    /** Signs a 32-byte tx hash (base hash for signers, publish hash for the publisher). */
    public Signature sign(byte[] hash) {
        byte[] sig = switch (algorithm) {
            case ED25519 -> Ed25519.sign(Arrays.copyOf(secretKey, 32), hash);
            case SECP256K1 -> Secp256k1.sign(secretKey, hash);
        };
        return new Signature(algorithm, sig, publicKey);
    }

    @Override
    public String toString() {
        return "KeyPair{" + algorithm + ", " + publicKeyId() + "}";
    }
}
