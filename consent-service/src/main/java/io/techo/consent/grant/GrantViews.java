package io.techo.consent.grant;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/** The JSON shapes of the grants API. */
public final class GrantViews {

    private GrantViews() {
    }

    public record Scope(List<String> recordIds, List<String> categories) {
    }

    /** A grant as the patient's device signed it (docs/protocol.md §7), plus the signature. */
    public record GrantRequest(String grantId, String granteeId, Scope scope, String purpose, String notBefore, String notAfter,
            String signerKeyId, String signature) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record GrantView(String grantId, String patientId, String granteeId, String granteeKind, Scope scope, String purpose,
            Instant notBefore, Instant notAfter, String status, String signerKeyId, String signature, String grantSha256,
            Instant createdAt, Instant revokedAt) {
    }

    public record GrantPage(List<GrantView> items, String nextCursor) {
    }

    public record EmergencyCategories(List<String> categories) {
    }
}
