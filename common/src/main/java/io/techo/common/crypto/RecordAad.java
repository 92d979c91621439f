package io.techo.common.crypto;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.techo.common.canonical.Jcs;
import java.util.UUID;

/**
 * The additional authenticated data of a record's payload and key envelopes: it binds the ciphertext to its
 * record id, version, owner and category, so a ciphertext moved to another record fails to decrypt.
 */
public record RecordAad(UUID recordId, int version, String ownerId, String category) {

    /** JCS of {@code {"category","ownerId","recordId","suite":"techo-v1","version"}}. */
    public byte[] bytes() {
        return Jcs.canonicalize(JsonNodeFactory.instance.objectNode()
                .put("category", category)
                .put("ownerId", ownerId)
                .put("recordId", recordId.toString())
                .put("suite", "techo-v1")
                .put("version", version));
    }
}
