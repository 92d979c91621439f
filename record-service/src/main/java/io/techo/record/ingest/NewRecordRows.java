package io.techo.record.ingest;

import io.techo.kit.idempotency.StoredResponse;
import io.techo.kit.outbox.OutboxRow;
import io.techo.record.domain.HealthRecord;
import io.techo.record.domain.KeyEnvelopeRow;
import io.vertx.core.buffer.Buffer;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Everything storing one new record writes, in one transaction: the record, the owner's key envelope, the
 * {@code techo.record.stored} outbox row and, if the request carried an {@code Idempotency-Key}, the row that
 * remembers its response (the 201 the request gets once they are committed).
 */
public record NewRecordRows(HealthRecord record, KeyEnvelopeRow ownerEnvelope, OutboxRow storedEvent, StoredResponse response,
        Optional<Object[]> idempotency) {

    static final String RECORD_COLUMNS = "id, owner_id, category, version, status, ciphertext, ciphertext_sha256, ciphertext_size, "
            + "signer_key_id, signature, header_sha256, stored_event_id, created_at";
    static final String ENVELOPE_COLUMNS = "record_id, recipient_id, recipient_key_id, suite, enc, wrapped_key, created_at";

    Object[] recordValues() {
        return new Object[] {record.id, record.ownerId, record.category, record.version, record.status.name(),
                Buffer.buffer(record.ciphertext), record.ciphertextSha256, record.ciphertextSize, record.signerKeyId,
                Buffer.buffer(record.signature), record.headerSha256, record.storedEventId, utc(record.createdAt)};
    }

    Object[] envelopeValues() {
        return new Object[] {ownerEnvelope.recordId, ownerEnvelope.recipientId, ownerEnvelope.recipientKeyId, ownerEnvelope.suite,
                Buffer.buffer(ownerEnvelope.enc), Buffer.buffer(ownerEnvelope.wrappedKey), utc(ownerEnvelope.createdAt)};
    }

    private static LocalDateTime utc(Instant time) {
        return LocalDateTime.ofInstant(time, ZoneOffset.UTC);
    }
}
