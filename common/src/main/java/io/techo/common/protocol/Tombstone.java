package io.techo.common.protocol;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.techo.common.canonical.Jcs;
import java.time.Instant;
import java.util.UUID;

/**
 * What remains of an erased record: which record, whose, which header it ended and when. Its canonical
 * bytes are what the {@code techo.record.erased} event commits to.
 */
public record Tombstone(UUID recordId, String ownerId, String headerSha256, Instant erasedAt) {

    public byte[] canonicalBytes() {
        ObjectNode node = JsonNodeFactory.instance.objectNode()
                .put("type", "techo.record.tombstone")
                .put("suite", "techo-v1")
                .put("recordId", recordId.toString())
                .put("ownerId", ownerId)
                .put("headerSha256", headerSha256)
                .put("erasedAt", erasedAt.toString());
        return Jcs.canonicalize(node);
    }
}
