-- A booking neither cancelled nor checked in by the end of its slot's service day was missed.
-- Marking it so (at day close) frees the person's booking limit and tells analysts, instead
-- of leaving it ACTIVE for ever.
ALTER TABLE booking DROP CONSTRAINT booking_status_check;
ALTER TABLE booking ADD CONSTRAINT booking_status_check
    CHECK (status IN ('ACTIVE', 'CHECKED_IN', 'LATE', 'CANCELLED', 'MISSED'));
