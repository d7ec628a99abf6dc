-- An administrator retires a window instead of deleting it: its tickets and call decisions
-- keep pointing at it for the record. Only windows in service need distinct numbers, so a
-- number can be given to a new window after the old one was retired.
ALTER TABLE service_window ADD COLUMN retired_at TIMESTAMPTZ;
ALTER TABLE service_window DROP CONSTRAINT service_window_branch_code_number_key;
CREATE UNIQUE INDEX service_window_number_in_service ON service_window (branch_code, number) WHERE retired_at IS NULL;
