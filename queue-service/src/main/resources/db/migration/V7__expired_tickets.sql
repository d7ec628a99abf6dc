-- A ticket still open when its service day ends is closed as EXPIRED (TicketExpiry), so
-- yesterday's queue neither lingers in the statistics nor blocks anyone today.
ALTER TABLE ticket DROP CONSTRAINT ticket_status_check;
ALTER TABLE ticket ADD CONSTRAINT ticket_status_check
    CHECK (status IN ('WAITING', 'CALLED', 'IN_SERVICE', 'COMPLETED', 'NO_SHOW', 'CANCELLED', 'EXPIRED'));
ALTER TABLE ticket ADD COLUMN expired_at TIMESTAMPTZ;
CREATE INDEX ticket_open_by_day ON ticket (branch_code, service_day) WHERE status IN ('WAITING', 'CALLED', 'IN_SERVICE');
