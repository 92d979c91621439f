package io.techo.common.crypto;

import java.security.SecureRandom;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/** Ed25519 signatures (RFC 8032, pure mode) over raw 32-byte keys, via Bouncy Castle's lightweight API. */
public final class Ed25519 {

    public static final int KEY_BYTES = 32;
    public static final int SIGNATURE_BYTES = 64;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ed25519() {
    }

    public static Ed25519KeyPair generate() {
        Ed25519PrivateKeyParameters key = new Ed25519PrivateKeyParameters(RANDOM);
        return new Ed25519KeyPair(key.getEncoded(), key.generatePublicKey().getEncoded());
    }

    public static byte[] publicKeyOf(byte[] privateKey) {
        return privateKey(privateKey).generatePublicKey().getEncoded();
    }

    public static byte[] sign(byte[] privateKey, byte[] message) {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, privateKey(privateKey));
        signer.update(message, 0, message.length);
        return signer.generateSignature();
    }

    /** False for a wrong signature and for malformed keys or signatures; never throws. */
    public static boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
        if (publicKey == null || message == null || signature == null
                || publicKey.length != KEY_BYTES || signature.length != SIGNATURE_BYTES) {
            return false;
        }
        try {
            Ed25519Signer verifier = new Ed25519Signer();
            verifier.init(false, new Ed25519PublicKeyParameters(publicKey, 0));
            verifier.update(message, 0, message.length);
            return verifier.verifySignature(signature);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static Ed25519PrivateKeyParameters privateKey(byte[] privateKey) {
        if (privateKey == null || privateKey.length != KEY_BYTES) {
            throw new CryptoException("an Ed25519 private key is 32 bytes");
        }
        return new Ed25519PrivateKeyParameters(privateKey, 0);
    }
}
