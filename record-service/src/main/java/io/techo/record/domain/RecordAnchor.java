package io.techo.record.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Where a record's stored event is anchored: the IOST transaction of the checkpoint holding its leaf. Only read and
 * deleted through JPA; the anchor consumer writes rows with plain SQL ({@code io.techo.record.anchor.AnchorStateWriter}).
 * No row means {@link AnchorStatus#PENDING}.
 */
@Entity
@Table(name = "record_anchor")
public class RecordAnchor extends PanacheEntityBase {

    @Id
    @Column(name = "record_id", length = 36)
    public String recordId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AnchorStatus status;

    @Column(name = "leaf_index", nullable = false)
    public long leafIndex;

    @Column(name = "chain_id", nullable = false)
    public int chainId;

    @Column(nullable = false)
    public String contract;

    @Column(name = "tx_hash", nullable = false)
    public String txHash;

    /** Null while PACKED in a block the anchor-service did not name. */
    @Column(name = "block_number")
    public Long blockNumber;
}
