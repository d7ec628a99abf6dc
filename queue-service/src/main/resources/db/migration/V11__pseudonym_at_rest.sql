-- Queue keeps a person only as the keyed pseudonym of their IIN (R23): the one-waiting-ticket
-- and one-booking-per-10-days rules compare pseudonyms, and nothing here needs the digits back.
-- Every row written so far already carries its pseudonym beside the IIN.
DROP INDEX ticket_one_waiting_per_iin;
CREATE UNIQUE INDEX ticket_one_waiting_per_applicant ON ticket (branch_code, category_code, applicant_pseudonym, service_day)
    WHERE status = 'WAITING' AND applicant_pseudonym IS NOT NULL;
DROP INDEX booking_active_by_iin;
CREATE INDEX booking_active_by_applicant ON booking (applicant_pseudonym, category_code, slot_start) WHERE status = 'ACTIVE';
ALTER TABLE ticket DROP COLUMN iin;
ALTER TABLE booking DROP COLUMN iin;

-- The per-account caps count an account's active bookings and waiting tickets.
CREATE INDEX booking_active_by_owner ON booking (owner_id) WHERE status = 'ACTIVE';
CREATE INDEX ticket_waiting_by_owner ON ticket (owner_id, service_day) WHERE status = 'WAITING';
