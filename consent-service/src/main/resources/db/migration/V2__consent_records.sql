-- R7, R8, R23: the consent record as the service keeps it. V1's first sketch held the subject's
-- IIN in clear and no scopes; nothing was ever stored under it, so it is replaced, not altered.
DROP TABLE access_log;
DROP TABLE consent;

-- The kinds of protected data a consent may name. Data, not code: a new secret regime is a row.
CREATE TABLE consent_scope (
    code     VARCHAR(40)  PRIMARY KEY CHECK (code ~ '^[A-Z][A-Z0-9_]{1,39}$'),
    name_kk  VARCHAR(200) NOT NULL,
    name_ru  VARCHAR(200) NOT NULL
);
INSERT INTO consent_scope (code, name_kk, name_ru) VALUES
    ('PERSONAL_DATA',   'Дербес деректер',        'Персональные данные'),
    ('TAX_SECRET',      'Салық құпиясы',          'Налоговая тайна'),
    ('MEDICAL_SECRET',  'Дәрігерлік құпия',       'Врачебная тайна'),
    ('BANK_SECRET',     'Банктік құпия',          'Банковская тайна'),
    ('NOTARIAL_SECRET', 'Нотариаттық құпия',      'Нотариальная тайна');

CREATE TABLE consent (
    id                UUID         PRIMARY KEY,
    -- IinCipher ciphertext ("v1:" + base64), never the number; lookups go by the pseudonym
    subject_iin       VARCHAR(200) NOT NULL CHECK (subject_iin LIKE 'v1:%'),
    subject_pseudonym VARCHAR(80)  NOT NULL,
    recipient         VARCHAR(40)  NOT NULL,
    purpose           VARCHAR(60)  NOT NULL,
    legal_basis       VARCHAR(80)  NOT NULL,
    channel           VARCHAR(20)  NOT NULL CHECK (channel IN ('SMS_OTP', 'MOBILE_APP', 'IN_PERSON_EDS')),
    language          VARCHAR(2)   NOT NULL CHECK (language IN ('kk', 'ru')),
    text_hash         VARCHAR(64)  NOT NULL,
    granted_at        TIMESTAMPTZ  NOT NULL,
    valid_until       TIMESTAMPTZ  NOT NULL CHECK (valid_until > granted_at),
    status            VARCHAR(10)  NOT NULL CHECK (status IN ('ACTIVE', 'REVOKED', 'EXPIRED')),
    revoked_at        TIMESTAMPTZ,
    expired_at        TIMESTAMPTZ,
    data_from         DATE,
    data_to           DATE,
    retention         VARCHAR(20),
    fetch_limit       INTEGER      CHECK (fetch_limit > 0),
    fetch_period      VARCHAR(5)   CHECK (fetch_period IN ('DAY', 'MONTH', 'YEAR')),
    granted_by        VARCHAR(200) NOT NULL,
    evidence          VARCHAR(2000) NOT NULL
);
-- The check on every application's path: only live consents are indexed, so the index stays small.
CREATE INDEX consent_check ON consent (subject_pseudonym, recipient, purpose) WHERE status = 'ACTIVE';
CREATE INDEX consent_subject ON consent (subject_pseudonym, granted_at);
CREATE INDEX consent_due ON consent (valid_until) WHERE status = 'ACTIVE';

CREATE TABLE consent_scope_grant (
    consent_id UUID        NOT NULL REFERENCES consent (id),
    scope      VARCHAR(40) NOT NULL REFERENCES consent_scope (code),
    PRIMARY KEY (consent_id, scope)
);

-- A consent asked for at the window or by a provider system, waiting for the subject's one-time code.
CREATE TABLE consent_request (
    id                UUID         PRIMARY KEY,
    subject_iin       VARCHAR(200) NOT NULL CHECK (subject_iin LIKE 'v1:%'),
    subject_pseudonym VARCHAR(80)  NOT NULL,
    recipient         VARCHAR(40)  NOT NULL,
    purpose           VARCHAR(60)  NOT NULL,
    language          VARCHAR(2)   NOT NULL CHECK (language IN ('kk', 'ru')),
    valid_until       TIMESTAMPTZ  NOT NULL,
    data_from         DATE,
    data_to           DATE,
    retention         VARCHAR(20),
    fetch_limit       INTEGER,
    fetch_period      VARCHAR(5),
    -- HMAC-SHA-256 of salt, request id and code under a server key: never the code itself
    code_hash         VARCHAR(64)  NOT NULL,
    code_salt         VARCHAR(32)  NOT NULL,
    attempts          INTEGER      NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    status            VARCHAR(10)  NOT NULL CHECK (status IN ('PENDING', 'CONFIRMED', 'LOCKED')),
    requested_by      VARCHAR(200) NOT NULL,
    requested_at      TIMESTAMPTZ  NOT NULL,
    code_expires_at   TIMESTAMPTZ  NOT NULL,
    consent_id        UUID         REFERENCES consent (id)
);

CREATE TABLE consent_request_scope (
    request_id UUID        NOT NULL REFERENCES consent_request (id),
    scope      VARCHAR(40) NOT NULL REFERENCES consent_scope (code),
    PRIMARY KEY (request_id, scope)
);

-- Every access to a subject's protected data, under the consent that allowed it: the citizen's
-- own record of who read what, when and for which service. Its count and latest row are the
-- consent's use record.
CREATE TABLE access_log (
    id                BIGSERIAL    PRIMARY KEY,
    consent_id        UUID         NOT NULL REFERENCES consent (id),
    subject_pseudonym VARCHAR(80)  NOT NULL,
    recipient         VARCHAR(40)  NOT NULL,
    scope             VARCHAR(40)  NOT NULL,
    purpose           VARCHAR(60)  NOT NULL,
    organisation      VARCHAR(200) NOT NULL,
    accessor          VARCHAR(200) NOT NULL,
    operator_name     VARCHAR(300),
    accessed_at       TIMESTAMPTZ  NOT NULL
);
CREATE INDEX access_log_subject ON access_log (subject_pseudonym, accessed_at);
CREATE INDEX access_log_consent ON access_log (consent_id, accessed_at);

CREATE FUNCTION access_log_is_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'access_log is append-only (R23): % refused', TG_OP;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER access_log_append_only
    BEFORE UPDATE OR DELETE OR TRUNCATE ON access_log
    FOR EACH STATEMENT EXECUTE FUNCTION access_log_is_append_only();
