package io.techo.record.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.techo.record.domain.RecordProof;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class RecordProofRepository implements PanacheRepositoryBase<RecordProof, String> {

    public Uni<Long> deleteOf(String recordId) {
        return delete("recordId", recordId);
    }
}
