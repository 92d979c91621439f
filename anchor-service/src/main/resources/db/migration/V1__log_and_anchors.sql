-- anchor-service: the append-only event log (RFC 9162 leaves), its checkpoints and their IOST anchors.

-- One row per logged event. leaf_index is contiguous from 0: appends take the log_head lock, so an index is never
-- skipped or reused. Erasure (crypto-shredding) nulls the linking columns; leaf_hash stays so every proof verifies.
CREATE TABLE log_leaf (
    leaf_index        BIGINT        NOT NULL,
    event_id          CHAR(36)      CHARACTER SET ascii NOT NULL,
    event_type        VARCHAR(64)   CHARACTER SET ascii NOT NULL,
    subject           VARCHAR(64)   CHARACTER SET ascii NULL,
    owner_id          VARCHAR(64)   CHARACTER SET ascii NULL,
    leaf_hash         BINARY(32)    NOT NULL,
    -- the canonical leaf data, holding the random 16-byte salt: null once erased
    leaf_data         VARBINARY(2048) NULL,
    -- canonical bytes of the committed object when known (a record's signed header): null once erased
    object_bytes      VARBINARY(4096) NULL,
    event_time        DATETIME(6)   NOT NULL,
    appended_at       DATETIME(6)   NOT NULL,
    PRIMARY KEY (leaf_index),
    UNIQUE KEY log_leaf_event (event_id),
    KEY log_leaf_subject (subject)
) ENGINE = InnoDB;

-- The log's size; the row lock serializes appends.
CREATE TABLE log_head (
    id                TINYINT       NOT NULL,
    size              BIGINT        NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB;
INSERT INTO log_head (id, size) VALUES (1, 0);

-- Signed checkpoints and the IOST transaction that anchors each. At most one checkpoint is in flight (not
-- IRREVERSIBLE or FAILED); a FAILED one is superseded by the next checkpoint, which covers its leaves too.
CREATE TABLE checkpoint (
    id                BIGINT        NOT NULL AUTO_INCREMENT,
    size              BIGINT        NOT NULL,
    root              BINARY(32)    NOT NULL,
    prev_size         BIGINT        NOT NULL,
    note              TEXT          CHARACTER SET utf8mb4 NOT NULL,
    state             VARCHAR(16)   CHARACTER SET ascii NOT NULL,
    chain_id          INT           NOT NULL,
    tx_hash           VARCHAR(64)   CHARACTER SET ascii NULL,
    -- the signed transaction exactly as broadcast (the /sendTx body), persisted before the first broadcast
    tx_body           MEDIUMTEXT    CHARACTER SET utf8mb4 NULL,
    tx_expires_at     DATETIME(6)   NULL,
    tx_signings       INT           NOT NULL DEFAULT 0,
    block_number      BIGINT        NULL,
    failure           VARCHAR(256)  NULL,
    -- leaves [prev_size, confirmed_through) already have their confirmation in the outbox
    confirmed_through BIGINT        NOT NULL,
    created_at        DATETIME(6)   NOT NULL,
    sent_at           DATETIME(6)   NULL,
    packed_at         DATETIME(6)   NULL,
    final_at          DATETIME(6)   NULL,
    PRIMARY KEY (id),
    KEY checkpoint_state (state, id)
) ENGINE = InnoDB;

-- Leader lease: one instance at a time builds checkpoints and drives the chain.
CREATE TABLE anchor_lease (
    name              VARCHAR(32)   CHARACTER SET ascii NOT NULL,
    holder            VARCHAR(64)   CHARACTER SET ascii NULL,
    lease_until       DATETIME(6)   NULL,
    PRIMARY KEY (name)
) ENGINE = InnoDB;
INSERT INTO anchor_lease (name) VALUES ('anchor');
