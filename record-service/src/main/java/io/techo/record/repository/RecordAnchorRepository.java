package io.techo.record.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.techo.record.domain.RecordAnchor;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

@ApplicationScoped
public class RecordAnchorRepository implements PanacheRepositoryBase<RecordAnchor, String> {

    /** The anchors known for these records, by record id; records without one are PENDING and absent. */
    public Uni<Map<String, RecordAnchor>> ofRecords(List<String> recordIds) {
        if (recordIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return list("recordId in ?1", recordIds)
                .map(anchors -> anchors.stream().collect(Collectors.toMap(anchor -> anchor.recordId, Function.identity())));
    }

    public Uni<Long> deleteOf(String recordId) {
        return delete("recordId", recordId);
    }
}
