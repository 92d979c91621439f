package io.techo.common.log;

import io.techo.common.crypto.Digests;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** What signed-note keys share (c2sp.org/signed-note): key names, key hashes and the strict base64 of key strings. */
final class NoteKeys {

    /** The signature type byte of Ed25519 keys. */
    static final byte ALG_ED25519 = 0x01;

    private NoteKeys() {
    }

    /** First 4 bytes, big-endian, of {@code SHA-256(name ‖ "\n" ‖ typedKey)}, where typedKey is 0x01 ‖ public key. */
    static int keyHash(String name, byte[] typedKey) {
        ByteArrayOutputStream input = new ByteArrayOutputStream();
        input.writeBytes(name.getBytes(StandardCharsets.UTF_8));
        input.write('\n');
        input.writeBytes(typedKey);
        byte[] hash = Digests.sha256(input.toByteArray());
        return (hash[0] & 0xff) << 24 | (hash[1] & 0xff) << 16 | (hash[2] & 0xff) << 8 | (hash[3] & 0xff);
    }

    /** 0x01 ‖ the 32-byte Ed25519 public key. */
    static byte[] typedEd25519Key(byte[] publicKey) {
        byte[] typed = new byte[publicKey.length + 1];
        typed[0] = ALG_ED25519;
        System.arraycopy(publicKey, 0, typed, 1, publicKey.length);
        return typed;
    }

    /** Non-empty, without Unicode spaces and without '+'. */
    static boolean isValidName(String name) {
        if (name.isEmpty()) {
            return false;
        }
        return name.codePoints().noneMatch(c -> c == '+' || c == 0x85 || Character.isWhitespace(c) || Character.isSpaceChar(c));
    }

    /** Exactly 8 lowercase hex digits, as key strings spell key hashes. */
    static boolean isHashHex(String hex) {
        return hex.length() == 8 && hex.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
    }

    static String hashHex(int keyHash) {
        return String.format("%08x", keyHash);
    }

    /** Standard base64 with padding, and nothing that would decode to the same bytes another way; null when not. */
    static byte[] decodeBase64(String text) {
        try {
            byte[] bytes = Base64.getDecoder().decode(text);
            return Base64.getEncoder().encodeToString(bytes).equals(text) ? bytes : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
