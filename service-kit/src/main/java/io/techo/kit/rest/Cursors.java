package io.techo.kit.rest;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Opaque pagination cursors (base64url of the last id of the previous page) and page-size checks. */
public final class Cursors {

    private Cursors() {
    }

    public static String encode(String lastId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(lastId.getBytes(StandardCharsets.US_ASCII));
    }

    /** @throws io.techo.common.problem.ProblemException 400 when the cursor was not issued by {@link #encode} */
    public static String decode(String cursor) {
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
        } catch (IllegalArgumentException e) {
            throw Fields.invalid("cursor: not a cursor this service issued");
        }
    }

    public static int pageSize(Integer limit, int defaultSize, int maxSize) {
        if (limit == null) {
            return defaultSize;
        }
        if (limit < 1 || limit > maxSize) {
            throw Fields.invalid("limit: between 1 and " + maxSize);
        }
        return limit;
    }
}
