package io.techo.common.protocol;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.techo.common.canonical.Jcs;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A consent grant as the patient's device signs it (docs/protocol.md §7): who may read which records or categories,
 * for which HL7 PurposeOfUse, in which period. The signature is over {@link #canonicalBytes()}.
 */
public record GrantObject(UUID grantId, String patientId, String granteeId, List<String> recordIds, List<String> categories,
        String purpose, Instant notBefore, Instant notAfter, String signerKeyId) {

    public static final String TYPE = "techo.consent.grant";

    public byte[] canonicalBytes() {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode scope = json.objectNode();
        ArrayNode records = scope.putArray("recordIds");
        recordIds.forEach(records::add);
        ArrayNode categoryArray = scope.putArray("categories");
        categories.forEach(categoryArray::add);
        ObjectNode node = json.objectNode()
                .put("type", TYPE)
                .put("suite", "techo-v1")
                .put("grantId", grantId.toString())
                .put("patientId", patientId)
                .put("granteeId", granteeId)
                .put("purpose", purpose)
                .put("notBefore", notBefore.toString())
                .put("notAfter", notAfter.toString())
                .put("signerKeyId", signerKeyId);
        node.set("scope", scope);
        return Jcs.canonicalize(node);
    }
}
