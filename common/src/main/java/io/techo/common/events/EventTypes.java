package io.techo.common.events;

/** The CloudEvents {@code type} values, one constant per event kind, and the topics they travel on. */
public final class EventTypes {

    public static final String RECORD_STORED = "techo.record.stored";
    public static final String RECORD_KEY_SHARED = "techo.record.key-shared";
    public static final String RECORD_ERASED = "techo.record.erased";
    public static final String CONSENT_GRANTED = "techo.consent.granted";
    public static final String CONSENT_REVOKED = "techo.consent.revoked";
    public static final String ACCESS_DECIDED = "techo.access.decided";
    public static final String ANCHOR_CONFIRMED = "techo.anchor.confirmed";
    public static final String ANCHOR_PACKED = "techo.anchor.packed";
    public static final String CHECKPOINT_ANCHORED = "techo.checkpoint.anchored";

    public static final String RECORDS_TOPIC = "techo.records.v1";
    public static final String CONSENTS_TOPIC = "techo.consents.v1";
    public static final String ACCESS_TOPIC = "techo.access.v1";
    public static final String ANCHORS_TOPIC = "techo.anchors.v1";

    /** Suffix of the dead-letter topic that belongs to each topic. */
    public static final String DEAD_LETTER_SUFFIX = ".dlq";

    private EventTypes() {
    }
}
