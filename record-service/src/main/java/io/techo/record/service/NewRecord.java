package io.techo.record.service;

import io.techo.common.crypto.KeyEnvelope;
import java.util.UUID;

/** A create request whose fields are well-formed; signature and hash are checked by {@link RecordService}. */
public record NewRecord(UUID recordId, int version, String category, byte[] ciphertext, String ciphertextSha256,
        KeyEnvelope ownerEnvelope, byte[] signature) {
}
