package io.techo.common.ids;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * UUIDv7 (RFC 9562 §5.7): 48-bit Unix milliseconds, then random bits. Ids sort by creation time, which keeps
 * B-tree inserts at the right edge and makes them usable as pagination cursors. Also name-based ids, for what is
 * derived from stored state and must keep its id when derived again.
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

    /**
     * A name-based UUIDv8, RFC 9562's SHA-256 construction (§5.8, Appendix B.2): the first 128 bits of
     * SHA-256(namespace ‖ UTF-8 name) with the version and variant bits set. The same namespace and name always give
     * the same id.
     */
    public static UUID nameBased(UUID namespace, String name) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        sha256.update(ByteBuffer.allocate(16).putLong(namespace.getMostSignificantBits())
                .putLong(namespace.getLeastSignificantBits()).array());
        ByteBuffer hash = ByteBuffer.wrap(sha256.digest(name.getBytes(StandardCharsets.UTF_8)));
        long msb = hash.getLong() & ~0xF000L | 0x8000L;
        long lsb = hash.getLong() & 0x3FFF_FFFF_FFFF_FFFFL | 0x8000_0000_0000_0000L;
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
