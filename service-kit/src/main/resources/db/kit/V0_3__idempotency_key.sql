-- Creating calls may carry an Idempotency-Key; a retried call gets the first result back
-- instead of doing the work twice (a kiosk that lost the response must not print a second
-- ticket). A row is claimed before the call runs (status NULL), and holds the response once
-- it succeeded; a call that failed releases its key so a retry may try again.
CREATE TABLE idempotency_key (
    caller       VARCHAR(200) NOT NULL,
    idem_key     VARCHAR(100) NOT NULL,
    request_hash CHAR(64)     NOT NULL,
    status       INT,
    location     VARCHAR(1000),
    content_type VARCHAR(200),
    body         TEXT,
    created_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (caller, idem_key)
);
CREATE INDEX idempotency_key_created ON idempotency_key (created_at);
