package io.techo.common.protocol;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.techo.common.canonical.Jcs;
import io.techo.common.crypto.KeyEnvelope;
import java.util.Base64;
import java.util.UUID;

/**
 * The canonical object a {@code techo.record.key-shared} event commits to: one key envelope bound to its record.
 */
public record EnvelopeCommitment(UUID recordId, KeyEnvelope envelope) {

    public byte[] canonicalBytes() {
        Base64.Encoder base64 = Base64.getEncoder();
        ObjectNode node = JsonNodeFactory.instance.objectNode()
                .put("type", "techo.key-envelope")
                .put("suite", envelope.suite())
                .put("recordId", recordId.toString())
                .put("recipientId", envelope.recipientId())
                .put("recipientKeyId", envelope.recipientKeyId())
                .put("enc", base64.encodeToString(envelope.enc()))
                .put("wrappedKey", base64.encodeToString(envelope.wrappedKey()));
        return Jcs.canonicalize(node);
    }
}
