package io.techo.common.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The patient revoked a grant; effective for every read that starts after the revoke call returned. Carries the
 * scope so the record-service can delete the grantee's key envelopes of the covered records.
 */
public record ConsentRevoked(UUID grantId, String ownerId, String granteeId, List<String> recordIds, List<String> categories,
        String grantSha256, Instant revokedAt) implements TechoEvent {

    @Override
    public String type() {
        return EventTypes.CONSENT_REVOKED;
    }

    @Override
    public String subject() {
        return grantId.toString();
    }

    @Override
    public String objectSha256() {
        return grantSha256;
    }
}
