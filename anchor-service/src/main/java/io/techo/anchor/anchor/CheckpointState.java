package io.techo.anchor.anchor;

/** Where a checkpoint's IOST anchor stands. */
public enum CheckpointState {
    /** Signed tx persisted, not yet accepted by a node. */
    SIGNED,
    /** A node accepted the tx; it is pending. */
    SENT,
    /** In a block that is not irreversible yet. */
    PACKED,
    /** Irreversible with status SUCCESS: the anchor is final. */
    IRREVERSIBLE,
    /** Irreversible with a failed status: no effect on chain; the next checkpoint covers its leaves. */
    FAILED;

    public boolean inFlight() {
        return this == SIGNED || this == SENT || this == PACKED;
    }
}
