package io.techo.consent.directory;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A registration waiting for its proof of possession of both keys. */
@Entity
@Table(name = "pending_registration")
public class PendingRegistration extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "account_id", nullable = false)
    public String accountId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PartyKind kind;

    @Column(name = "display_name", nullable = false)
    public String displayName;

    @Column(name = "facility_id")
    public String facilityId;

    @Column(name = "signing_key", nullable = false)
    public byte[] signingKey;

    @Column(name = "encryption_key", nullable = false)
    public byte[] encryptionKey;

    @Column(name = "challenge_sha256", nullable = false)
    public String challengeSha256;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;
}
