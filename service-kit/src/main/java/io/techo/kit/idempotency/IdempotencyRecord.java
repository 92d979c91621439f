package io.techo.kit.idempotency;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** The remembered outcome of a POST made with an {@code Idempotency-Key}. */
@Entity
@Table(name = "idempotency_key")
@IdClass(IdempotencyRecord.Key.class)
public class IdempotencyRecord extends PanacheEntityBase {

    @Id
    @Column(name = "caller_id")
    public String callerId;

    @Id
    @Column(name = "idempotency_key")
    public String idempotencyKey;

    @Column(name = "request_sha256", nullable = false)
    public String requestSha256;

    @Column(name = "response_status", nullable = false)
    public int responseStatus;

    @Column(name = "response_body", nullable = false, length = 16_777_215)
    public String responseBody;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Composite primary key. */
    public static class Key implements Serializable {
        public String callerId;
        public String idempotencyKey;

        public Key() {
        }

        public Key(String callerId, String idempotencyKey) {
            this.callerId = callerId;
            this.idempotencyKey = idempotencyKey;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(callerId, k.callerId) && Objects.equals(idempotencyKey, k.idempotencyKey);
        }

        @Override
        public int hashCode() {
            return Objects.hash(callerId, idempotencyKey);
        }
    }
}
