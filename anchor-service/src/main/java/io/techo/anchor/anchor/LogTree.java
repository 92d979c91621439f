package io.techo.anchor.anchor;

import io.techo.anchor.log.LogStore;
import io.techo.common.log.MerkleLog;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;

/**
 * The log's Merkle tree in memory, following the database: {@link #sync()} appends the leaves committed since the
 * last call (every index below the stored size is committed, see {@link LogStore#append}). Rebuilt from the stored
 * leaf hashes at start, so a restart or another instance computes the same roots and proofs.
 */
@ApplicationScoped
public class LogTree {

    private static final int LOAD_CHUNK = 200_000;

    private final LogStore log;
    private final MerkleLog tree = new MerkleLog();

    public LogTree(LogStore log) {
        this.log = log;
    }

    /** Catches up with the stored log; returns the tree's size. */
    public synchronized long sync() throws SQLException {
        long stored = log.size();
        while (tree.size() < stored) {
            long from = tree.size();
            tree.appendAll(log.leafHashes(from, Math.min(stored, from + LOAD_CHUNK)));
        }
        return tree.size();
    }

    /** The tree; sizes up to {@link MerkleLog#size()} are safe to read from any thread. */
    public MerkleLog tree() {
        return tree;
    }
}
