package io.techo.record.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * A record as the API shows it, with its anchor status. Listings leave {@code ciphertext} and {@code envelopes} out;
 * a single read includes the ciphertext and the caller's own envelopes.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RecordView(
        String recordId,
        int version,
        String ownerId,
        String category,
        String status,
        String ciphertextSha256,
        int ciphertextSize,
        String signerKeyId,
        String signature,
        String headerSha256,
        Instant createdAt,
        Instant erasedAt,
        AnchorView anchor,
        String ciphertext,
        List<EnvelopeBody> envelopes) {
}
