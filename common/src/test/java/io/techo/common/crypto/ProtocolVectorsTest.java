package io.techo.common.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.techo.common.canonical.RecordHeader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.bouncycastle.crypto.hpke.HPKE;
import org.junit.jupiter.api.Test;

/**
 * The worked example of docs/protocol.md, "Test vectors": every value printed there is asserted here, so a client in
 * another language can reproduce it byte for byte.
 */
class ProtocolVectorsTest {

    static final UUID RECORD_ID = UUID.fromString("019ab5e2-7c3d-7b1e-9f00-3c4d5e6f7a8b");
    static final String OWNER = "pat-0001";
    static final String CATEGORY = "blood-pressure";
    static final byte[] DEVICE_SECRET = Hex.decode("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
    static final byte[] DATA_KEY = Hex.decode("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
    static final byte[] NONCE = Hex.decode("0f0e0d0c0b0a090807060504");
    static final byte[] PLAINTEXT = "{\"systolic\":128,\"diastolic\":82}".getBytes(StandardCharsets.UTF_8);
    static final byte[] RECIPIENT_SECRET = Hex.decode("4612c550263fc8ad58375df3f557aac531d26850903e55a9f23f21d8534e8ac8");
    static final byte[] EPHEMERAL_IKM = Hex.decode("7268600d403fce431561aef583ee1613527cff655c1343f29812e66706df3234");

    static final String SIGNER_KEY_ID = "21fe31dfa154a261626bf854046fd2271b7bed4b6abe45aa58877ef47f9721b9";
    static final String AAD = "{\"category\":\"blood-pressure\",\"ownerId\":\"pat-0001\",\"recordId\":\"019ab5e2-7c3d-7b1e-9f00-3c4d5e6f7a8b\","
            + "\"suite\":\"techo-v1\",\"version\":1}";
    static final String SEALED_PAYLOAD = "0f0e0d0c0b0a090807060504df12c22528a3c0c282bc936509a8b12d4b027601bc2d9e083f2a8cc50a38cd7947e6db37ffa00d7670997ca16f34cf";
    static final String CIPHERTEXT_SHA256 = "63ea82d581030957a1c75e266b95df1b5c7db82aa054d58e34ae13e4ab80ed9f";
    static final String HEADER = "{\"category\":\"blood-pressure\",\"ciphertextSha256\":\"" + CIPHERTEXT_SHA256 + "\",\"ownerId\":\"pat-0001\","
            + "\"recordId\":\"019ab5e2-7c3d-7b1e-9f00-3c4d5e6f7a8b\",\"signerKeyId\":\"" + SIGNER_KEY_ID + "\",\"suite\":\"techo-v1\","
            + "\"type\":\"techo.record.header\",\"version\":1}";
    static final String HEADER_SHA256 = "6f6a5460e2da56e5f84d930c6551689c25df5b23dd867418a262d52643ec16bd";
    static final String SIGNATURE = "HgeRsvlEG2HnPeECcOfnMbjIX1fQ0lt1tQck9pvNpWVQ/WRsjQAM2il+0I3DP36EGj4RBX0Ug15ScpQtv2AOBQ==";
    static final String RECIPIENT_KEY_ID = "8b228cd75ab70badbec1beb5233f068a684fe81c7c6261c0c8a7af320e9d841b";
    static final String ENVELOPE_ENC = "37fda3567bdbd628e88668c3c8d7e97d1d1253b6d4ea6d44c150f741f1bf4431";
    static final String ENVELOPE_WRAPPED_KEY = "7e1fc2015bceaae55e0734bf228d59d919ecd1b9d7142576eeaf5ab0b7fb696076a31222fcd44b3ed53d73eb8680b3fe";

    private final RecordAad aad = new RecordAad(RECORD_ID, 1, OWNER, CATEGORY);

    @Test
    void payloadEncryption() {
        assertEquals(AAD, new String(aad.bytes(), StandardCharsets.UTF_8));
        byte[] sealed = PayloadCipher.encrypt(DATA_KEY, NONCE, aad.bytes(), PLAINTEXT);
        assertEquals(SEALED_PAYLOAD, Hex.encode(sealed));
        assertArrayEquals(PLAINTEXT, PayloadCipher.decrypt(DATA_KEY, aad, sealed));
        assertEquals(CIPHERTEXT_SHA256, Digests.sha256Hex(sealed));
    }

    @Test
    void signedRecordHeader() {
        byte[] devicePublic = Ed25519.publicKeyOf(DEVICE_SECRET);
        assertEquals(SIGNER_KEY_ID, KeyIds.of(devicePublic));
        RecordHeader header = new RecordHeader(RECORD_ID, 1, OWNER, CATEGORY, CIPHERTEXT_SHA256, SIGNER_KEY_ID);
        assertEquals(HEADER, new String(header.canonicalBytes(), StandardCharsets.UTF_8));
        assertEquals(HEADER_SHA256, Digests.sha256Hex(header.canonicalBytes()));
        byte[] signature = Ed25519.sign(DEVICE_SECRET, header.canonicalBytes());
        assertEquals(SIGNATURE, Base64.getEncoder().encodeToString(signature));
        assertTrue(Ed25519.verify(devicePublic, header.canonicalBytes(), signature));
    }

    @Test
    void keyEnvelope() {
        HPKE suite = Hpke.suite(Hpke.AEAD);
        byte[] recipientPublic = X25519.publicKeyOf(RECIPIENT_SECRET);
        assertEquals(RECIPIENT_KEY_ID, KeyIds.of(recipientPublic));
        HpkeSealed sealed = Hpke.seal(suite, recipientPublic, KeyEnvelopes.INFO, aad.bytes(), DATA_KEY, suite.deriveKeyPair(EPHEMERAL_IKM));
        assertEquals(ENVELOPE_ENC, Hex.encode(sealed.enc()));
        assertEquals(ENVELOPE_WRAPPED_KEY, Hex.encode(sealed.ciphertext()));
        KeyEnvelope envelope = new KeyEnvelope("techo-v1", OWNER, RECIPIENT_KEY_ID, sealed.enc(), sealed.ciphertext());
        assertArrayEquals(DATA_KEY, KeyEnvelopes.unwrap(envelope, RECIPIENT_SECRET, aad));
    }
}
