-- Anchor status and proof of each record, fed by the anchor-service's techo.anchors.v1 confirmations.

-- The CloudEvent id of the record's techo.record.stored event: the logEventId the anchor-service names.
-- Written in the record's own transaction; NULL only for records stored before this column existed whose
-- outbox row was already purged (they stay PENDING).
ALTER TABLE record
    ADD COLUMN stored_event_id CHAR(36) CHARACTER SET ascii NULL AFTER header_sha256,
    ADD UNIQUE KEY record_stored_event (stored_event_id);

UPDATE record r
  JOIN outbox_event o ON o.subject = r.id AND o.event_type = 'techo.record.stored'
   SET r.stored_event_id = o.event_id;

-- The latest anchor state of a record's stored event; no row means PENDING. Monotonic: IRREVERSIBLE is final.
CREATE TABLE record_anchor (
    record_id     CHAR(36)     CHARACTER SET ascii NOT NULL,
    status        VARCHAR(16)  CHARACTER SET ascii NOT NULL,  -- PACKED | IRREVERSIBLE
    leaf_index    BIGINT       NOT NULL,
    chain_id      INT          NOT NULL,
    contract      VARCHAR(128) CHARACTER SET ascii NOT NULL,
    tx_hash       VARCHAR(64)  CHARACTER SET ascii NOT NULL,
    block_number  BIGINT       NULL,      -- NULL while PACKED in a block the anchor-service does not name
    PRIMARY KEY (record_id),
    CONSTRAINT record_anchor_record FOREIGN KEY (record_id) REFERENCES record (id)
) ENGINE = InnoDB;

-- The techo.anchor.confirmed data of a record's stored event, kept verbatim: the self-contained proof.
-- Deleted with the record's erasure, since it links the record id to its leaf.
CREATE TABLE record_proof (
    record_id     CHAR(36)     CHARACTER SET ascii NOT NULL,
    confirmation  MEDIUMTEXT   CHARACTER SET utf8mb4 NOT NULL,
    PRIMARY KEY (record_id),
    CONSTRAINT record_proof_record FOREIGN KEY (record_id) REFERENCES record (id)
) ENGINE = InnoDB;
