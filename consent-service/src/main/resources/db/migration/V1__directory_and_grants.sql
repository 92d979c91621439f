-- consent-service schema: the directory of parties and their keys, consent grants, emergency designations.

CREATE TABLE party (
    id              VARCHAR(64)  CHARACTER SET ascii NOT NULL,
    kind            VARCHAR(16)  CHARACTER SET ascii NOT NULL,   -- PATIENT | CLINICIAN | FACILITY
    display_name    VARCHAR(200) NOT NULL,
    facility_id     VARCHAR(64)  CHARACTER SET ascii NULL,       -- a clinician's facility
    created_at      DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    KEY party_facility (facility_id)
) ENGINE = InnoDB;

CREATE TABLE party_key (
    key_id          CHAR(64)     CHARACTER SET ascii NOT NULL,   -- SHA-256 of the raw public key
    party_id        VARCHAR(64)  CHARACTER SET ascii NOT NULL,
    key_use         VARCHAR(16)  CHARACTER SET ascii NOT NULL,   -- SIGNING (Ed25519) | ENCRYPTION (X25519)
    public_key      VARBINARY(32) NOT NULL,
    status          VARCHAR(16)  CHARACTER SET ascii NOT NULL,   -- ACTIVE | RETIRED
    authorized_by   CHAR(64)     CHARACTER SET ascii NULL,       -- the signing key that added it, if not registration
    added_at        DATETIME(6)  NOT NULL,
    retired_at      DATETIME(6)  NULL,
    PRIMARY KEY (key_id),
    KEY party_key_party (party_id, key_use, status),
    CONSTRAINT party_key_party FOREIGN KEY (party_id) REFERENCES party (id)
) ENGINE = InnoDB;

-- A registration waits here until both keys are proven: the challenge is sealed to the X25519 key and must be
-- returned signed with the Ed25519 key.
CREATE TABLE pending_registration (
    id              CHAR(36)     CHARACTER SET ascii NOT NULL,
    account_id      VARCHAR(64)  CHARACTER SET ascii NOT NULL,
    kind            VARCHAR(16)  CHARACTER SET ascii NOT NULL,
    display_name    VARCHAR(200) NOT NULL,
    facility_id     VARCHAR(64)  CHARACTER SET ascii NULL,
    signing_key     VARBINARY(32) NOT NULL,
    encryption_key  VARBINARY(32) NOT NULL,
    challenge_sha256 CHAR(64)    CHARACTER SET ascii NOT NULL,
    expires_at      DATETIME(6)  NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB;

CREATE TABLE consent_grant (
    id              CHAR(36)     CHARACTER SET ascii NOT NULL,
    patient_id      VARCHAR(64)  CHARACTER SET ascii NOT NULL,
    grantee_id      VARCHAR(64)  CHARACTER SET ascii NOT NULL,
    grantee_kind    VARCHAR(16)  CHARACTER SET ascii NOT NULL,
    purpose         VARCHAR(16)  CHARACTER SET ascii NOT NULL,
    not_before      DATETIME(6)  NOT NULL,
    not_after       DATETIME(6)  NOT NULL,
    record_ids      TEXT         CHARACTER SET ascii NOT NULL,   -- JSON array, as signed
    categories      TEXT         CHARACTER SET ascii NOT NULL,   -- JSON array, as signed
    status          VARCHAR(16)  CHARACTER SET ascii NOT NULL,   -- ACTIVE | REVOKED (EXPIRED is derived from not_after)
    signer_key_id   CHAR(64)     CHARACTER SET ascii NOT NULL,
    signature       VARBINARY(64) NOT NULL,
    grant_sha256    CHAR(64)     CHARACTER SET ascii NOT NULL,
    created_at      DATETIME(6)  NOT NULL,
    revoked_at      DATETIME(6)  NULL,
    PRIMARY KEY (id),
    KEY grant_patient (patient_id, id),
    KEY grant_grantee (grantee_id, patient_id, status)
) ENGINE = InnoDB;

CREATE TABLE emergency_category (
    patient_id      VARCHAR(64)  CHARACTER SET ascii NOT NULL,
    category        VARCHAR(64)  CHARACTER SET ascii NOT NULL,
    designated_at   DATETIME(6)  NOT NULL,
    PRIMARY KEY (patient_id, category)
) ENGINE = InnoDB;
