package io.techo.record.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.techo.common.canonical.RecordHeader;
import io.techo.common.crypto.Digests;
import io.techo.common.crypto.Ed25519;
import io.techo.common.crypto.KeyEnvelope;
import io.techo.common.crypto.KeyIds;
import io.techo.common.events.EventTypes;
import io.techo.common.events.RecordErased;
import io.techo.common.events.RecordKeyShared;
import io.techo.common.events.RecordStored;
import io.techo.common.problem.ProblemException;
import io.techo.common.problem.ProblemKind;
import io.techo.common.protocol.EnvelopeCommitment;
import io.techo.common.protocol.Tombstone;
import io.techo.record.access.AccessLog;
import io.techo.record.anchor.AnchorState;
import io.techo.record.consent.ConsentDecisions;
import io.techo.record.consent.DecisionQuery;
import io.techo.record.domain.HealthRecord;
import io.techo.record.domain.KeyEnvelopeRow;
import io.techo.record.domain.RecordStatus;
import io.techo.record.mapping.RecordViews;
import io.techo.record.read.ReadableRecord;
import io.techo.record.read.ReadableRecords;
import io.techo.kit.idempotency.IdempotencyGuard;
import io.techo.kit.idempotency.IdempotencyKey;
import io.techo.kit.idempotency.StoredResponse;
import io.techo.kit.batch.SqlErrors;
import io.techo.kit.outbox.OutboxRow;
import io.techo.kit.outbox.OutboxWriter;
import io.techo.record.ingest.NewRecordRows;
import io.techo.record.ingest.RecordIngest;
import io.techo.kit.security.Caller;
import io.techo.record.repository.KeyEnvelopeRepository;
import io.techo.record.repository.RecordRepository;
import io.techo.record.rest.RecordPage;
import io.techo.record.rest.RecordView;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The record use cases. Checks that need no database (hash, signature) run before a transaction opens; each
 * state change writes its rows and its outbox event in one transaction.
 */
@ApplicationScoped
public class RecordService {

    private final RecordRepository records;
    private final KeyEnvelopeRepository envelopes;
    private final OutboxWriter outbox;
    private final IdempotencyGuard idempotency;
    private final ConsentDecisions consent;
    private final ReadableRecords readableRecords;
    private final AccessLog accessLog;
    private final AnchorState anchors;
    private final RecordIngest ingest;
    private final ObjectMapper json;
    private final Clock clock;

    public RecordService(RecordRepository records, KeyEnvelopeRepository envelopes, OutboxWriter outbox,
            IdempotencyGuard idempotency, ConsentDecisions consent, ReadableRecords readableRecords, AccessLog accessLog,
            AnchorState anchors, RecordIngest ingest, ObjectMapper json, Clock clock) {
        this.ingest = ingest;
        this.consent = consent;
        this.readableRecords = readableRecords;
        this.accessLog = accessLog;
        this.anchors = anchors;
        this.records = records;
        this.envelopes = envelopes;
        this.outbox = outbox;
        this.idempotency = idempotency;
        this.json = json;
        this.clock = clock;
    }

