-- record-service schema. Ids are UUID strings (CHAR(36), ASCII): portable across MariaDB and MySQL 8,
-- and UUIDv7 strings sort by creation time, which the cursor pagination relies on (ADR 0003).

CREATE TABLE record (
    id                CHAR(36)     CHARACTER SET ascii NOT NULL,
    owner_id          VARCHAR(64)  CHARACTER SET ascii NOT NULL,
    category          VARCHAR(64)  CHARACTER SET ascii NOT NULL,
    version           INT          NOT NULL,
    status            VARCHAR(16)  CHARACTER SET ascii NOT NULL,
    ciphertext        LONGBLOB     NULL,                -- NULL once erased (crypto-shredding)
    ciphertext_sha256 CHAR(64)     CHARACTER SET ascii NOT NULL,
    ciphertext_size   INT          NOT NULL,
    signer_key_id     CHAR(64)     CHARACTER SET ascii NOT NULL,
    signature         VARBINARY(64) NOT NULL,
    header_sha256     CHAR(64)     CHARACTER SET ascii NOT NULL,
    created_at        DATETIME(6)  NOT NULL,
    erased_at         DATETIME(6)  NULL,
    PRIMARY KEY (id),
    KEY record_owner_listing (owner_id, status, id),
    KEY record_owner_category_listing (owner_id, category, status, id)
) ENGINE = InnoDB;

CREATE TABLE key_envelope (
    record_id         CHAR(36)     CHARACTER SET ascii NOT NULL,
    recipient_id      VARCHAR(64)  CHARACTER SET ascii NOT NULL,
    recipient_key_id  CHAR(64)     CHARACTER SET ascii NOT NULL,
    suite             VARCHAR(16)  CHARACTER SET ascii NOT NULL,
    enc               VARBINARY(64)  NOT NULL,
    wrapped_key       VARBINARY(128) NOT NULL,
    created_at        DATETIME(6)  NOT NULL,
    PRIMARY KEY (record_id, recipient_id, recipient_key_id),
    CONSTRAINT key_envelope_record FOREIGN KEY (record_id) REFERENCES record (id)
) ENGINE = InnoDB;
