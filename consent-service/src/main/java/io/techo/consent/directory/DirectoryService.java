package io.techo.consent.directory;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.techo.common.crypto.Digests;
import io.techo.common.crypto.Ed25519;
import io.techo.common.crypto.Hpke;
import io.techo.common.crypto.HpkeSealed;
import io.techo.common.crypto.KeyIds;
import io.techo.common.ids.Uuids;
import io.techo.common.problem.ProblemException;
import io.techo.common.problem.ProblemKind;
import io.techo.common.protocol.RegistrationObject;
import io.techo.consent.config.ConsentConfig;
import io.techo.consent.directory.DirectoryViews.ClinicianEntry;
import io.techo.consent.directory.DirectoryViews.ClinicianList;
import io.techo.consent.directory.DirectoryViews.KeyView;
import io.techo.consent.directory.DirectoryViews.PartyView;
import io.techo.consent.directory.DirectoryViews.RegistrationChallenge;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * The directory: parties and the full history of their public keys. A party enters only with proof that it holds
 * both its keys: a challenge sealed to its X25519 key comes back signed by its Ed25519 key.
 */
@ApplicationScoped
public class DirectoryService {

    static final byte[] REGISTRATION_INFO = "techo-v1/registration".getBytes(StandardCharsets.US_ASCII);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ConsentConfig config;
    private final Clock clock;

