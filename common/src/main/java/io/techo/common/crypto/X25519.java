package io.techo.common.crypto;

import java.security.SecureRandom;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;

/** X25519 key pairs (RFC 7748), the recipients' encryption keys for HPKE key envelopes. */
public final class X25519 {

    public static final int KEY_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private X25519() {
    }

    public static X25519KeyPair generate() {
        X25519PrivateKeyParameters key = new X25519PrivateKeyParameters(RANDOM);
        return new X25519KeyPair(key.getEncoded(), key.generatePublicKey().getEncoded());
    }

    public static byte[] publicKeyOf(byte[] privateKey) {
        if (privateKey == null || privateKey.length != KEY_BYTES) {
            throw new CryptoException("an X25519 private key is 32 bytes");
        }
        return new X25519PrivateKeyParameters(privateKey, 0).generatePublicKey().getEncoded();
    }
}
