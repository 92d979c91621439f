package io.techo.client;

import java.time.Instant;
import java.util.UUID;

/**
 * One decided read of the patient's record by someone else.
 *
 * @param decision {@code PERMIT}, {@code PERMIT_BREAK_GLASS} or {@code DENY}
 * @param reason the reason kind of the decision (e.g. {@code GRANT}, {@code GRANT_REVOKED})
 */
public record AccessEntry(UUID accessId, String accessorId, UUID recordId, String category, String purpose, String decision,
        String reason, UUID grantId, String breakGlassReason, Instant decidedAt) {
}
