package io.techo.anchor.anchor;

import io.techo.anchor.config.AnchorConfig;
import io.techo.anchor.log.LogLeaf;
import io.techo.common.crypto.Hex;
import io.techo.common.events.AnchorConfirmed;
import io.techo.common.events.AnchorPacked;
import io.techo.common.events.AnchorRef;
import io.techo.common.events.CheckpointAnchored;
import io.techo.common.log.MerkleLog;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Base64;
import java.util.List;

/** Builds the announcements of an anchor: per checkpoint, and per leaf with its inclusion proof. */
@ApplicationScoped
public class Confirmations {

    private final AnchorConfig config;

    public Confirmations(AnchorConfig config) {
        this.config = config;
    }

    public AnchorRef anchorRef(CheckpointRow checkpoint, long blockNumber, String status) {
        return new AnchorRef(checkpoint.chainId(), config.iost().contract(), checkpoint.txHash(), blockNumber, status,
                config.log().origin(), checkpoint.size(), Hex.encode(checkpoint.root()), checkpoint.prevSize());
    }

    public CheckpointAnchored checkpointAnchored(CheckpointRow checkpoint, AnchorRef anchor) {
        return new CheckpointAnchored(checkpoint.note(), anchor);
    }

    /** The final, self-contained proof of one leaf; null for an erased leaf (it must stay unlinkable). */
    public AnchorConfirmed confirmed(LogLeaf leaf, CheckpointRow checkpoint, AnchorRef anchor, MerkleLog tree) {
        if (leaf.erased()) {
            return null;
        }
        Base64.Encoder b64 = Base64.getEncoder();
        List<String> path = tree.inclusionProof(leaf.index(), checkpoint.size()).stream().map(b64::encodeToString).toList();
        return new AnchorConfirmed(leaf.eventId(), leaf.eventType(), leaf.subject(), leaf.ownerId(), leaf.index(),
                b64.encodeToString(leaf.leafData()),
                leaf.objectBytes() == null ? null : b64.encodeToString(leaf.objectBytes()),
                path, checkpoint.note(), anchor);
    }

    public AnchorPacked packed(LogLeaf leaf, AnchorRef anchor) {
        return leaf.erased() ? null
                : new AnchorPacked(leaf.eventId(), leaf.eventType(), leaf.subject(), leaf.ownerId(), leaf.index(), anchor);
    }
}
