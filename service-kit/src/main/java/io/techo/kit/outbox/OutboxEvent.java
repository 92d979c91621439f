package io.techo.kit.outbox;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An event waiting to be published, written in the same transaction as the state change it announces.
 * Only inserted through JPA; the relay claims and marks rows with plain SQL.
 */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;

    @Column(name = "event_id", nullable = false)
    public String eventId;

    @Column(nullable = false)
    public String topic;

    @Column(name = "event_key", nullable = false)
    public String eventKey;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    @Column(nullable = false)
    public String subject;

    @Column(name = "event_time", nullable = false)
    public Instant eventTime;

    @Column(nullable = false, length = 16_777_215)
    public String payload;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** The correlation id of the request that caused the event, if any. */
    @Column(name = "request_id")
    public String requestId;

    /** The W3C traceparent of the span that wrote the event, if tracing is on. */
    @Column(name = "traceparent")
    public String traceparent;
}
