package io.techo.record.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.Length;

/**
 * One encrypted record. The server holds only ciphertext, the signed header's fields and the owner's signature.
 * Ciphertext is a plain binary column, never {@code @Lob} (Hibernate Reactive cannot bind BlobProxy).
 */
@Entity
@Table(name = "record")
public class HealthRecord extends PanacheEntityBase {

    @Id
    @Column(length = 36)
    public String id;

    @Column(name = "owner_id", nullable = false)
    public String ownerId;

    @Column(nullable = false)
    public String category;

    @Column(nullable = false)
    public int version;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RecordStatus status;

    @Column(length = Length.LONG32)
    public byte[] ciphertext;

    @Column(name = "ciphertext_sha256", nullable = false)
    public String ciphertextSha256;

    @Column(name = "ciphertext_size", nullable = false)
    public int ciphertextSize;

    @Column(name = "signer_key_id", nullable = false)
    public String signerKeyId;

    @Column(nullable = false)
    public byte[] signature;

    @Column(name = "header_sha256", nullable = false)
    public String headerSha256;

    /** CloudEvent id of this record's {@code techo.record.stored} event: how anchor confirmations name it. */
    @Column(name = "stored_event_id", length = 36)
    public String storedEventId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "erased_at")
    public Instant erasedAt;

    public boolean isErased() {
        return status == RecordStatus.ERASED;
    }

    /** Crypto-shredding of the row itself: the ciphertext goes, the header facts stay as the tombstone. */
    public void markErased(Instant when) {
        status = RecordStatus.ERASED;
        ciphertext = null;
        erasedAt = when;
    }
}