    /** Verifies the owner's signed header, then stores record, owner envelope and {@code techo.record.stored}. */
    public Uni<StoredResponse> create(Caller caller, NewRecord request, Optional<IdempotencyKey> key) {
        byte[] deviceKey = caller.deviceKey().orElseThrow(() -> new ProblemException(ProblemKind.UNAUTHENTICATED,
                "the token names no device key (cnf.jwk); records must be signed by the logged-in device"));
        if (!Digests.sha256Hex(request.ciphertext()).equals(request.ciphertextSha256())) {
            throw new ProblemException(ProblemKind.HASH_MISMATCH, "ciphertextSha256 is not the SHA-256 of ciphertext");
        }
        RecordHeader header = new RecordHeader(request.recordId(), request.version(), caller.accountId(),
                request.category(), request.ciphertextSha256(), KeyIds.of(deviceKey));
        byte[] headerBytes = header.canonicalBytes();
        if (!Ed25519.verify(deviceKey, headerBytes, request.signature())) {
            throw new ProblemException(ProblemKind.INVALID_SIGNATURE,
                    "signature does not verify over the canonical record header with the token's device key");
        }
        NewRecordRows rows = newRecordRows(caller, request, header, Digests.sha256Hex(headerBytes), key);
        StoredResponse created = rows.response();
        return ingest.store(rows).replaceWith(created)
                .onFailure(SqlErrors::isDuplicateKey).recoverWithUni(() -> earlierOutcome(caller, rows.record(), key)
                        .chain(earlier -> earlier.isPresent() ? Uni.createFrom().item(earlier.get()) : ingest.store(rows).replaceWith(created)))
                .onFailure(SqlErrors::isDuplicateKey).transform(duplicate -> new ProblemException(ProblemKind.CONFLICT,
                        "record " + request.recordId() + " is being stored by another request; retry to see its outcome"));
    }

    /** The rows of a new record, its {@code techo.record.stored} event and, for an idempotent request, its remembered 201. */
    private NewRecordRows newRecordRows(Caller caller, NewRecord request, RecordHeader header, String headerSha256,
            Optional<IdempotencyKey> key) {
        Instant now = now();
        HealthRecord record = new HealthRecord();
        record.id = request.recordId().toString();
        record.ownerId = header.ownerId();
        record.category = header.category();
        record.version = header.version();
        record.status = RecordStatus.ACTIVE;
        record.ciphertext = request.ciphertext();
        record.ciphertextSha256 = header.ciphertextSha256();
        record.ciphertextSize = request.ciphertext().length;
        record.signerKeyId = header.signerKeyId();
        record.signature = request.signature();
        record.headerSha256 = headerSha256;
        record.createdAt = now;
        RecordStored event = new RecordStored(request.recordId(), record.version, record.ownerId, record.category,
                record.ciphertextSha256, record.ciphertextSize, record.signerKeyId,
                Base64.getEncoder().encodeToString(record.signature), headerSha256, now);
        OutboxRow stored = OutboxRow.of(EventTypes.RECORDS_TOPIC, event, now);
        record.storedEventId = stored.eventId();
        StoredResponse created = response(201, RecordViews.summary(record, null), "/api/v1/records/" + record.id);
        return new NewRecordRows(record, KeyEnvelopeRow.of(record.id, request.ownerEnvelope(), now), stored, created,
                key.map(idempotent -> idempotency.row(caller.accountId(), idempotent, created)));
    }

    /**
     * After a duplicate key: what an earlier request with the same idempotency key answered, or, for a record already
     * stored, a repeat of it (200 if the same, 409 if not); empty if neither exists any more (the other request's
     * transaction did not commit).
     */
    private Uni<Optional<StoredResponse>> earlierOutcome(Caller caller, HealthRecord attempted, Optional<IdempotencyKey> key) {
        return Panache.withSession(() -> idempotency.previousResponse(caller.accountId(), key).chain(replayed -> replayed.isPresent()
                ? Uni.createFrom().item(replayed)
                : records.findById(attempted.id).chain(existing -> existing == null
                        ? Uni.createFrom().item(Optional.<StoredResponse>empty())
                        : repeatOf(existing, attempted.headerSha256).map(Optional::of))));
    }

    private Uni<StoredResponse> repeatOf(HealthRecord existing, String headerSha256) {
        if (!existing.headerSha256.equals(headerSha256) || existing.isErased()) {
            throw new ProblemException(ProblemKind.CONFLICT,
                    "record " + existing.id + " already exists with different content");
        }
        return anchors.of(existing.id).map(anchor -> response(200, RecordViews.summary(existing, anchor), null));
    }

    /** The record with its anchor status, its ciphertext and the caller's envelopes, to whoever may read it. */
    public Uni<RecordView> read(Caller caller, String authorization, UUID recordId, ReadPurpose purpose) {
        return readPermitted(caller, authorization, recordId, purpose, readable -> Uni.createFrom().item(
                RecordViews.withContent(readable.record(), readable.anchor(), readable.readerEnvelopes())));
    }

