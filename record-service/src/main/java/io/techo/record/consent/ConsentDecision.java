package io.techo.record.consent;

/** The consent-service's answer: PERMIT, PERMIT_BREAK_GLASS or DENY, with the reason kind and the permitting grant. */
public record ConsentDecision(String decision, String reason, String grantId) {

    public boolean permits() {
        return decision.startsWith("PERMIT");
    }
}
