-- A row may be held back for a while: the audit line of an action is written inside the
-- action's own transaction (so a crash cannot lose it) and completed by the response
-- filter, which releases it. If the instance dies before that, the row goes out as it is
-- once held_until has passed.
ALTER TABLE outbox ADD COLUMN held_until TIMESTAMPTZ;
