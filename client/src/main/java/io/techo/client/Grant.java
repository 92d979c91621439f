package io.techo.client;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A consent grant as the consent-service shows it.
 *
 * @param status {@code ACTIVE}, {@code REVOKED} or {@code EXPIRED}
 */
public record Grant(UUID grantId, String patientId, String granteeId, String granteeKind, Scope scope, String purpose,
        Instant notBefore, Instant notAfter, String status, String signerKeyId, Instant createdAt, Instant revokedAt) {

    /** Which records the grant covers: these ids, and every record in these categories. */
    public record Scope(List<String> recordIds, List<String> categories) {

        public Scope {
            recordIds = recordIds == null ? List.of() : List.copyOf(recordIds);
            categories = categories == null ? List.of() : List.copyOf(categories);
        }
    }

    /** Active and inside its period at {@code now}. */
    public boolean inForce(Instant now) {
        return "ACTIVE".equals(status) && !now.isBefore(notBefore) && now.isBefore(notAfter);
    }

    public boolean coversCategory(String category) {
        return scope != null && scope.categories().contains(category);
    }
}
