package io.techo.common.crypto;

import java.util.HexFormat;

/** Lowercase hexadecimal, the platform's text form of hashes and key ids. */
public final class Hex {

    private static final HexFormat LOWER = HexFormat.of();

    private Hex() {
    }

    public static String encode(byte[] bytes) {
        return LOWER.formatHex(bytes);
    }

    /** @throws IllegalArgumentException when the text has odd length or a non-hex character */
    public static byte[] decode(String hex) {
        return LOWER.parseHex(hex);
    }
}
