package io.techo.record.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.techo.record.domain.HealthRecord;
import io.techo.record.domain.RecordStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class RecordRepository implements PanacheRepositoryBase<HealthRecord, String> {

    public Uni<HealthRecord> findForUpdate(String id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * The owner's active records, newest first (UUIDv7 ids sort by creation time), strictly older than the cursor.
     * Fetches one row more than the page so the caller knows whether another page follows.
     */
    public Uni<List<HealthRecord>> pageOfOwner(String ownerId, Optional<String> category, Optional<String> beforeId, int pageSize) {
        return page(new StringBuilder("ownerId = :owner and status = :status"),
                Parameters.with("owner", ownerId).and("status", RecordStatus.ACTIVE), category, beforeId, pageSize);
    }

    /**
     * Other owners' active records whose data key was wrapped for {@code recipientId} (shared with them, or set aside
     * for an emergency read) — of one owner, or of every owner — newest first, as {@link #pageOfOwner}.
     */
    public Uni<List<HealthRecord>> pageSharedWith(String recipientId, Optional<String> ownerId, Optional<String> category,
            Optional<String> beforeId, int pageSize) {
        StringBuilder query = new StringBuilder("status = :status and ownerId <> :recipient and id in "
                + "(select e.recordId from KeyEnvelopeRow e where e.recipientId = :recipient)");
        Parameters parameters = Parameters.with("recipient", recipientId).and("status", RecordStatus.ACTIVE);
        ownerId.ifPresent(owner -> {
            query.append(" and ownerId = :owner");
            parameters.and("owner", owner);
        });
        return page(query, parameters, category, beforeId, pageSize);
    }

    private Uni<List<HealthRecord>> page(StringBuilder query, Parameters parameters, Optional<String> category,
            Optional<String> beforeId, int pageSize) {
        category.ifPresent(c -> {
            query.append(" and category = :category");
            parameters.and("category", c);
        });
        beforeId.ifPresent(id -> {
            query.append(" and id < :before");
            parameters.and("before", id);
        });
        return find(query.toString(), Sort.descending("id"), parameters).page(0, pageSize + 1).list();
    }

}
