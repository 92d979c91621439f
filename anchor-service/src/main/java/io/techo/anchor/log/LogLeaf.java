package io.techo.anchor.log;

import java.time.Instant;

/**
 * A leaf as stored. {@code leafData}, {@code objectBytes}, {@code subject} and {@code ownerId} are null once the
 * event's record was erased: the leaf hash stays, so the tree and every other proof still verify.
 */
public record LogLeaf(long index, String eventId, String eventType, String subject, String ownerId, byte[] leafHash,
        byte[] leafData, byte[] objectBytes, Instant eventTime) {

    public boolean erased() {
        return leafData == null;
    }
}
