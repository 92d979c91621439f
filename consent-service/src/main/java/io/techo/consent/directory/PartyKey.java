package io.techo.consent.directory;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One public key of a party, kept forever: retiring a key only marks it, so a signature made while it was active
 * can still be checked against the key history.
 */
@Entity
@Table(name = "party_key")
public class PartyKey extends PanacheEntityBase {

    /** Signing keys are Ed25519, encryption keys X25519. */
    public enum Use { SIGNING, ENCRYPTION }

    /** A key is active until retired. */
    public enum Status { ACTIVE, RETIRED }

    @Id
    @Column(name = "key_id")
    public String keyId;

    @Column(name = "party_id", nullable = false)
    public String partyId;

    @Enumerated(EnumType.STRING)
    @Column(name = "key_use", nullable = false)
    public Use use;

    @Column(name = "public_key", nullable = false)
    public byte[] publicKey;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "authorized_by")
    public String authorizedBy;

    @Column(name = "added_at", nullable = false)
    public Instant addedAt;

    @Column(name = "retired_at")
    public Instant retiredAt;

    public boolean isActive() {
        return status == Status.ACTIVE;
    }
}
