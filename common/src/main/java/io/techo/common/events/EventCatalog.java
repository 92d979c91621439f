package io.techo.common.events;

import java.util.Map;
import java.util.Optional;

/** The data class of every CloudEvents {@code type} the platform emits, so a consumer can read any event generically. */
public final class EventCatalog {

    private static final Map<String, Class<? extends TechoEvent>> DATA_CLASSES = Map.of(
            EventTypes.RECORD_STORED, RecordStored.class,
            EventTypes.RECORD_KEY_SHARED, RecordKeyShared.class,
            EventTypes.RECORD_ERASED, RecordErased.class,
            EventTypes.CONSENT_GRANTED, ConsentGranted.class,
            EventTypes.CONSENT_REVOKED, ConsentRevoked.class,
            EventTypes.ACCESS_DECIDED, AccessDecided.class,
            EventTypes.ANCHOR_CONFIRMED, AnchorConfirmed.class,
            EventTypes.ANCHOR_PACKED, AnchorPacked.class,
            EventTypes.CHECKPOINT_ANCHORED, CheckpointAnchored.class);

    private EventCatalog() {
    }

    public static Optional<Class<? extends TechoEvent>> dataClass(String type) {
        return Optional.ofNullable(DATA_CLASSES.get(type));
    }

    /**
     * Reads an event's JSON data by its type.
     *
     * @throws IllegalArgumentException for an unknown type or data that does not match it
     */
    public static TechoEvent read(String type, String json) {
        Class<? extends TechoEvent> dataClass = dataClass(type)
                .orElseThrow(() -> new IllegalArgumentException("unknown event type " + type));
        return EventJson.read(json, dataClass);
    }
}
