package io.techo.common.ids;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * UUIDv7 (RFC 9562 §5.7): 48-bit Unix milliseconds, then random bits. Ids sort by creation time, which keeps
 * B-tree inserts at the right edge and makes them usable as pagination cursors.
 */
public final class Uuids {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Uuids() {
    }

    public static UUID v7() {
        return v7(System.currentTimeMillis());
    }

    static UUID v7(long unixMillis) {
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        long msb = (unixMillis & 0xFFFF_FFFF_FFFFL) << 16
                | 0x7000L
                | ((random[0] & 0x0FL) << 8) | (random[1] & 0xFFL);
        long lsb = 0x8000_0000_0000_0000L | (random[2] & 0x3FL) << 56;
        for (int i = 3; i < 10; i++) {
            lsb |= (random[i] & 0xFFL) << (8 * (9 - i));
        }
        return new UUID(msb, lsb);
    }

    /** True when the id is an RFC 9562 version-7 UUID (variant 10xx). */
    public static boolean isV7(UUID id) {
        return id.version() == 7 && id.variant() == 2;
    }

    /**
     * Parses the canonical 36-character lowercase or uppercase form only; {@link UUID#fromString} also accepts
     * odd short forms such as {@code 1-2-3-4-5}, which must not become record ids.
     *
     * @throws IllegalArgumentException when the text is not a canonical UUID
     */
    public static UUID parseCanonical(String text) {
        if (text == null || !text.matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")) {
            throw new IllegalArgumentException("not a canonical UUID: " + text);
        }
        return UUID.fromString(text);
    }
}
