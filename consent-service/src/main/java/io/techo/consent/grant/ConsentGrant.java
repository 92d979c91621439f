package io.techo.consent.grant;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.techo.consent.directory.PartyKind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A patient-signed grant. Its scope is stored exactly as signed (JSON arrays), so the signature stays checkable. */
@Entity
@Table(name = "consent_grant")
public class ConsentGrant extends PanacheEntityBase {

    /** Stored status; EXPIRED is derived from {@code notAfter}, never written. */
    public enum Status { ACTIVE, REVOKED }

    @Id
    public String id;

    @Column(name = "patient_id", nullable = false)
    public String patientId;

    @Column(name = "grantee_id", nullable = false)
    public String granteeId;

    @Enumerated(EnumType.STRING)
    @Column(name = "grantee_kind", nullable = false)
    public PartyKind granteeKind;

    @Column(nullable = false)
    public String purpose;

    @Column(name = "not_before", nullable = false)
    public Instant notBefore;

    @Column(name = "not_after", nullable = false)
    public Instant notAfter;

    @Column(name = "record_ids", nullable = false)
    public String recordIdsJson;

    @Column(name = "categories", nullable = false)
    public String categoriesJson;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "signer_key_id", nullable = false)
    public String signerKeyId;

    @Column(nullable = false)
    public byte[] signature;

    @Column(name = "grant_sha256", nullable = false)
    public String grantSha256;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    public java.util.List<String> scopeRecordIds() {
        return GrantMapping.fromJson(recordIdsJson);
    }

    public java.util.List<String> scopeCategories() {
        return GrantMapping.fromJson(categoriesJson);
    }

    /** ACTIVE, REVOKED or EXPIRED as of {@code now}. */
    public String effectiveStatus(Instant now) {
        if (status == Status.REVOKED) {
            return "REVOKED";
        }
        return now.isAfter(notAfter) ? "EXPIRED" : "ACTIVE";
    }
}
