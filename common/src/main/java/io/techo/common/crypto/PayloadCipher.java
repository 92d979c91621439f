package io.techo.common.crypto;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Record payload encryption: AES-256-GCM, a fresh 256-bit data key per record version, a random 96-bit nonce.
 * Layout of the sealed bytes: {@code nonce (12) ‖ ciphertext ‖ tag (16)}.
 */
public final class PayloadCipher {

    public static final int KEY_BYTES = 32;
    public static final int NONCE_BYTES = 12;
    public static final int TAG_BYTES = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private PayloadCipher() {
    }

    public static byte[] newDataKey() {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return key;
    }

    public static byte[] encrypt(byte[] dataKey, RecordAad aad, byte[] plaintext) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        return encrypt(dataKey, nonce, aad.bytes(), plaintext);
    }

    /** Deterministic form with a caller-chosen nonce: for test vectors only; a nonce must never repeat under a key. */
    static byte[] encrypt(byte[] dataKey, byte[] nonce, byte[] aad, byte[] plaintext) {
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, dataKey, nonce);
            cipher.updateAAD(aad);
            byte[] ciphertext = cipher.doFinal(plaintext);
            byte[] sealed = new byte[NONCE_BYTES + ciphertext.length];
            System.arraycopy(nonce, 0, sealed, 0, NONCE_BYTES);
            System.arraycopy(ciphertext, 0, sealed, NONCE_BYTES, ciphertext.length);
            return sealed;
        } catch (GeneralSecurityException e) {
            throw new CryptoException("AES-GCM encryption failed", e);
        }
    }

    /** @throws CryptoException when the key, the AAD or any byte of the sealed data is wrong */
    public static byte[] decrypt(byte[] dataKey, RecordAad aad, byte[] sealed) {
        if (sealed == null || sealed.length < NONCE_BYTES + TAG_BYTES) {
            throw new CryptoException("sealed payload is shorter than nonce and tag");
        }
        try {
            byte[] nonce = java.util.Arrays.copyOf(sealed, NONCE_BYTES);
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, dataKey, nonce);
            cipher.updateAAD(aad.bytes());
            return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
        } catch (AEADBadTagException e) {
            throw new CryptoException("payload does not authenticate: wrong key, wrong record binding, or altered", e);
        } catch (GeneralSecurityException e) {
            throw new CryptoException("AES-GCM decryption failed", e);
        }
    }

    private static Cipher cipher(int mode, byte[] key, byte[] nonce) throws GeneralSecurityException {
        if (key == null || key.length != KEY_BYTES) {
            throw new CryptoException("a data key is 32 bytes");
        }
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BYTES * 8, nonce));
        return cipher;
    }
}
