package io.techo.common.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PayloadCipherTest {

    private static final RecordAad AAD = new RecordAad(UUID.fromString("019ab5e2-7c3d-7b1e-9f00-3c4d5e6f7a8b"), 1, "pat-1", "glucose");

    /** McGrew–Viega GCM specification, test case 14: AES-256, zero key, zero IV, one zero block. */
    @Test
    void aes256GcmKnownAnswer() {
        byte[] sealed = PayloadCipher.encrypt(new byte[32], new byte[12], new byte[0], new byte[16]);
        assertEquals("000000000000000000000000" + "cea7403d4d606b6e074ec5d3baf39d18" + "d0d1c8a799996bf0265b98b5d48ab919", Hex.encode(sealed));
    }

    /** McGrew–Viega test case 13: AES-256, zero key, zero IV, empty plaintext: only the tag. */
    @Test
    void aes256GcmKnownAnswerEmptyPlaintext() {
        byte[] sealed = PayloadCipher.encrypt(new byte[32], new byte[12], new byte[0], new byte[0]);
        assertEquals("000000000000000000000000" + "530f8afbc74536b9a963b4f1c4cb738b", Hex.encode(sealed));
    }

    @Test
    void roundTripsAndBindsTheRecord() {
        byte[] key = PayloadCipher.newDataKey();
        byte[] plaintext = "systolic 128".getBytes(StandardCharsets.UTF_8);
        byte[] sealed = PayloadCipher.encrypt(key, AAD, plaintext);
        assertEquals(12 + plaintext.length + 16, sealed.length);
        assertArrayEquals(plaintext, PayloadCipher.decrypt(key, AAD, sealed));

        assertThrows(CryptoException.class, () -> PayloadCipher.decrypt(key, new RecordAad(UUID.randomUUID(), 1, "pat-1", "glucose"), sealed));
        assertThrows(CryptoException.class, () -> PayloadCipher.decrypt(key, new RecordAad(AAD.recordId(), 2, "pat-1", "glucose"), sealed));
        assertThrows(CryptoException.class, () -> PayloadCipher.decrypt(key, new RecordAad(AAD.recordId(), 1, "pat-2", "glucose"), sealed));
        assertThrows(CryptoException.class, () -> PayloadCipher.decrypt(key, new RecordAad(AAD.recordId(), 1, "pat-1", "weight"), sealed));
        assertThrows(CryptoException.class, () -> PayloadCipher.decrypt(PayloadCipher.newDataKey(), AAD, sealed));
        byte[] tampered = sealed.clone();
        tampered[tampered.length - 1] ^= 1;
        assertThrows(CryptoException.class, () -> PayloadCipher.decrypt(key, AAD, tampered));
        assertThrows(CryptoException.class, () -> PayloadCipher.decrypt(key, AAD, new byte[10]));
    }

    @Test
    void aadIsTheCanonicalRecordBinding() {
        assertEquals("{\"category\":\"glucose\",\"ownerId\":\"pat-1\",\"recordId\":\"019ab5e2-7c3d-7b1e-9f00-3c4d5e6f7a8b\",\"suite\":\"techo-v1\",\"version\":1}",
                new String(AAD.bytes(), StandardCharsets.UTF_8));
    }
}
