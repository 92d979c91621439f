package io.techo.common.events;

/**
 * The data of one platform event. Implementations are immutable records that travel as the JSON body
 * of a CloudEvent (binary mode); the CloudEvent attributes travel as Kafka headers.
 *
 * <p>Every event commits to exactly one signed or canonical object through {@link #objectSha256()}:
 * the anchor-service puts that hash into the event's Merkle leaf, so an auditor holding the object
 * can prove it existed unchanged.
 */
public interface TechoEvent {

    /** CloudEvents {@code type}, e.g. {@code techo.record.stored}. */
    String type();

    /** CloudEvents {@code subject}: the id of the thing the event is about (record id, grant id …). */
    String subject();

    /** The patient whose data this is; the Kafka key, so one patient's events stay in order. */
    String ownerId();

    /** Lowercase hex SHA-256 of the canonical bytes of the object this event commits to. */
    String objectSha256();
}
