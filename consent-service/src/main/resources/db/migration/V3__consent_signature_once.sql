-- A consent signed at the window with the subject's EDS (IN_PERSON_EDS) keeps the id of that
-- signature (SHA-256 of the signature value): one signature gives one consent, so a signed body
-- kept and presented again — after the subject revoked, say — gives nothing.
ALTER TABLE consent ADD COLUMN signature_id VARCHAR(64);
CREATE UNIQUE INDEX consent_signature_once ON consent (signature_id) WHERE signature_id IS NOT NULL;
