package io.techo.common.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The owner erased a record (crypto-shredding): ciphertext and every key envelope are destroyed; only a
 * tombstone remains. Consumers that hold per-record linking data (the anchor log's salts) delete it.
 *
 * @param recordId the erased record
 * @param ownerId the patient who owned it
 * @param headerSha256 SHA-256 of the record header that was erased, so the tombstone names what it ends
 * @param tombstoneSha256 lowercase hex SHA-256 of the canonical tombstone object
 * @param erasedAt when the service committed the erasure
 */
public record RecordErased(
        UUID recordId,
        String ownerId,
        String headerSha256,
        String tombstoneSha256,
        Instant erasedAt) implements TechoEvent {

    @Override
    public String type() {
        return EventTypes.RECORD_ERASED;
    }

    @Override
    public String subject() {
        return recordId.toString();
    }

    @Override
    public String objectSha256() {
        return tombstoneSha256;
    }
}