    /**
     * The record's final anchor proof (the {@code techo.anchor.confirmed} data, verbatim), to whoever may read the
     * record; {@code proof-not-final} while its anchor is not IRREVERSIBLE.
     */
    public Uni<String> proof(Caller caller, String authorization, UUID recordId, ReadPurpose purpose) {
        return readPermitted(caller, authorization, recordId, purpose,
                readable -> Panache.withSession(() -> anchors.proofOf(readable.record().id)))
                .map(proof -> proof.orElseThrow(() -> new ProblemException(ProblemKind.PROOF_NOT_FINAL,
                        "record " + recordId + " has no final anchor proof yet; its anchor status shows how far it is")));
    }

    /**
     * Answers with {@code answer} of the record if the caller may read it. The owner reads directly; anyone else only
     * after a fresh consent decision, which is logged and announced (permit or deny) before the answer goes out.
     */
    private <T> Uni<T> readPermitted(Caller caller, String authorization, UUID recordId, ReadPurpose purpose,
            Function<ReadableRecord, Uni<T>> answer) {
        return readableRecords.find(recordId.toString(), caller.accountId()).chain(found -> {
            ReadableRecord readable = found.orElseThrow(() -> new ProblemException(ProblemKind.NOT_FOUND, "no record " + recordId));
            HealthRecord record = readable.record();
            if (record.isErased()) {
                throw new ProblemException(ProblemKind.GONE, "record " + recordId + " was erased at " + record.erasedAt);
            }
            if (caller.isAccount(record.ownerId)) {
                return answer.apply(readable);
            }
            DecisionQuery query = new DecisionQuery(record.ownerId, record.id, record.category, purpose.code(),
                    purpose.breakGlassReason().orElse(null));
            return consent.decide(authorization, query).chain(decision ->
                    accessLog.record(record, caller.accountId(), purpose.code(), purpose.breakGlassReason(), decision)
                            .onFailure().transform(RecordService::accessLogUnavailable)
                            .chain(() -> {
                                if (!decision.permits()) {
                                    throw new ProblemException(ProblemKind.CONSENT_DENIED,
                                            "consent does not permit this read (" + decision.reason() + ")", decision.reason());
                                }
                                return answer.apply(readable);
                            }));
        });
    }

    /** A read whose decision cannot be logged is not answered (fail closed). */
    private static ProblemException accessLogUnavailable(Throwable failure) {
        Log.warnf("access log unavailable, read refused: %s", failure.toString());
        return new ProblemException(ProblemKind.UNAVAILABLE, "the access log is unavailable; the read is refused, retry later");
    }

    /**
     * The caller's own active records; or, with {@code shared} or another {@code ownerId}, the records of other owners
     * (of that one owner, if named) whose data key is wrapped for the caller — metadata only; reading one is still
     * decided by consent.
     */
    @WithSession
    public Uni<RecordPage> list(Caller caller, boolean shared, Optional<String> ownerId, Optional<String> category,
            Optional<String> beforeId, int pageSize) {
        Optional<String> otherOwner = ownerId.filter(owner -> !owner.equals(caller.accountId()));
        Uni<List<HealthRecord>> found = shared || otherOwner.isPresent()
                ? records.pageSharedWith(caller.accountId(), otherOwner, category, beforeId, pageSize)
                : records.pageOfOwner(caller.accountId(), category, beforeId, pageSize);
        return found.chain(rows -> {
            boolean more = rows.size() > pageSize;
            List<HealthRecord> page = more ? rows.subList(0, pageSize) : rows;
            String next = more ? page.get(page.size() - 1).id : null;
            return anchors.ofRecords(page.stream().map(record -> record.id).toList()).map(anchorOf -> new RecordPage(
                    page.stream().map(record -> RecordViews.summary(record, anchorOf.get(record.id))).toList(), next));
        });
    }

