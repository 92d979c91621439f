package io.techo.common.protocol;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.techo.common.canonical.Jcs;
import java.util.Base64;
import java.util.UUID;

/**
 * What a registering device signs with its new Ed25519 key to prove it holds both keys: the registration, the account
 * id the directory assigned, both key ids, and the challenge it could only read with its X25519 key.
 */
public record RegistrationObject(UUID registrationId, String accountId, String signingKeyId, String encryptionKeyId,
        byte[] challenge) {

    public static final String TYPE = "techo.party.registration";

    public byte[] canonicalBytes() {
        return Jcs.canonicalize(JsonNodeFactory.instance.objectNode()
                .put("type", TYPE)
                .put("suite", "techo-v1")
                .put("registrationId", registrationId.toString())
                .put("accountId", accountId)
                .put("signingKeyId", signingKeyId)
                .put("encryptionKeyId", encryptionKeyId)
                .put("challenge", Base64.getEncoder().encodeToString(challenge)));
    }
}
