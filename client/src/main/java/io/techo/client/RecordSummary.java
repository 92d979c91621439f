package io.techo.client;

import java.time.Instant;
import java.util.UUID;

/** A record's metadata as the record-service shows it (never its content). */
public record RecordSummary(UUID recordId, int version, String ownerId, String category, String status, String ciphertextSha256,
        int ciphertextSize, String signerKeyId, Instant createdAt, AnchorInfo anchor) {

    /** The anchor status, {@code PENDING} while nothing is known. */
    public String anchorStatus() {
        return anchor == null || anchor.status() == null ? "PENDING" : anchor.status();
    }
}