    /** Adds the data key wrapped for another recipient and announces {@code techo.record.key-shared}. */
    @WithTransaction
    public Uni<StoredResponse> shareKey(Caller caller, UUID recordId, KeyEnvelope envelope, Optional<IdempotencyKey> key) {
        return idempotency.run(caller.accountId(), key, () -> ownedRecord(caller, recordId, records.findForUpdate(recordId.toString()))
                .chain(record -> envelopes.findById(new KeyEnvelopeRow.Key(record.id, envelope.recipientId(), envelope.recipientKeyId()))
                        .chain(existing -> existing == null
                                ? addEnvelope(record, envelope)
                                : Uni.createFrom().item(() -> repeatOf(existing, envelope)))));
    }

    private StoredResponse repeatOf(KeyEnvelopeRow existing, KeyEnvelope envelope) {
        if (!existing.sameContentAs(envelope)) {
            throw new ProblemException(ProblemKind.CONFLICT,
                    "an envelope for " + envelope.recipientId() + " under key " + envelope.recipientKeyId() + " already exists");
        }
        return response(200, RecordViews.envelope(existing.toEnvelope()), null);
    }

    private Uni<StoredResponse> addEnvelope(HealthRecord record, KeyEnvelope envelope) {
        Instant now = now();
        UUID recordId = UUID.fromString(record.id);
        String envelopeSha256 = Digests.sha256Hex(new EnvelopeCommitment(recordId, envelope).canonicalBytes());
        RecordKeyShared event = new RecordKeyShared(recordId, record.ownerId, envelope.recipientId(),
                envelope.recipientKeyId(), envelopeSha256, now);
        return envelopes.persist(KeyEnvelopeRow.of(record.id, envelope, now))
                .call(() -> outbox.append(EventTypes.RECORDS_TOPIC, event, now))
                .call(() -> envelopes.flush())
                .map(row -> response(201, RecordViews.envelope(envelope), "/api/v1/records/" + record.id));
    }

    /**
     * Crypto-shredding: ciphertext, every envelope and the anchor state linking the record to its leaf are destroyed,
     * a tombstone stays and {@code techo.record.erased} is announced. Erasing an erased record changes nothing.
     */
    @WithTransaction
    public Uni<Void> erase(Caller caller, UUID recordId) {
        return records.findForUpdate(recordId.toString()).chain(record -> {
            requireOwner(caller, recordId, record);
            if (record.isErased()) {
                return Uni.createFrom().voidItem();
            }
            Instant now = now();
            record.markErased(now);
            Tombstone tombstone = new Tombstone(recordId, record.ownerId, record.headerSha256, now);
            RecordErased event = new RecordErased(recordId, record.ownerId, record.headerSha256,
                    Digests.sha256Hex(tombstone.canonicalBytes()), now);
            return envelopes.deleteAllOf(record.id)
                    .call(() -> anchors.erase(record.id))
                    .call(() -> outbox.append(EventTypes.RECORDS_TOPIC, event, now))
                    .replaceWithVoid();
        });
    }

    private Uni<HealthRecord> ownedRecord(Caller caller, UUID recordId, Uni<HealthRecord> lookup) {
        return lookup.map(record -> {
            requireOwner(caller, recordId, record);
            if (record.isErased()) {
                throw new ProblemException(ProblemKind.GONE, "record " + recordId + " was erased at " + record.erasedAt);
            }
            return record;
        });
    }

    private static void requireOwner(Caller caller, UUID recordId, HealthRecord record) {
        if (record == null) {
            throw new ProblemException(ProblemKind.NOT_FOUND, "no record " + recordId);
        }
        if (!caller.isAccount(record.ownerId)) {
            throw new ProblemException(ProblemKind.FORBIDDEN, "only the owner of record " + recordId + " may do this");
        }
    }

    private StoredResponse response(int status, Object view, String location) {
        try {
            return new StoredResponse(status, json.writeValueAsString(view), location);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("view is not serializable", e);
        }
    }

    /** Microsecond precision: what DATETIME(6) keeps, so a value read back equals the value written. */
    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
