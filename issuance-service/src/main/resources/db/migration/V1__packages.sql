-- R15.7, R15.9, R20: document packages in the centre's custody, each with a barcode.
CREATE TABLE document_package (
    id              UUID         PRIMARY KEY,
    barcode         VARCHAR(40)  NOT NULL UNIQUE,
    application_id  UUID         NOT NULL,
    branch_code     VARCHAR(20)  NOT NULL,
    result_kind     VARCHAR(30)  NOT NULL,
    status          VARCHAR(20)  NOT NULL,
    due_on          DATE,
    received_at     TIMESTAMPTZ,
    issued_at       TIMESTAMPTZ
);
CREATE INDEX document_package_due ON document_package (branch_code, due_on) WHERE issued_at IS NULL;
