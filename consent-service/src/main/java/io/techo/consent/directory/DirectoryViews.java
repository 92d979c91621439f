package io.techo.consent.directory;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/** The JSON shapes of the directory API. */
public final class DirectoryViews {

    private DirectoryViews() {
    }

    /** Start of a registration: the keys to prove, and for a clinician the facility. */
    public record RegistrationRequest(String displayName, String facilityId, String signingKey, String encryptionKey) {
    }

    /** The challenge, sealed with HPKE to the registering encryption key (info {@code techo-v1/registration}). */
    public record RegistrationChallenge(String registrationId, String accountId, String enc, String sealedChallenge, Instant expiresAt) {
    }

    /** The decrypted challenge and the Ed25519 signature over the registration object (docs/protocol.md). */
    public record RegistrationConfirmation(String challenge, String signature) {
    }

    public record FacilityRequest(String displayName) {
    }

    /** A clinician found in the directory, with their facility, for a patient choosing whom to share with. */
    public record ClinicianEntry(String id, String displayName, String facilityId, String facilityName) {
    }

    public record ClinicianList(List<ClinicianEntry> items) {
    }

    /** A new key for the caller's own account, authorized by one of its active signing keys. */
    public record NewKeyRequest(String use, String publicKey, String authorizingKeyId, String authorization, String proof) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record KeyView(String keyId, String partyId, String use, String publicKey, String status, String authorizedBy,
            Instant addedAt, Instant retiredAt) {

        static KeyView of(PartyKey key) {
            return new KeyView(key.keyId, key.partyId, key.use.name(), Base64.getEncoder().encodeToString(key.publicKey),
                    key.status.name(), key.authorizedBy, key.addedAt, key.retiredAt);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PartyView(String id, String kind, String displayName, String facilityId, Instant createdAt, List<KeyView> keys) {

        static PartyView of(Party party, List<PartyKey> keys) {
            return new PartyView(party.id, party.kind.name(), party.displayName, party.facilityId, party.createdAt,
                    keys.stream().map(KeyView::of).toList());
        }
    }
}
