package io.techo.common.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A patient's signed grant was accepted; carries the signed grant so anyone can re-verify it. */
public record ConsentGranted(UUID grantId, String ownerId, String granteeId, String granteeKind, List<String> recordIds,
        List<String> categories, String purpose, Instant notBefore, Instant notAfter, String signerKeyId, String signature,
        String grantSha256, Instant grantedAt) implements TechoEvent {

    @Override
    public String type() {
        return EventTypes.CONSENT_GRANTED;
    }

    @Override
    public String subject() {
        return grantId.toString();
    }

    @Override
    public String objectSha256() {
        return grantSha256;
    }
}
