package io.techo.iost;

import java.math.BigInteger;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.BigIntegers;

/**
 * secp256k1 as go-iost {@code crypto/backend/secp256k1.go}: deterministic RFC 6979 nonces (HMAC-SHA256), low-S,
 * 64-byte r‖s each left-padded to 32 bytes, 33-byte compressed public keys, the 32-byte SHA3 digest signed as is.
 */
final class Secp256k1 {
    static final int SECRET_KEY_LENGTH = 32;
    static final int PUBLIC_KEY_LENGTH = 33;
    static final int SIGNATURE_LENGTH = 64;

    private static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256k1");
    private static final ECDomainParameters DOMAIN =
            new ECDomainParameters(CURVE.getCurve(), CURVE.getG(), CURVE.getN(), CURVE.getH());
    private static final BigInteger HALF_N = CURVE.getN().shiftRight(1);

    private Secp256k1() {
    }

    static void checkSecretKey(byte[] secret) {
        BigInteger d = new BigInteger(1, secret);
        if (secret.length != SECRET_KEY_LENGTH || d.signum() == 0 || d.compareTo(CURVE.getN()) >= 0) {
            throw new IllegalArgumentException("secp256k1 secret key must be 32 bytes in [1, n-1]");
        }
    }

    static byte[] publicKey(byte[] secret) {
        return DOMAIN.getG().multiply(new BigInteger(1, secret)).normalize().getEncoded(true);
    }

    static byte[] sign(byte[] secret, byte[] message) {
        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        signer.init(true, new ECPrivateKeyParameters(new BigInteger(1, secret), DOMAIN));
        BigInteger[] rs = signer.generateSignature(message);
        BigInteger s = rs[1].compareTo(HALF_N) > 0 ? CURVE.getN().subtract(rs[1]) : rs[1];
        byte[] out = new byte[SIGNATURE_LENGTH];
        System.arraycopy(BigIntegers.asUnsignedByteArray(32, rs[0]), 0, out, 0, 32);
        System.arraycopy(BigIntegers.asUnsignedByteArray(32, s), 0, out, 32, 32);
        return out;
    }

    static boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
        if (publicKey.length != PUBLIC_KEY_LENGTH || signature.length != SIGNATURE_LENGTH) {
            return false;
        }
        BigInteger r = new BigInteger(1, java.util.Arrays.copyOfRange(signature, 0, 32));
        BigInteger s = new BigInteger(1, java.util.Arrays.copyOfRange(signature, 32, 64));
        if (s.compareTo(HALF_N) > 0 || r.signum() == 0 || s.signum() == 0) {
            return false;
        }
        try {
            ECPoint q = CURVE.getCurve().decodePoint(publicKey);
            ECDSASigner verifier = new ECDSASigner();
            verifier.init(false, new ECPublicKeyParameters(q, DOMAIN));
            return verifier.verifySignature(message, r, s);
        } catch (RuntimeException invalidPoint) {
            return false;
        }
    }
}
