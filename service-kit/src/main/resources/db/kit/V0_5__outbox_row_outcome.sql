-- One row the broker will never take (too large, a topic that does not exist or that the
-- service may not write to) must not stop the service's other events. The relay records
-- each row's own outcome (attempts, last_error, sent_at) and parks a row after
-- gfc.outbox.park-after failures that were its own: parked rows leave the work queue, and
-- the later rows of the same (topic, msg_key) wait behind them to keep that key's order.
-- The engineer on call retries a parked row (parked_at back to NULL) or discards it
-- (discarded_at: the row stays recognisable and is deleted with the sent rows later).
ALTER TABLE outbox ADD COLUMN parked_at TIMESTAMPTZ, ADD COLUMN discarded_at TIMESTAMPTZ;

-- The work queue: what the relay reads, in seq order.
DROP INDEX outbox_unsent;
CREATE INDEX outbox_queue ON outbox (seq) WHERE sent_at IS NULL AND parked_at IS NULL AND discarded_at IS NULL;
-- Few rows, read for every queued row: "is an earlier row of my key parked?"
CREATE INDEX outbox_parked ON outbox (topic, msg_key, seq)
    WHERE parked_at IS NOT NULL AND sent_at IS NULL AND discarded_at IS NULL;
