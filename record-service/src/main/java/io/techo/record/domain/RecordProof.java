package io.techo.record.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The final proof of a record's stored event: the {@code techo.anchor.confirmed} data exactly as the anchor-service
 * published it, so an auditor can verify it offline. Written by the anchor consumer with plain SQL; erased with the
 * record, because it links the record id to its leaf.
 */
@Entity
@Table(name = "record_proof")
public class RecordProof extends PanacheEntityBase {

    @Id
    @Column(name = "record_id", length = 36)
    public String recordId;

    @Column(nullable = false, length = 16_777_215)
    public String confirmation;
}
