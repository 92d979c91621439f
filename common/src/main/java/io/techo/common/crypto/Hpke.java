package io.techo.common.crypto;

import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.hpke.HPKE;
import org.bouncycastle.crypto.hpke.HPKEContextWithEncapsulation;

/**
 * HPKE (RFC 9180) base mode with the techo-v1 suite: DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, AES-256-GCM.
 * Single-shot: one message per encapsulation, sequence number 0. Bouncy Castle provides the primitive.
 */
public final class Hpke {

    static final short KEM = HPKE.kem_X25519_SHA256;
    static final short KDF = HPKE.kdf_HKDF_SHA256;
    static final short AEAD = HPKE.aead_AES_GCM256;

    private Hpke() {
    }

    public static HpkeSealed seal(byte[] recipientPublicKey, byte[] info, byte[] aad, byte[] plaintext) {
        HPKE hpke = suite(AEAD);
        return seal(hpke, recipientPublicKey, info, aad, plaintext, hpke.generatePrivateKey());
    }

    /** Deterministic seal with a given ephemeral key pair: for test vectors only. */
    static HpkeSealed seal(HPKE hpke, byte[] recipientPublicKey, byte[] info, byte[] aad, byte[] plaintext,
            AsymmetricCipherKeyPair ephemeral) {
        try {
            HPKEContextWithEncapsulation context = hpke.setupBaseS(hpke.deserializePublicKey(checkKey(recipientPublicKey)), info, ephemeral);
            return new HpkeSealed(context.getEncapsulation(), context.seal(aad, plaintext));
        } catch (InvalidCipherTextException | IllegalArgumentException e) {
            throw new CryptoException("HPKE seal failed", e);
        }
    }

    /** @throws CryptoException when the ciphertext, enc, info or aad do not match, or the key is malformed */
    public static byte[] open(byte[] recipientPrivateKey, byte[] enc, byte[] info, byte[] aad, byte[] ciphertext) {
        return open(suite(AEAD), recipientPrivateKey, enc, info, aad, ciphertext);
    }

    static byte[] open(HPKE hpke, byte[] recipientPrivateKey, byte[] enc, byte[] info, byte[] aad, byte[] ciphertext) {
        try {
            byte[] publicKey = X25519.publicKeyOf(recipientPrivateKey);
            AsymmetricCipherKeyPair recipient = hpke.deserializePrivateKey(recipientPrivateKey, publicKey);
            return hpke.setupBaseR(checkKey(enc), recipient, info).open(aad, ciphertext);
        } catch (InvalidCipherTextException | IllegalArgumentException e) {
            throw new CryptoException("HPKE open failed: not sealed for this key, or altered", e);
        }
    }

    static HPKE suite(short aead) {
        return new HPKE(HPKE.mode_base, KEM, KDF, aead);
    }

    private static byte[] checkKey(byte[] key) {
        if (key == null || key.length != X25519.KEY_BYTES) {
            throw new CryptoException("an X25519 public key / encapsulation is 32 bytes");
        }
        return key;
    }
}
