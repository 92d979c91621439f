-- Every non-owner read decision (permit, deny, break-glass), written with its techo.access.decided event.
CREATE TABLE access_log (
    id                  CHAR(36)     CHARACTER SET ascii NOT NULL,
    owner_id            VARCHAR(64)  CHARACTER SET ascii NOT NULL,
    accessor_id         VARCHAR(64)  CHARACTER SET ascii NOT NULL,
    record_id           CHAR(36)     CHARACTER SET ascii NOT NULL,
    category            VARCHAR(64)  CHARACTER SET ascii NOT NULL,
    purpose             VARCHAR(16)  CHARACTER SET ascii NOT NULL,
    decision            VARCHAR(24)  CHARACTER SET ascii NOT NULL,
    reason              VARCHAR(32)  CHARACTER SET ascii NOT NULL,
    grant_id            CHAR(36)     CHARACTER SET ascii NULL,
    break_glass_reason  VARCHAR(500) NULL,
    decided_at          DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    KEY access_log_owner (owner_id, id)
) ENGINE = InnoDB;
