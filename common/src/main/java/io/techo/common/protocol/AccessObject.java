package io.techo.common.protocol;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.techo.common.canonical.Jcs;
import java.time.Instant;
import java.util.UUID;

/** One access decision as the canonical object a {@code techo.access.decided} event commits to. */
public record AccessObject(UUID accessId, String ownerId, String accessorId, UUID recordId, String category, String purpose,
        String decision, String reason, UUID grantId, String breakGlassReason, Instant decidedAt) {

    public byte[] canonicalBytes() {
        ObjectNode node = JsonNodeFactory.instance.objectNode()
                .put("type", "techo.access")
                .put("suite", "techo-v1")
                .put("accessId", accessId.toString())
                .put("ownerId", ownerId)
                .put("accessorId", accessorId)
                .put("recordId", recordId.toString())
                .put("category", category)
                .put("purpose", purpose)
                .put("decision", decision)
                .put("reason", reason)
                .put("decidedAt", decidedAt.toString());
        if (grantId != null) {
            node.put("grantId", grantId.toString());
        }
        if (breakGlassReason != null) {
            node.put("breakGlassReason", breakGlassReason);
        }
        return Jcs.canonicalize(node);
    }
}
