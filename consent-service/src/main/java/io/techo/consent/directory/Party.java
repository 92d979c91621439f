package io.techo.consent.directory;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A patient, clinician or facility. */
@Entity
@Table(name = "party")
public class Party extends PanacheEntityBase {

    @Id
    public String id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PartyKind kind;

    @Column(name = "display_name", nullable = false)
    public String displayName;

    @Column(name = "facility_id")
    public String facilityId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
