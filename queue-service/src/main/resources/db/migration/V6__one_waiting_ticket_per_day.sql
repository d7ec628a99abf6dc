-- A ticket left waiting when a branch closed must not block the same person tomorrow: the
-- one-waiting-ticket rule holds per service day (nobody is called from another day's line).
DROP INDEX ticket_one_waiting_per_iin;
CREATE UNIQUE INDEX ticket_one_waiting_per_iin ON ticket (branch_code, category_code, iin, service_day)
    WHERE status = 'WAITING' AND iin IS NOT NULL;
