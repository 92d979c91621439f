package io.techo.record.domain;

/**
 * How far a record's {@code techo.record.stored} event is anchored on IOST. Only moves forward: PENDING (nothing
 * heard yet) → PACKED (the checkpoint's transaction is in a block) → IRREVERSIBLE (final, with the proof). PACKED may
 * be skipped.
 */
public enum AnchorStatus {
    PENDING,
    PACKED,
    IRREVERSIBLE;

    public boolean isStrongerThan(AnchorStatus other) {
        return compareTo(other) > 0;
    }
}
