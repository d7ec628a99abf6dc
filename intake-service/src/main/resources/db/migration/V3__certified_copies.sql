-- R17: certified electronic copies of originals, made by the operator where the service's
-- act provides for it. A scan is uploaded first; its SHA-256 then goes into the application
-- body, which the operator's EDS signs, so the signature covers each copy.
CREATE TABLE certified_copy (
    id              UUID         PRIMARY KEY,
    document_code   VARCHAR(40)  NOT NULL,
    media_type      VARCHAR(40)  NOT NULL CHECK (media_type IN ('application/pdf', 'image/jpeg', 'image/png')),
    size_bytes      INT          NOT NULL CHECK (size_bytes > 0),
    sha256          VARCHAR(64)  NOT NULL,
    content         BYTEA        NOT NULL,
    branch_code     VARCHAR(20)  NOT NULL,
    uploaded_by     VARCHAR(100) NOT NULL,
    uploaded_at     TIMESTAMPTZ  NOT NULL,
    application_id  UUID         REFERENCES application (id)
);
CREATE INDEX certified_copy_application ON certified_copy (application_id);
