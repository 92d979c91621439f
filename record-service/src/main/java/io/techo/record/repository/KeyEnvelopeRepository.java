package io.techo.record.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.techo.record.domain.KeyEnvelopeRow;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class KeyEnvelopeRepository implements PanacheRepositoryBase<KeyEnvelopeRow, KeyEnvelopeRow.Key> {

    public Uni<Long> deleteAllOf(String recordId) {
        return delete("recordId", recordId);
    }

    /** Deletes a grantee's envelopes of the owner's records named by id or by category. */
    public Uni<Integer> deleteGranteeEnvelopes(String ownerId, String granteeId, List<String> recordIds, List<String> categories) {
        // an empty IN list is not valid SQL; a value no id or category can take stands in for "none"
        List<String> ids = recordIds.isEmpty() ? List.of("") : recordIds;
        List<String> cats = categories.isEmpty() ? List.of("") : categories;
        return getSession().chain(session -> session.createMutationQuery("""
                        delete from KeyEnvelopeRow e where e.recipientId = :grantee and e.recordId in (
                          select r.id from HealthRecord r where r.ownerId = :owner and (r.id in :ids or r.category in :categories))""")
                .setParameter("grantee", granteeId)
                .setParameter("owner", ownerId)
                .setParameter("ids", ids)
                .setParameter("categories", cats)
                .executeUpdate());
    }
}
