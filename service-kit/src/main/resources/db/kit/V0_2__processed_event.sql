-- Idempotent consumption: an event id is recorded in the same transaction as its effect,
-- so a redelivered event finds its id here and changes nothing.
CREATE TABLE processed_event (
    event_id     VARCHAR(200) NOT NULL,
    consumer     VARCHAR(100) NOT NULL,
    type         VARCHAR(200) NOT NULL,
    processed_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (event_id, consumer)
);
