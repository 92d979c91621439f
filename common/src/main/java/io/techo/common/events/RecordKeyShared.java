package io.techo.common.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The owner added a key envelope for another recipient: that recipient can now decrypt the record,
 * provided consent permits the read.
 *
 * @param recordId the record whose data key was wrapped
 * @param ownerId the patient who owns the record
 * @param recipientId the account the envelope is for
 * @param recipientKeyId key id of the recipient's X25519 key
 * @param envelopeSha256 lowercase hex SHA-256 of the canonical envelope object
 * @param sharedAt when the service committed the envelope
 */
public record RecordKeyShared(
        UUID recordId,
        String ownerId,
        String recipientId,
        String recipientKeyId,
        String envelopeSha256,
        Instant sharedAt) implements TechoEvent {

    @Override
    public String type() {
        return EventTypes.RECORD_KEY_SHARED;
    }

    @Override
    public String subject() {
        return recordId.toString();
    }

    @Override
    public String objectSha256() {
        return envelopeSha256;
    }
}
