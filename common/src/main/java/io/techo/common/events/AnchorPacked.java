package io.techo.common.events;

/**
 * A logged event's checkpoint is in an IOST block that is not yet irreversible. Sent only when the anchor-service
 * sees the PACKED state before the IRREVERSIBLE one; the {@link AnchorConfirmed} with the proof follows.
 *
 * @param logEventId the CloudEvent id of the logged event
 * @param logEventType its CloudEvent type
 * @param subject its subject
 * @param ownerId the patient it concerns (the Kafka key)
 * @param leafIndex the leaf's index in the log
 * @param anchor the IOST transaction, status {@code PACKED}
 */
public record AnchorPacked(String logEventId, String logEventType, String subject, String ownerId, long leafIndex,
        AnchorRef anchor) implements TechoEvent {

    @Override
    public String type() {
        return EventTypes.ANCHOR_PACKED;
    }

    /** The anchored root, lowercase hex. */
    @Override
    public String objectSha256() {
        return anchor.rootHex();
    }
}
