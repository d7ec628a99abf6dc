-- An Idempotency-Key records its call's outcome in the call's own transaction: right before
-- a transaction of the claiming request commits, committed_at is set through that
-- transaction's connection, so "something committed" and the mark are one atomic fact. A
-- committed key is never released (a retry must not run the action again), even when the
-- response turns out to be an error or is never stored (the instance died).
-- generation fences a takeover: a retry that takes over a stale claim bumps it, and the
-- original's transaction, finding its generation gone at its commit, rolls back.
ALTER TABLE idempotency_key ADD COLUMN generation INT NOT NULL DEFAULT 0;
ALTER TABLE idempotency_key ADD COLUMN committed_at TIMESTAMPTZ;
