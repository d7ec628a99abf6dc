-- The packages, their custody chain (R15.9), the results providers send (R26), the issuance
-- record (R19) and the retention deadline (R20). V1's table was a placeholder no code ever
-- wrote to, so it is replaced rather than altered.
DROP TABLE document_package;

CREATE SEQUENCE package_number_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE document_package (
    id                  UUID         PRIMARY KEY,
    barcode             VARCHAR(14)  NOT NULL UNIQUE,
    application_id      UUID         NOT NULL UNIQUE,
    receipt_number      VARCHAR(40),
    service_code        VARCHAR(60)  NOT NULL,
    provider            VARCHAR(20)  NOT NULL,
    branch_code         VARCHAR(20)  NOT NULL,
    result_kind         VARCHAR(40)  NOT NULL,
    retention_class     VARCHAR(20)  NOT NULL,
    applicant_pseudonym VARCHAR(80)  NOT NULL,
    language            VARCHAR(2)   NOT NULL,
    delivery            VARCHAR(12)  NOT NULL,
    ready_date          DATE         NOT NULL,
    status              VARCHAR(24)  NOT NULL,
    desk_window         INTEGER,
    registered_at       TIMESTAMPTZ  NOT NULL,
    ready_at            TIMESTAMPTZ,
    at_desk_since       TIMESTAMPTZ,
    kept_until          DATE,
    issued_at           TIMESTAMPTZ,
    returned_at         TIMESTAMPTZ,
    return_reason       VARCHAR(20),
    return_note         VARCHAR(500),
    ready_text          VARCHAR(10)  NOT NULL DEFAULT 'NONE',
    ready_text_attempts INTEGER      NOT NULL DEFAULT 0,
    ready_text_next_at  TIMESTAMPTZ,
    version             BIGINT       NOT NULL DEFAULT 0
);
CREATE INDEX document_package_desk ON document_package (branch_code, status, ready_date);
CREATE INDEX document_package_unclaimed ON document_package (kept_until) WHERE status = 'AT_ISSUANCE_DESK';
CREATE INDEX document_package_ready_text ON document_package (ready_text_next_at) WHERE ready_text = 'PENDING';

-- One row per move; each carries the hash of the one before, so a changed or removed row shows.
CREATE TABLE custody_entry (
    id            UUID         PRIMARY KEY,
    package_id    UUID         NOT NULL REFERENCES document_package (id),
    seq           INTEGER      NOT NULL,
    movement      VARCHAR(30)  NOT NULL,
    from_status   VARCHAR(24)  NOT NULL,
    to_status     VARCHAR(24)  NOT NULL,
    branch_code   VARCHAR(20)  NOT NULL,
    window_no     INTEGER,
    actor_id      VARCHAR(120) NOT NULL,
    at            TIMESTAMPTZ  NOT NULL,
    prev_hash     VARCHAR(64)     NOT NULL,
    hash          VARCHAR(64)     NOT NULL,
    UNIQUE (package_id, seq)
);

CREATE TABLE provider_result (
    package_id      UUID         PRIMARY KEY REFERENCES document_package (id),
    provider        VARCHAR(20)  NOT NULL,
    title           VARCHAR(200) NOT NULL,
    document_number VARCHAR(64),
    issued_on       DATE,
    received_at     TIMESTAMPTZ  NOT NULL,
    received_by     VARCHAR(120) NOT NULL,
    file_type       VARCHAR(40),
    file_size       INTEGER,
    file_sha256     VARCHAR(64),
    file            BYTEA
);

-- Who took the document and on what authority; the person by pseudonym only (R23).
CREATE TABLE issuance_record (
    package_id             UUID         PRIMARY KEY REFERENCES document_package (id),
    recipient              VARCHAR(20)  NOT NULL,
    recipient_pseudonym    VARCHAR(80)  NOT NULL,
    identity_document      VARCHAR(20)  NOT NULL,
    identity_number_masked VARCHAR(20)  NOT NULL,
    poa_number             VARCHAR(60),
    poa_date               DATE,
    poa_notary             VARCHAR(200),
    poa_valid_until        DATE,
    operator_id            VARCHAR(120) NOT NULL,
    window_no              INTEGER,
    issued_at              TIMESTAMPTZ  NOT NULL
);
