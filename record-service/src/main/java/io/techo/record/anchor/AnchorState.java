package io.techo.record.anchor;

import io.smallrye.mutiny.Uni;
import io.techo.record.domain.RecordAnchor;
import io.techo.record.repository.RecordAnchorRepository;
import io.techo.record.repository.RecordProofRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The record use cases' side of the anchor state that {@link AnchorStateWriter} keeps: read it with a record, and
 * erase it with one. Runs in the caller's session or transaction.
 */
@ApplicationScoped
public class AnchorState {

    private final RecordAnchorRepository anchors;
    private final RecordProofRepository proofs;

    public AnchorState(RecordAnchorRepository anchors, RecordProofRepository proofs) {
        this.anchors = anchors;
        this.proofs = proofs;
    }

    /** The record's anchor, or null while PENDING. */
    public Uni<RecordAnchor> of(String recordId) {
        return anchors.findById(recordId);
    }

    /** The anchors of these records by record id; PENDING ones are absent. */
    public Uni<Map<String, RecordAnchor>> ofRecords(List<String> recordIds) {
        return anchors.ofRecords(recordIds);
    }

    /** The record's {@code techo.anchor.confirmed} data, verbatim, once its anchor is IRREVERSIBLE. */
    public Uni<Optional<String>> proofOf(String recordId) {
        return proofs.findById(recordId).map(proof -> Optional.ofNullable(proof).map(found -> found.confirmation));
    }

    /** Deletes what links the record to its leaf; must run in the erasure's transaction. */
    public Uni<Void> erase(String recordId) {
        return anchors.deleteOf(recordId).call(() -> proofs.deleteOf(recordId)).replaceWithVoid();
    }
}
