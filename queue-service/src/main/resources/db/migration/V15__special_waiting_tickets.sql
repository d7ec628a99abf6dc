-- An ordinary ticket's place counts the waiting tickets before it in time (ticket_waiting) and
-- the few after it that rank higher: a verified priority ground or a booking. This index holds
-- only those, so that second count never walks the ordinary line. The place is right only while
-- no weight is negative, which the constraint keeps true.
CREATE INDEX ticket_waiting_special ON ticket (branch_code, service_day, category_code, queue_at, issue_seq)
    WHERE status = 'WAITING' AND (priority_weight > 0 OR slot_start IS NOT NULL);
ALTER TABLE ticket ADD CONSTRAINT ticket_priority_weight_not_negative CHECK (priority_weight >= 0);