    public DirectoryService(ConsentConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<RegistrationChallenge> startRegistration(PartyKind kind, String displayName, String facilityId,
            byte[] signingKey, byte[] encryptionKey) {
        Uni<Void> facilityCheck = facilityId == null ? Uni.createFrom().voidItem() : requireFacility(facilityId);
        return facilityCheck.chain(() -> PartyKey.<PartyKey>findById(KeyIds.of(signingKey)))
                .chain(existing -> {
                    if (existing != null) {
                        throw new ProblemException(ProblemKind.CONFLICT, "this signing key is already registered");
                    }
                    UUID registrationId = Uuids.v7();
                    byte[] challenge = new byte[32];
                    RANDOM.nextBytes(challenge);
                    PendingRegistration pending = new PendingRegistration();
                    pending.id = registrationId.toString();
                    pending.accountId = (kind == PartyKind.PATIENT ? "pat-" : "cli-") + Uuids.v7();
                    pending.kind = kind;
                    pending.displayName = displayName;
                    pending.facilityId = facilityId;
                    pending.signingKey = signingKey;
                    pending.encryptionKey = encryptionKey;
                    pending.challengeSha256 = Digests.sha256Hex(challenge);
                    pending.expiresAt = now().plus(config.registrationTimeout());
                    HpkeSealed sealed = Hpke.seal(encryptionKey, REGISTRATION_INFO, pending.id.getBytes(StandardCharsets.US_ASCII), challenge);
                    Base64.Encoder base64 = Base64.getEncoder();
                    return pending.persist().replaceWith(new RegistrationChallenge(pending.id, pending.accountId,
                            base64.encodeToString(sealed.enc()), base64.encodeToString(sealed.ciphertext()), pending.expiresAt));
                });
    }

    @WithTransaction
    public Uni<PartyView> confirmRegistration(UUID registrationId, byte[] challenge, byte[] signature) {
        return PendingRegistration.<PendingRegistration>findById(registrationId.toString()).chain(pending -> {
            if (pending == null || pending.expiresAt.isBefore(now())) {
                throw new ProblemException(ProblemKind.NOT_FOUND, "no pending registration " + registrationId + " (unknown or expired)");
            }
            if (!MessageDigest.isEqual(Digests.sha256Hex(challenge).getBytes(StandardCharsets.US_ASCII),
                    pending.challengeSha256.getBytes(StandardCharsets.US_ASCII))) {
                throw new ProblemException(ProblemKind.INVALID_SIGNATURE, "the challenge does not match: the encryption key was not proven");
            }
            RegistrationObject signed = new RegistrationObject(registrationId, pending.accountId, KeyIds.of(pending.signingKey),
                    KeyIds.of(pending.encryptionKey), challenge);
            if (!Ed25519.verify(pending.signingKey, signed.canonicalBytes(), signature)) {
                throw new ProblemException(ProblemKind.INVALID_SIGNATURE, "the signature does not verify: the signing key was not proven");
            }
            Instant now = now();
            Party party = new Party();
            party.id = pending.accountId;
            party.kind = pending.kind;
            party.displayName = pending.displayName;
            party.facilityId = pending.facilityId;
            party.createdAt = now;
            PartyKey signing = key(party.id, PartyKey.Use.SIGNING, pending.signingKey, null, now);
            PartyKey encryption = key(party.id, PartyKey.Use.ENCRYPTION, pending.encryptionKey, null, now);
            return party.persist()
                    .call(() -> PartyKey.persist(signing, encryption))
                    // a bulk delete by id, not the entity's removal at flush: under concurrent confirmations the
                    // flush-time removal failed the transaction (HR000069) and the caller got a 500
                    .call(() -> PendingRegistration.delete("id", pending.id))
                    .replaceWith(() -> PartyView.of(party, List.of(signing, encryption)));
        });
    }

    @WithTransaction
    public Uni<PartyView> createFacility(String displayName) {
        Party facility = new Party();
        facility.id = "fac-" + Uuids.v7();
        facility.kind = PartyKind.FACILITY;
        facility.displayName = displayName;
        facility.createdAt = now();
        return facility.persist().replaceWith(() -> PartyView.of(facility, List.of()));
    }

    @WithSession
    public Uni<PartyView> party(String partyId) {
        return Party.<Party>findById(partyId).chain(party -> {
            if (party == null) {
                throw new ProblemException(ProblemKind.NOT_FOUND, "no party " + partyId);
            }
            return PartyKey.<PartyKey>list("partyId = ?1 order by addedAt", partyId).map(keys -> PartyView.of(party, keys));
        });
    }

    /**
     * Clinicians whose name contains {@code name} and whose facility's name contains {@code facility} (both
     * case-insensitive, either may be empty), by facility then name, at most {@code limit}.
     */
    @WithSession
    public Uni<ClinicianList> searchClinicians(String facility, String name, int limit) {
        return Party.<Party>find("select c from Party c, Party f where c.kind = ?1 and f.id = c.facilityId "
                        + "and lower(f.displayName) like ?2 escape '!' and lower(c.displayName) like ?3 escape '!' "
                        + "order by f.displayName, c.displayName, c.id", PartyKind.CLINICIAN, contains(facility), contains(name))
                .page(0, limit).list()
                .chain(clinicians -> clinicians.isEmpty() ? Uni.createFrom().item(new ClinicianList(List.of())) : Party.<Party>list("id in ?1", clinicians.stream().map(c -> c.facilityId).distinct().toList())
                        .map(facilities -> new ClinicianList(clinicians.stream().map(c -> new ClinicianEntry(c.id, c.displayName,
                                c.facilityId, facilities.stream().filter(f -> f.id.equals(c.facilityId)).findFirst()
                                        .map(f -> f.displayName).orElse(""))).toList())));
    }

    private static String contains(String text) {
        return "%" + text.toLowerCase(java.util.Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }

    @WithSession
    public Uni<KeyView> key(String keyId) {
        return PartyKey.<PartyKey>findById(keyId).map(key -> {
            if (key == null) {
                throw new ProblemException(ProblemKind.NOT_FOUND, "no key " + keyId);
            }
            return KeyView.of(key);
        });
    }

    /** Adds a device key, authorized by an active signing key of the same party; a new signing key also proves itself. */
    @WithTransaction
    public Uni<KeyView> addKey(String partyId, PartyKey.Use use, byte[] publicKey, String authorizingKeyId, byte[] authorization,
            byte[] proof) {
        String keyId = KeyIds.of(publicKey);
        byte[] signed = new KeyChangeObject(partyId, keyId, use.name()).canonicalBytes();
        return PartyKey.<PartyKey>findById(authorizingKeyId).chain(authorizing -> {
            if (authorizing == null || !authorizing.partyId.equals(partyId) || !authorizing.isActive()
                    || authorizing.use != PartyKey.Use.SIGNING || !Ed25519.verify(authorizing.publicKey, signed, authorization)) {
                throw new ProblemException(ProblemKind.INVALID_SIGNATURE, "authorization is not a signature by an active signing key of " + partyId);
            }
            if (use == PartyKey.Use.SIGNING && !Ed25519.verify(publicKey, signed, proof)) {
                throw new ProblemException(ProblemKind.INVALID_SIGNATURE, "proof is not a signature by the new signing key");
            }
            return PartyKey.<PartyKey>findById(keyId);
        }).chain(existing -> {
            if (existing != null) {
                throw new ProblemException(ProblemKind.CONFLICT, "key " + keyId + " is already registered");
            }
            PartyKey key = key(partyId, use, publicKey, authorizingKeyId, now());
            return key.persist().replaceWith(() -> KeyView.of(key));
        });
    }

    /** Retires a key; the account must keep at least one active signing key. */
    @WithTransaction
    public Uni<KeyView> retireKey(String partyId, String keyId) {
        return PartyKey.<PartyKey>findById(keyId).chain(key -> {
            if (key == null || !key.partyId.equals(partyId)) {
                throw new ProblemException(ProblemKind.NOT_FOUND, "no key " + keyId + " of " + partyId);
            }
            if (!key.isActive()) {
                return Uni.createFrom().item(KeyView.of(key));
            }
            return PartyKey.count("partyId = ?1 and use = ?2 and status = ?3", partyId, PartyKey.Use.SIGNING, PartyKey.Status.ACTIVE)
                    .map(activeSigning -> {
                        if (key.use == PartyKey.Use.SIGNING && activeSigning <= 1) {
                            throw new ProblemException(ProblemKind.CONFLICT, "the last active signing key cannot be retired");
                        }
                        key.status = PartyKey.Status.RETIRED;
                        key.retiredAt = now();
                        return KeyView.of(key);
                    });
        });
    }

    private Uni<Void> requireFacility(String facilityId) {
        return Party.<Party>findById(facilityId).map(facility -> {
            if (facility == null || facility.kind != PartyKind.FACILITY) {
                throw new ProblemException(ProblemKind.INVALID_FIELD, "facilityId: no facility " + facilityId);
            }
            return null;
        });
    }

    private static PartyKey key(String partyId, PartyKey.Use use, byte[] publicKey, String authorizedBy, Instant now) {
        PartyKey key = new PartyKey();
        key.keyId = KeyIds.of(publicKey);
        key.partyId = partyId;
        key.use = use;
        key.publicKey = publicKey;
        key.status = PartyKey.Status.ACTIVE;
        key.authorizedBy = authorizedBy;
        key.addedAt = now;
        return key;
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
