package io.techo.record.access;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.techo.common.crypto.Digests;
import io.techo.common.events.AccessDecided;
import io.techo.common.events.EventTypes;
import io.techo.common.ids.Uuids;
import io.techo.common.protocol.AccessObject;
import io.techo.kit.outbox.OutboxRow;
import io.techo.record.consent.ConsentDecision;
import io.techo.record.domain.HealthRecord;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Writes each read decision with its {@code techo.access.decided} event (same transaction, group-committed), and pages it back. */
@ApplicationScoped
public class AccessLog {

    private final AccessLogWriter writer;
    private final Clock clock;

    public AccessLog(AccessLogWriter writer, Clock clock) {
        this.writer = writer;
        this.clock = clock;
    }

    /** Completes once the decision and its event are committed; needs no transaction of the caller's. */
    public Uni<Void> record(HealthRecord record, String accessorId, String purpose, Optional<String> breakGlassReason,
            ConsentDecision decision) {
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        UUID accessId = Uuids.v7();
        UUID recordId = UUID.fromString(record.id);
        UUID grantId = decision.grantId() == null ? null : UUID.fromString(decision.grantId());
        AccessLogEntry entry = new AccessLogEntry();
        entry.id = accessId.toString();
        entry.ownerId = record.ownerId;
        entry.accessorId = accessorId;
        entry.recordId = record.id;
        entry.category = record.category;
        entry.purpose = purpose;
        entry.decision = decision.decision();
        entry.reason = decision.reason();
        entry.grantId = decision.grantId();
        entry.breakGlassReason = breakGlassReason.orElse(null);
        entry.decidedAt = now;
        AccessObject object = new AccessObject(accessId, record.ownerId, accessorId, recordId, record.category, purpose,
                decision.decision(), decision.reason(), grantId, entry.breakGlassReason, now);
        AccessDecided event = new AccessDecided(accessId, record.ownerId, accessorId, recordId, record.category, purpose,
                decision.decision(), decision.reason(), grantId, entry.breakGlassReason, Digests.sha256Hex(object.canonicalBytes()), now);
        return writer.write(entry, OutboxRow.of(EventTypes.ACCESS_TOPIC, event, now));
    }

    /** The owner's log, newest first, strictly older than the cursor; one extra row tells whether more follow. */
    @WithSession
    public Uni<List<AccessLogEntry>> pageOf(String ownerId, Optional<String> beforeId, int pageSize) {
        Parameters parameters = Parameters.with("owner", ownerId);
        String query = "ownerId = :owner";
        if (beforeId.isPresent()) {
            query += " and id < :before";
            parameters.and("before", beforeId.get());
        }
        return AccessLogEntry.<AccessLogEntry>find(query, Sort.descending("id"), parameters).page(0, pageSize + 1).list();
    }
}
