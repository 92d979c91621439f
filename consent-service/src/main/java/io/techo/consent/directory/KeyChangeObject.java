package io.techo.consent.directory;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.techo.common.canonical.Jcs;

/** What an existing signing key signs to authorize a new key for the same account (and the new key signs as proof). */
record KeyChangeObject(String partyId, String keyId, String use) {

    byte[] canonicalBytes() {
        return Jcs.canonicalize(JsonNodeFactory.instance.objectNode()
                .put("type", "techo.party.key-added")
                .put("suite", "techo-v1")
                .put("partyId", partyId)
                .put("keyId", keyId)
                .put("use", use));
    }
}
