package io.techo.record.domain;

/** Life cycle of a record: stored, then possibly erased (crypto-shredded, only a tombstone left). */
public enum RecordStatus {
    ACTIVE,
    ERASED
}
