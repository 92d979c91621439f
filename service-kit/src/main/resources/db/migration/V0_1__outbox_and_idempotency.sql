-- Shipped by techo-service-kit: every service's schema gets its outbox and Idempotency-Key tables.

-- Transactional outbox: written in the same transaction as the state change, published by OutboxRelay.
CREATE TABLE outbox_event (
    seq               BIGINT       NOT NULL AUTO_INCREMENT,
    event_id          CHAR(36)     CHARACTER SET ascii NOT NULL,
    topic             VARCHAR(128) CHARACTER SET ascii NOT NULL,
    event_key         VARCHAR(64)  CHARACTER SET ascii NOT NULL,
    event_type        VARCHAR(64)  CHARACTER SET ascii NOT NULL,
    subject           VARCHAR(64)  CHARACTER SET ascii NOT NULL,
    event_time        DATETIME(6)  NOT NULL,
    payload           MEDIUMTEXT   CHARACTER SET utf8mb4 NOT NULL,
    created_at        DATETIME(6)  NOT NULL,
    lease_owner       VARCHAR(64)  NULL,
    lease_until       DATETIME(6)  NULL,
    attempts          INT          NOT NULL DEFAULT 0,
    published_at      DATETIME(6)  NULL,
    PRIMARY KEY (seq),
    UNIQUE KEY outbox_event_id (event_id),
    KEY outbox_pending (published_at, seq)
) ENGINE = InnoDB;

-- Idempotency-Key bookkeeping for POSTs: the same key and body replays the original response.
CREATE TABLE idempotency_key (
    caller_id         VARCHAR(64)  CHARACTER SET ascii NOT NULL,
    idempotency_key   VARCHAR(128) CHARACTER SET ascii NOT NULL,
    request_sha256    CHAR(64)     CHARACTER SET ascii NOT NULL,
    response_status   INT          NOT NULL,
    response_body     MEDIUMTEXT   CHARACTER SET utf8mb4 NOT NULL,
    created_at        DATETIME(6)  NOT NULL,
    PRIMARY KEY (caller_id, idempotency_key)
) ENGINE = InnoDB;
