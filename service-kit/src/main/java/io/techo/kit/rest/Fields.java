package io.techo.kit.rest;

import io.techo.common.ids.Uuids;
import io.techo.common.problem.ProblemException;
import io.techo.common.problem.ProblemKind;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Field readers for request bodies: each turns text into a value or fails with a 400 problem naming the field.
 * Shared by every service so the same kind of field is validated the same way everywhere.
 */
public final class Fields {

    private static final Pattern CATEGORY = Pattern.compile("[a-z][a-z0-9.-]{0,63}");
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern ACCOUNT_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private Fields() {
    }

    public static ProblemException invalid(String detail) {
        return new ProblemException(ProblemKind.INVALID_FIELD, detail);
    }

    public static <T> T required(String field, T value) {
        if (value == null) {
            throw invalid(field + ": required");
        }
        return value;
    }

    public static byte[] base64(String field, String text) {
        required(field, text);
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw invalid(field + ": not standard base64");
        }
    }

    /** Base64 of exactly {@code length} bytes (keys, signatures). */
    public static byte[] base64OfLength(String field, String text, int length, String what) {
        byte[] bytes = base64(field, text);
        if (bytes.length != length) {
            throw invalid(field + ": " + what + " is " + length + " bytes");
        }
        return bytes;
    }

    public static String sha256Hex(String field, String text) {
        if (text == null || !SHA256_HEX.matcher(text).matches()) {
            throw invalid(field + ": 64 lowercase hex digits (SHA-256) required");
        }
        return text;
    }

    public static UUID uuidV7(String field, String text) {
        UUID id;
        try {
            id = Uuids.parseCanonical(text);
        } catch (IllegalArgumentException e) {
            throw invalid(field + ": not a UUID");
        }
        if (!Uuids.isV7(id)) {
            throw invalid(field + ": must be a UUIDv7");
        }
        return id;
    }

    public static String category(String field, String text) {
        if (text == null || !CATEGORY.matcher(text).matches()) {
            throw invalid(field + ": lowercase letters, digits, '.' and '-', starting with a letter, at most 64 characters");
        }
        return text;
    }

    public static String accountId(String field, String text) {
        if (text == null || !ACCOUNT_ID.matcher(text).matches()) {
            throw invalid(field + ": 1-64 characters of [A-Za-z0-9._:-]");
        }
        return text;
    }

    /**
     * An RFC 3339 UTC time in its canonical form ({@code 2026-11-24T10:00:00Z}, fraction only when non-zero), because
     * signed objects carry times as text and the server must rebuild exactly the signed bytes.
     */
    public static Instant canonicalTime(String field, String text) {
        required(field, text);
        try {
            Instant time = Instant.parse(text);
            if (!time.toString().equals(text)) {
                throw invalid(field + ": use the canonical UTC form " + time);
            }
            return time;
        } catch (DateTimeParseException e) {
            throw invalid(field + ": not an RFC 3339 UTC time such as 2026-11-24T10:00:00Z");
        }
    }

    /** Free text of at most {@code max} characters, not blank. */
    public static String text(String field, String text, int max) {
        if (text == null || text.isBlank() || text.length() > max) {
            throw invalid(field + ": required, at most " + max + " characters");
        }
        return text.strip();
    }
}
