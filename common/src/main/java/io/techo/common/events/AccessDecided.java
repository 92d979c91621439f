package io.techo.common.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Someone other than the owner asked to read a record, and the consent decision was made: permitted, denied or
 * permitted by break-glass. The patient sees these in their access log; the anchor-service anchors them.
 *
 * @param accessId id of this access (also the access-log entry id)
 * @param decision PERMIT, DENY or PERMIT_BREAK_GLASS
 * @param reason the reason kind (e.g. GRANT, NO_GRANT, EXPIRED, BREAK_GLASS)
 * @param grantId the grant that permitted the read, if any
 * @param breakGlassReason the clinician's stated reason for an emergency read, if any
 * @param accessSha256 SHA-256 of the canonical access object
 */
public record AccessDecided(UUID accessId, String ownerId, String accessorId, UUID recordId, String category, String purpose,
        String decision, String reason, UUID grantId, String breakGlassReason, String accessSha256, Instant decidedAt)
        implements TechoEvent {

    @Override
    public String type() {
        return EventTypes.ACCESS_DECIDED;
    }

    @Override
    public String subject() {
        return recordId.toString();
    }

    @Override
    public String objectSha256() {
        return accessSha256;
    }
}
