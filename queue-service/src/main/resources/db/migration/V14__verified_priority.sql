-- R12: a priority ground counts in the call order only once verified — by the registry of
-- persons with disabilities and social statuses, by the IIN itself (age), or by staff who see
-- the visitor. Until then the ticket waits in the ordinary line; staff may also withdraw it.
ALTER TABLE ticket ADD COLUMN priority_status VARCHAR(20)
    CHECK (priority_status IN ('CLAIMED', 'VERIFIED', 'WITHDRAWN'));
ALTER TABLE ticket ADD COLUMN priority_decided_by VARCHAR(200);
ALTER TABLE ticket ADD COLUMN priority_decided_at TIMESTAMPTZ;
ALTER TABLE ticket ADD COLUMN priority_note VARCHAR(200);
-- every priority granted so far was given at a kiosk or a window, in front of staff
UPDATE ticket SET priority_status = 'VERIFIED' WHERE priority_reason IS NOT NULL;
