package io.techo.record.access;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One decided read of a patient's record by someone else: what the patient sees in their access log. */
@Entity
@Table(name = "access_log")
public class AccessLogEntry extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "owner_id", nullable = false)
    public String ownerId;

    @Column(name = "accessor_id", nullable = false)
    public String accessorId;

    @Column(name = "record_id", nullable = false)
    public String recordId;

    @Column(nullable = false)
    public String category;

    @Column(nullable = false)
    public String purpose;

    @Column(nullable = false)
    public String decision;

    @Column(nullable = false)
    public String reason;

    @Column(name = "grant_id")
    public String grantId;

    @Column(name = "break_glass_reason")
    public String breakGlassReason;

    @Column(name = "decided_at", nullable = false)
    public Instant decidedAt;
}
