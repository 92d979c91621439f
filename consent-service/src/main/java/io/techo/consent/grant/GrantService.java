package io.techo.consent.grant;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.techo.common.crypto.Digests;
import io.techo.common.crypto.Ed25519;
import io.techo.common.events.ConsentGranted;
import io.techo.common.events.ConsentRevoked;
import io.techo.common.events.EventTypes;
import io.techo.common.problem.ProblemException;
import io.techo.common.problem.ProblemKind;
import io.techo.common.protocol.GrantObject;
import io.techo.consent.directory.Party;
import io.techo.consent.directory.PartyKey;
import io.techo.consent.directory.PartyKind;
import io.techo.consent.grant.GrantRequests.SignedGrant;
import io.techo.consent.grant.GrantViews.GrantPage;
import io.techo.consent.grant.GrantViews.GrantView;
import io.techo.kit.outbox.OutboxWriter;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Patient-signed grants: create, list, read, revoke, FHIR export, and the emergency categories for break-glass. */
@ApplicationScoped
public class GrantService {

    private final OutboxWriter outbox;
    private final Clock clock;

    public GrantService(OutboxWriter outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Verifies the grant against the patient's registered, active signing key, then stores and announces it. */
    @WithTransaction
    public Uni<Optional<GrantView>> create(SignedGrant signed) {
        GrantObject grant = signed.grant();
        byte[] canonical = grant.canonicalBytes();
        String grantSha256 = Digests.sha256Hex(canonical);
        return PartyKey.<PartyKey>findById(grant.signerKeyId()).chain(key -> {
            if (key == null || !key.partyId.equals(grant.patientId()) || key.use != PartyKey.Use.SIGNING || !key.isActive()
                    || !Ed25519.verify(key.publicKey, canonical, signed.signature())) {
                throw new ProblemException(ProblemKind.INVALID_SIGNATURE,
                        "the grant is not signed by an active signing key of " + grant.patientId());
            }
            return Party.<Party>findById(grant.granteeId());
        }).chain(grantee -> {
            if (grantee == null || grantee.kind == PartyKind.PATIENT) {
                throw new ProblemException(ProblemKind.INVALID_FIELD, "granteeId: no clinician or facility " + grant.granteeId());
            }
            return ConsentGrant.<ConsentGrant>findById(grant.grantId().toString()).chain(existing -> {
                if (existing != null) {
                    if (!existing.grantSha256.equals(grantSha256)) {
                        throw new ProblemException(ProblemKind.CONFLICT, "grant " + grant.grantId() + " already exists with other content");
                    }
                    return Uni.createFrom().item(Optional.<GrantView>empty());
                }
                return insert(grant, grantee.kind, signed.signature(), grantSha256).map(Optional::of);
            });
        });
    }

    private Uni<GrantView> insert(GrantObject grant, PartyKind granteeKind, byte[] signature, String grantSha256) {
        Instant now = now();
        ConsentGrant row = new ConsentGrant();
        row.id = grant.grantId().toString();
        row.patientId = grant.patientId();
        row.granteeId = grant.granteeId();
        row.granteeKind = granteeKind;
        row.purpose = grant.purpose();
        row.notBefore = grant.notBefore();
        row.notAfter = grant.notAfter();
        row.recordIdsJson = GrantMapping.toJson(grant.recordIds());
        row.categoriesJson = GrantMapping.toJson(grant.categories());
        row.status = ConsentGrant.Status.ACTIVE;
        row.signerKeyId = grant.signerKeyId();
        row.signature = signature;
        row.grantSha256 = grantSha256;
        row.createdAt = now;
        ConsentGranted event = new ConsentGranted(grant.grantId(), grant.patientId(), grant.granteeId(), granteeKind.name(),
                grant.recordIds(), grant.categories(), grant.purpose(), grant.notBefore(), grant.notAfter(), grant.signerKeyId(),
                Base64.getEncoder().encodeToString(signature), grantSha256, now);
        return row.persist()
                .call(() -> outbox.append(EventTypes.CONSENTS_TOPIC, event, now))
                .replaceWith(() -> GrantMapping.view(row, now));
    }

    @WithSession
    public Uni<GrantView> existing(UUID grantId) {
        return ConsentGrant.<ConsentGrant>findById(grantId.toString()).map(grant -> GrantMapping.view(grant, now()));
    }

    /** A patient's own grants, or the grants naming a clinician (directly or through their facility); newest first. */
    @WithSession
    public Uni<GrantPage> list(String callerId, Optional<String> beforeId, int pageSize) {
        return Party.<Party>findById(callerId).chain(caller -> {
            boolean clinician = caller != null && caller.kind == PartyKind.CLINICIAN;
            StringBuilder query = new StringBuilder(clinician ? "granteeId in :grantees" : "patientId = :caller");
            Parameters parameters = clinician
                    ? Parameters.with("grantees", caller.facilityId == null ? List.of(callerId) : List.of(callerId, caller.facilityId))
                    : Parameters.with("caller", callerId);
            beforeId.ifPresent(id -> {
                query.append(" and id < :before");
                parameters.and("before", id);
            });
            return ConsentGrant.<ConsentGrant>find(query.toString(), Sort.descending("id"), parameters).page(0, pageSize + 1).list();
        }).map(rows -> {
            Instant now = now();
            boolean more = rows.size() > pageSize;
            List<ConsentGrant> page = more ? rows.subList(0, pageSize) : rows;
            return new GrantPage(page.stream().map(grant -> GrantMapping.view(grant, now)).toList(), more ? page.get(pageSize - 1).id : null);
        });
    }

    @WithSession
    public Uni<GrantView> read(String callerId, UUID grantId) {
        return visibleGrant(callerId, grantId).map(grant -> GrantMapping.view(grant, now()));
    }

    @WithSession
    public Uni<Map<String, Object>> fhir(String callerId, UUID grantId) {
        return visibleGrant(callerId, grantId).map(grant -> FhirConsent.of(grant, now()));
    }

    /** Effective for every decision that starts after this returns: decisions read the grant from the database. */
    @WithTransaction
    public Uni<Void> revoke(String callerId, UUID grantId) {
        return ConsentGrant.<ConsentGrant>findById(grantId.toString(), jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).chain(grant -> {
            if (grant == null) {
                throw new ProblemException(ProblemKind.NOT_FOUND, "no grant " + grantId);
            }
            if (!grant.patientId.equals(callerId)) {
                throw new ProblemException(ProblemKind.FORBIDDEN, "only the patient who granted it may revoke grant " + grantId);
            }
            if (grant.status == ConsentGrant.Status.REVOKED) {
                return Uni.createFrom().voidItem();
            }
            Instant now = now();
            grant.status = ConsentGrant.Status.REVOKED;
            grant.revokedAt = now;
            var scope = GrantMapping.scope(grant);
            ConsentRevoked event = new ConsentRevoked(grantId, grant.patientId, grant.granteeId, scope.recordIds(), scope.categories(),
                    grant.grantSha256, now);
            return outbox.append(EventTypes.CONSENTS_TOPIC, event, now).replaceWithVoid();
        });
    }

    @WithTransaction
    public Uni<List<String>> designateEmergencyCategories(String patientId, List<String> categories) {
        Instant now = now();
        return EmergencyCategory.delete("patientId", patientId)
                .call(() -> EmergencyCategory.persist(categories.stream().map(category -> {
                    EmergencyCategory row = new EmergencyCategory();
                    row.patientId = patientId;
                    row.category = category;
                    row.designatedAt = now;
                    return row;
                })))
                .replaceWith(categories);
    }

    @WithSession
    public Uni<List<String>> emergencyCategories(String patientId) {
        return EmergencyCategory.<EmergencyCategory>list("patientId", patientId)
                .map(rows -> rows.stream().map(row -> row.category).sorted().toList());
    }

    private Uni<ConsentGrant> visibleGrant(String callerId, UUID grantId) {
        return ConsentGrant.<ConsentGrant>findById(grantId.toString()).chain(grant -> {
            if (grant == null) {
                throw new ProblemException(ProblemKind.NOT_FOUND, "no grant " + grantId);
            }
            if (grant.patientId.equals(callerId) || grant.granteeId.equals(callerId)) {
                return Uni.createFrom().item(grant);
            }
            return Party.<Party>findById(callerId).map(caller -> {
                if (caller == null || !grant.granteeId.equals(caller.facilityId)) {
                    throw new ProblemException(ProblemKind.FORBIDDEN, "grant " + grantId + " neither is yours nor names you");
                }
                return grant;
            });
        });
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
