package io.techo.common.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.hpke.HPKE;
import org.bouncycastle.crypto.hpke.HPKEContextWithEncapsulation;
import org.junit.jupiter.api.Test;

/**
 * RFC 9180 Appendix A.1 (DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, AES-128-GCM, base mode): the same KEM, KDF and
 * key schedule as techo-v1, whose AEAD is AES-256-GCM (checked by round trips here and by the AES-256-GCM
 * known answer in {@link PayloadCipherTest}).
 */
class HpkeTest {

    private static final byte[] IKM_E = Hex.decode("7268600d403fce431561aef583ee1613527cff655c1343f29812e66706df3234");
    private static final byte[] IKM_R = Hex.decode("6db9df30aa07dd42ee5e8181afdb977e538f5e1fec8a06223f33f7013e525037");
    private static final String SK_R = "4612c550263fc8ad58375df3f557aac531d26850903e55a9f23f21d8534e8ac8";
    private static final String PK_R = "3948cfe0ad1ddb695d780e59077195da6c56506b027329794ab02bca80815c4d";
    private static final String ENC = "37fda3567bdbd628e88668c3c8d7e97d1d1253b6d4ea6d44c150f741f1bf4431";
    private static final byte[] INFO = Hex.decode("4f6465206f6e2061204772656369616e2055726e");
    private static final byte[] PT = Hex.decode("4265617574792069732074727574682c20747275746820626561757479");
    private static final String[][] ENCRYPTIONS = {
        {"436f756e742d30", "f938558b5d72f1a23810b4be2ab4f84331acc02fc97babc53a52ae8218a355a96d8770ac83d07bea87e13c512a"},
        {"436f756e742d31", "af2d7e9ac9ae7e270f46ba1f975be53c09f8d875bdc8535458c2494e8a6eab251c03d0c22a56b8ca42c2063b84"},
        {"436f756e742d32", "498dfcabd92e8acedc281e85af1cb4e3e31c7dc394a1ca20e173cb72516491588d96a19ad4a683518973dcc180"},
    };

    private final HPKE rfcSuite = Hpke.suite(HPKE.aead_AES_GCM128);

    @Test
    void derivesTheRfcKeysAndEncapsulation() throws Exception {
        AsymmetricCipherKeyPair recipient = rfcSuite.deriveKeyPair(IKM_R);
        // Bouncy Castle serializes the clamped scalar, so compare the key pair through the public half
        assertEquals(PK_R, Hex.encode(X25519.publicKeyOf(Hex.decode(SK_R))));
        assertEquals(PK_R, Hex.encode(rfcSuite.serializePublicKey(recipient.getPublic())));

        HPKEContextWithEncapsulation sender = rfcSuite.setupBaseS(recipient.getPublic(), INFO, rfcSuite.deriveKeyPair(IKM_E));
        assertEquals(ENC, Hex.encode(sender.getEncapsulation()));
        for (String[] encryption : ENCRYPTIONS) {
            assertEquals(encryption[1], Hex.encode(sender.seal(Hex.decode(encryption[0]), PT)));
        }
    }

    @Test
    void singleShotSealAndOpenMatchTheRfcFirstMessage() {
        HpkeSealed sealed = Hpke.seal(rfcSuite, Hex.decode(PK_R), INFO, Hex.decode(ENCRYPTIONS[0][0]), PT, rfcSuite.deriveKeyPair(IKM_E));
        assertEquals(ENC, Hex.encode(sealed.enc()));
        assertEquals(ENCRYPTIONS[0][1], Hex.encode(sealed.ciphertext()));
        assertArrayEquals(PT, Hpke.open(rfcSuite, Hex.decode(SK_R), Hex.decode(ENC), INFO, Hex.decode(ENCRYPTIONS[0][0]),
                Hex.decode(ENCRYPTIONS[0][1])));
    }

    @Test
    void techoSuiteRoundTripsAndRefusesAnythingElse() {
        X25519KeyPair recipient = X25519.generate();
        byte[] info = "info".getBytes(StandardCharsets.UTF_8);
        byte[] aad = "aad".getBytes(StandardCharsets.UTF_8);
        HpkeSealed sealed = Hpke.seal(recipient.publicKey(), info, aad, PT);
        assertEquals(PT.length + 16, sealed.ciphertext().length);
        assertArrayEquals(PT, Hpke.open(recipient.privateKey(), sealed.enc(), info, aad, sealed.ciphertext()));

        assertThrows(CryptoException.class, () -> Hpke.open(X25519.generate().privateKey(), sealed.enc(), info, aad, sealed.ciphertext()));
        assertThrows(CryptoException.class, () -> Hpke.open(recipient.privateKey(), sealed.enc(), info, "other".getBytes(StandardCharsets.UTF_8), sealed.ciphertext()));
        assertThrows(CryptoException.class, () -> Hpke.open(recipient.privateKey(), sealed.enc(), "x".getBytes(StandardCharsets.UTF_8), aad, sealed.ciphertext()));
        byte[] tampered = sealed.ciphertext().clone();
        tampered[0] ^= 1;
        assertThrows(CryptoException.class, () -> Hpke.open(recipient.privateKey(), sealed.enc(), info, aad, tampered));
        assertThrows(CryptoException.class, () -> Hpke.open(recipient.privateKey(), new byte[5], info, aad, sealed.ciphertext()));
    }

    @Test
    void aes256SuiteDiffersFromTheAes128OneForTheSameInputs() {
        HPKE techo = Hpke.suite(Hpke.AEAD);
        HpkeSealed sealed = Hpke.seal(techo, Hex.decode(PK_R), INFO, Hex.decode(ENCRYPTIONS[0][0]), PT, techo.deriveKeyPair(IKM_E));
        assertEquals(ENC, Hex.encode(sealed.enc()), "the KEM is shared, so the encapsulation is the RFC's");
        org.junit.jupiter.api.Assertions.assertNotEquals(ENCRYPTIONS[0][1], Hex.encode(sealed.ciphertext()));
        assertArrayEquals(PT, Hpke.open(Hex.decode(SK_R), sealed.enc(), INFO, Hex.decode(ENCRYPTIONS[0][0]), sealed.ciphertext()));
    }
}
