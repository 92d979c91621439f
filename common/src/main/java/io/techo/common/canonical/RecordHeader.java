package io.techo.common.canonical;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.UUID;

/**
 * The record header the owner's device signs with Ed25519: who owns which record, in which category, with which
 * ciphertext (by hash), signed by which device key. The signature is over exactly {@link #canonicalBytes()}.
 */
public record RecordHeader(UUID recordId, int version, String ownerId, String category, String ciphertextSha256,
        String signerKeyId) {

    public static final String TYPE = "techo.record.header";

    /** JCS of {@code {"category","ciphertextSha256","ownerId","recordId","signerKeyId","suite","type","version"}}. */
    public byte[] canonicalBytes() {
        return Jcs.canonicalize(JsonNodeFactory.instance.objectNode()
                .put("category", category)
                .put("ciphertextSha256", ciphertextSha256)
                .put("ownerId", ownerId)
                .put("recordId", recordId.toString())
                .put("signerKeyId", signerKeyId)
                .put("suite", "techo-v1")
                .put("type", TYPE)
                .put("version", version));
    }
}
