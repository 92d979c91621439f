package io.techo.iost;

import java.math.BigInteger;
import java.util.Arrays;

/** Base58 with the Bitcoin alphabet, as go-iost ({@code common.Base58Encode}, btcutil) and iost.js (bs58) use it. */
public final class Base58 {
    private static final String ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static final BigInteger BASE = BigInteger.valueOf(58);
    private static final int[] INDEX = new int[128];

    static {
        Arrays.fill(INDEX, -1);
        for (int i = 0; i < ALPHABET.length(); i++) {
            INDEX[ALPHABET.charAt(i)] = i;
        }
    }

    private Base58() {
    }

    public static String encode(byte[] data) {
        int zeros = 0;
        while (zeros < data.length && data[zeros] == 0) {
            zeros++;
        }
        StringBuilder sb = new StringBuilder();
        BigInteger n = new BigInteger(1, data);
        while (n.signum() > 0) {
            BigInteger[] qr = n.divideAndRemainder(BASE);
            sb.append(ALPHABET.charAt(qr[1].intValue()));
            n = qr[0];
        }
        sb.append("1".repeat(zeros));
        return sb.reverse().toString();
    }

    /** @throws IllegalArgumentException if the text holds a character outside the alphabet (or is empty) */
    public static byte[] decode(String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("empty base58 string");
        }
        BigInteger n = BigInteger.ZERO;
        int zeros = 0;
        boolean leading = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int digit = c < 128 ? INDEX[c] : -1;
            if (digit < 0) {
                throw new IllegalArgumentException("invalid base58 character at position " + i);
            }
            if (leading && digit == 0) {
                zeros++;
            } else {
                leading = false;
            }
            n = n.multiply(BASE).add(BigInteger.valueOf(digit));
        }
        byte[] magnitude = n.signum() == 0 ? new byte[0] : n.toByteArray();
        int skip = magnitude.length > 0 && magnitude[0] == 0 ? 1 : 0;
        byte[] out = new byte[zeros + magnitude.length - skip];
        System.arraycopy(magnitude, skip, out, zeros, magnitude.length - skip);
        return out;
    }
}
