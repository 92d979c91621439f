package io.techo.common.events;

/**
 * A checkpoint's IOST anchor reached a state (PACKED, then IRREVERSIBLE). One per state per checkpoint; keyed by the
 * log's origin, so a log's checkpoints stay in order.
 *
 * @param checkpoint the C2SP signed note
 * @param anchor the IOST transaction and the (origin, size, root, prevSize) it stores
 */
public record CheckpointAnchored(String checkpoint, AnchorRef anchor) implements TechoEvent {

    @Override
    public String type() {
        return EventTypes.CHECKPOINT_ANCHORED;
    }

    @Override
    public String subject() {
        return Long.toString(anchor.size());
    }

    /** The log's origin: checkpoints are not about one patient. */
    @Override
    public String ownerId() {
        return anchor.origin();
    }

    @Override
    public String objectSha256() {
        return anchor.rootHex();
    }
}
