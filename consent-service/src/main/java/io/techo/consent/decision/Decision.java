package io.techo.consent.decision;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The answer to "may this accessor read this record for this purpose now?".
 *
 * @param decision PERMIT, PERMIT_BREAK_GLASS or DENY
 * @param reason the reason kind: OWNER, GRANT, BREAK_GLASS, or why not (NO_GRANT, GRANT_REVOKED, NOT_YET_VALID,
 *               EXPIRED, PURPOSE_MISMATCH, OUT_OF_SCOPE, NOT_EMERGENCY_CATEGORY)
 * @param grantId the grant that permits, if one does
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Decision(String decision, String reason, String grantId) {

    static Decision permit(String reason, String grantId) {
        return new Decision("PERMIT", reason, grantId);
    }

    static Decision breakGlass() {
        return new Decision("PERMIT_BREAK_GLASS", "BREAK_GLASS", null);
    }

    static Decision deny(String reason) {
        return new Decision("DENY", reason, null);
    }
}
