package io.techo.client;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What a patient shares: with whom, which records (by id and/or category), why and until when.
 *
 * @param purpose an HL7 PurposeOfUse code, e.g. {@code TREAT}
 * @param notBefore start of the period (whole seconds are sent; the server needs Java's canonical instant form)
 */
public record ShareRequest(String granteeId, List<UUID> recordIds, List<String> categories, String purpose, Instant notBefore,
        Instant notAfter) {

    public ShareRequest {
        recordIds = List.copyOf(recordIds);
        categories = List.copyOf(categories);
        if (recordIds.isEmpty() && categories.isEmpty()) {
            throw new IllegalArgumentException("share at least one record or category");
        }
    }
}
