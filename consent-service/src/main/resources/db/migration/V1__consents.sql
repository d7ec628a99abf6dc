-- R7, R8: consents to use protected personal data, and the log of every access under one.
CREATE TABLE consent (
    id               UUID         PRIMARY KEY,
    subject_iin      CHAR(12)     NOT NULL,
    purpose          VARCHAR(100) NOT NULL,
    recipient        VARCHAR(200) NOT NULL,
    status           VARCHAR(20)  NOT NULL CHECK (status IN ('PENDING', 'ACTIVE', 'REVOKED', 'EXPIRED')),
    granted_at       TIMESTAMPTZ,
    expires_at       TIMESTAMPTZ,
    revoked_at       TIMESTAMPTZ
);
CREATE INDEX consent_subject ON consent (subject_iin, status);

CREATE TABLE access_log (
    id           BIGSERIAL    PRIMARY KEY,
    consent_id   UUID         NOT NULL REFERENCES consent (id),
    accessed_by  VARCHAR(200) NOT NULL,
    purpose      VARCHAR(100) NOT NULL,
    accessed_at  TIMESTAMPTZ  NOT NULL DEFAULT now()
);
