-- Transactional outbox (shared by every service, created in the service's own schema).
-- A row is written in the same transaction as the state change it announces; the relay
-- publishes rows in seq order and stamps sent_at. Unsent rows are the relay's work queue.
CREATE TABLE outbox (
    seq            BIGSERIAL PRIMARY KEY,
    id             UUID         NOT NULL UNIQUE,
    topic          VARCHAR(200) NOT NULL,
    msg_key        VARCHAR(200) NOT NULL,
    type           VARCHAR(200) NOT NULL,
    source         VARCHAR(200) NOT NULL,
    subject        VARCHAR(200),
    occurred_at    TIMESTAMPTZ  NOT NULL,
    correlation_id VARCHAR(64),
    payload        TEXT         NOT NULL,
    created_at     TIMESTAMPTZ  NOT NULL DEFAULT now(),
    sent_at        TIMESTAMPTZ,
    attempts       INT          NOT NULL DEFAULT 0,
    last_error     VARCHAR(1000)
);
CREATE INDEX outbox_unsent ON outbox (seq) WHERE sent_at IS NULL;
