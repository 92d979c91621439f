package io.techo.consent.decision;

import io.techo.consent.grant.ConsentGrant;
import java.time.Instant;

/** Why one grant does not permit a read, or null when it does. */
final class GrantCheck {

    private GrantCheck() {
    }

    static String miss(ConsentGrant grant, String recordId, String category, String purpose, Instant now) {
        if (grant.status == ConsentGrant.Status.REVOKED) {
            return "GRANT_REVOKED";
        }
        if (now.isBefore(grant.notBefore)) {
            return "NOT_YET_VALID";
        }
        if (now.isAfter(grant.notAfter)) {
            return "EXPIRED";
        }
        if (!grant.purpose.equals(purpose)) {
            return "PURPOSE_MISMATCH";
        }
        boolean inScope = grant.scopeRecordIds().contains(recordId) || grant.scopeCategories().contains(category);
        return inScope ? null : "OUT_OF_SCOPE";
    }
}
