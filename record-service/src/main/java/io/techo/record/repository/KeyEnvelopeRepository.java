package io.techo.record.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.techo.record.domain.KeyEnvelopeRow;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class KeyEnvelopeRepository implements PanacheRepositoryBase<KeyEnvelopeRow, KeyEnvelopeRow.Key> {

    public Uni<List<KeyEnvelopeRow>> forRecipient(String recordId, String recipientId) {
        return list("recordId = ?1 and recipientId = ?2", recordId, recipientId);
    }

    public Uni<Long> deleteAllOf(String recordId) {
        return delete("recordId", recordId);
    }
}
