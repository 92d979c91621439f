package io.techo.record.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.techo.common.crypto.KeyEnvelope;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/** A record's data key wrapped (HPKE) to one recipient key. */
@Entity
@Table(name = "key_envelope")
@IdClass(KeyEnvelopeRow.Key.class)
public class KeyEnvelopeRow extends PanacheEntityBase {

    @Id
    @Column(name = "record_id")
    public String recordId;

    @Id
    @Column(name = "recipient_id")
    public String recipientId;

    @Id
    @Column(name = "recipient_key_id")
    public String recipientKeyId;

    @Column(nullable = false)
    public String suite;

    @Column(nullable = false)
    public byte[] enc;

    @Column(name = "wrapped_key", nullable = false)
    public byte[] wrappedKey;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static KeyEnvelopeRow of(String recordId, KeyEnvelope envelope, Instant createdAt) {
        KeyEnvelopeRow row = new KeyEnvelopeRow();
        row.recordId = recordId;
        row.recipientId = envelope.recipientId();
        row.recipientKeyId = envelope.recipientKeyId();
        row.suite = envelope.suite();
        row.enc = envelope.enc();
        row.wrappedKey = envelope.wrappedKey();
        row.createdAt = createdAt;
        return row;
    }

    public KeyEnvelope toEnvelope() {
        return new KeyEnvelope(suite, recipientId, recipientKeyId, enc, wrappedKey);
    }

    public boolean sameContentAs(KeyEnvelope envelope) {
        return suite.equals(envelope.suite()) && Arrays.equals(enc, envelope.enc()) && Arrays.equals(wrappedKey, envelope.wrappedKey());
    }

    /** Composite primary key. */
    public static class Key implements Serializable {
        public String recordId;
        public String recipientId;
        public String recipientKeyId;

        public Key() {
        }

        public Key(String recordId, String recipientId, String recipientKeyId) {
            this.recordId = recordId;
            this.recipientId = recipientId;
            this.recipientKeyId = recipientKeyId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(recordId, k.recordId) && Objects.equals(recipientId, k.recipientId)
                    && Objects.equals(recipientKeyId, k.recipientKeyId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(recordId, recipientId, recipientKeyId);
        }
    }
}
