-- Issue order: the tie-break between tickets with the same queue_at (equal timestamps happen
-- under load and with a pinned clock), so CallOrder and the shown position never depend on
-- random ticket ids. Existing rows get numbers in table order.
ALTER TABLE ticket ADD COLUMN issue_seq BIGSERIAL NOT NULL UNIQUE;

DROP INDEX ticket_waiting;
CREATE INDEX ticket_waiting ON ticket (branch_code, service_day, category_code, queue_at, issue_seq) WHERE status = 'WAITING';
