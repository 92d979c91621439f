package io.techo.anchor.api;

import io.techo.anchor.anchor.AnchoringLoop;
import io.techo.anchor.anchor.CheckpointRow;
import io.techo.anchor.anchor.CheckpointStore;
import io.techo.anchor.anchor.Confirmations;
import io.techo.anchor.anchor.LogTree;
import io.techo.anchor.config.AnchorConfig;
import io.techo.anchor.log.LogLeaf;
import io.techo.anchor.log.LogStore;
import io.techo.common.crypto.Hex;
import io.techo.common.events.AnchorRef;
import io.techo.common.problem.ProblemException;
import io.techo.common.problem.ProblemKind;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/** Answers from the stored log: checkpoints, proofs, consistency. Blocking; called on worker threads. */
@ApplicationScoped
public class ProofService {

    private final AnchorConfig config;
    private final LogStore log;
    private final LogTree tree;
    private final CheckpointStore checkpoints;
    private final Confirmations confirmations;
    private final AnchoringLoop loop;

    public ProofService(AnchorConfig config, LogStore log, LogTree tree, CheckpointStore checkpoints,
            Confirmations confirmations, AnchoringLoop loop) {
        this.config = config;
        this.log = log;
        this.tree = tree;
        this.checkpoints = checkpoints;
        this.confirmations = confirmations;
        this.loop = loop;
    }

    public LogKeyView key() {
        return new LogKeyView(config.log().origin(), loop.verifierKey());
    }

    public CheckpointView latestCheckpoint() throws SQLException {
        CheckpointRow row = checkpoints.latestAnchored()
                .orElseThrow(() -> new ProblemException(ProblemKind.NOT_FOUND, "no checkpoint is anchored yet"));
        return new CheckpointView(config.log().origin(), row.size(), Hex.encode(row.root()), row.note(),
                confirmations.anchorRef(row, row.blockNumber(), AnchorRef.IRREVERSIBLE));
    }

    public ConsistencyView consistency(long from, long to) throws SQLException {
        long anchored = checkpoints.latestAnchored().map(CheckpointRow::size).orElse(0L);
        if (from < 1 || to < from) {
            throw new ProblemException(ProblemKind.INVALID_FIELD, "need 1 <= from <= to");
        }
        if (to > anchored) {
            throw new ProblemException(ProblemKind.INVALID_FIELD, "to: the largest anchored size is " + anchored);
        }
        tree.sync();
        Base64.Encoder b64 = Base64.getEncoder();
        return new ConsistencyView(from, to,
                tree.tree().consistencyProof(from, to).stream().map(b64::encodeToString).toList());
    }

    public ProofView byEventId(String eventId) throws SQLException {
        LogLeaf leaf = log.byEventId(eventId).filter(l -> !l.erased())
                .orElseThrow(() -> new ProblemException(ProblemKind.NOT_FOUND, "no logged event " + eventId));
        return view(leaf);
    }

    /** The record's leaves (stored, key shared, accessed …) if the caller owns them; erased leaves are gone. */
    public List<ProofView> byRecord(String recordId, String callerId) throws SQLException {
        List<LogLeaf> leaves = log.bySubject(recordId);
        if (leaves.isEmpty() || leaves.stream().anyMatch(l -> !callerId.equals(l.ownerId()))) {
            throw new ProblemException(ProblemKind.NOT_FOUND, "no logged events of record " + recordId);
        }
        List<ProofView> views = new ArrayList<>(leaves.size());
        for (LogLeaf leaf : leaves) {
            views.add(view(leaf));
        }
        return views;
    }

    private ProofView view(LogLeaf leaf) throws SQLException {
        Optional<CheckpointRow> covering = checkpoints.anchoredCovering(leaf.index());
        if (covering.isEmpty()) {
            return new ProofView(leaf.eventId(), leaf.eventType(), leaf.index(), ProofView.SEQUENCED, null);
        }
        CheckpointRow row = covering.get();
        tree.sync();
        AnchorRef anchor = confirmations.anchorRef(row, row.blockNumber(), AnchorRef.IRREVERSIBLE);
        return new ProofView(leaf.eventId(), leaf.eventType(), leaf.index(), AnchorRef.IRREVERSIBLE,
                confirmations.confirmed(leaf, row, anchor, tree.tree()));
    }
}
