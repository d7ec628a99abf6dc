-- R21: the audit log. Append-only: a trigger refuses UPDATE and DELETE, and each record
-- carries the SHA-256 of its predecessor's hash and its own content, so any edit made
-- behind the database's back breaks the chain that GET /api/v1/audit/verify recomputes.
CREATE TABLE audit_record (
    seq             BIGSERIAL PRIMARY KEY,
    event_id        VARCHAR(200) NOT NULL UNIQUE,
    service         VARCHAR(100) NOT NULL,
    actor_id        VARCHAR(200) NOT NULL,
    actor_roles     VARCHAR(500) NOT NULL,
    action          VARCHAR(300) NOT NULL,
    http_method     VARCHAR(10),
    path            VARCHAR(1000),
    resource_type   VARCHAR(100),
    resource_id     VARCHAR(200),
    outcome         VARCHAR(20)  NOT NULL,
    status          INT,
    occurred_at     TIMESTAMPTZ  NOT NULL,
    correlation_id  VARCHAR(64),
    client_address  VARCHAR(100),
    recorded_at     TIMESTAMPTZ  NOT NULL DEFAULT now(),
    prev_hash       CHAR(64)     NOT NULL,
    hash            CHAR(64)     NOT NULL
);
CREATE INDEX audit_record_actor ON audit_record (actor_id, occurred_at);
CREATE INDEX audit_record_resource ON audit_record (resource_type, resource_id);
CREATE INDEX audit_record_time ON audit_record (occurred_at);

CREATE FUNCTION audit_record_is_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit_record is append-only (R21): % refused', TG_OP;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_record_append_only
    BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_record
    FOR EACH STATEMENT EXECUTE FUNCTION audit_record_is_append_only();

-- One row that serialises appends so the hash chain has exactly one head.
CREATE TABLE audit_chain_head (
    id        INT PRIMARY KEY CHECK (id = 1),
    last_seq  BIGINT   NOT NULL,
    last_hash CHAR(64) NOT NULL
);
INSERT INTO audit_chain_head VALUES (1, 0, repeat('0', 64));
