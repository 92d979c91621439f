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
     * The owner's active records whose data key the owner wrapped for {@code recipientId} (shared with them, or set
     * aside for an emergency read), newest first, as {@link #pageOfOwner}.
     */
    public Uni<List<HealthRecord>> pageSharedWith(String ownerId, String recipientId, Optional<String> category,
            Optional<String> beforeId, int pageSize) {
        return page(new StringBuilder("ownerId = :owner and status = :status and id in "
                        + "(select e.recordId from KeyEnvelopeRow e where e.recipientId = :recipient)"),
                Parameters.with("owner", ownerId).and("status", RecordStatus.ACTIVE).and("recipient", recipientId),
                category, beforeId, pageSize);
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
