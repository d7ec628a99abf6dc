-- What the wait band knows of service times, per branch, category and hour of the week: kept up
-- to date on each completed visit, so a band is one row read instead of a scan of eight weeks of
-- tickets on every issue and every poll. Seeded from the visits served so far.
CREATE TABLE service_time_stat (
    branch_code      VARCHAR(20)      NOT NULL,
    category_code    VARCHAR(20)      NOT NULL,
    dow              SMALLINT         NOT NULL CHECK (dow BETWEEN 1 AND 7),
    hour             SMALLINT         NOT NULL CHECK (hour BETWEEN 0 AND 23),
    samples          INT              NOT NULL,
    mean_minutes     DOUBLE PRECISION NOT NULL,
    variance_minutes DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (branch_code, category_code, dow, hour)
);

INSERT INTO service_time_stat (branch_code, category_code, dow, hour, samples, mean_minutes, variance_minutes)
SELECT t.branch_code, t.category_code,
       extract(isodow FROM t.started_at AT TIME ZONE b.time_zone),
       extract(hour FROM t.started_at AT TIME ZONE b.time_zone),
       count(*), avg(t.served_seconds) / 60.0, coalesce(var_pop(t.served_seconds), 0) / 3600.0
FROM ticket t JOIN branch b ON b.code = t.branch_code
WHERE t.status = 'COMPLETED' AND t.served_seconds IS NOT NULL AND t.started_at IS NOT NULL
GROUP BY 1, 2, 3, 4;

CREATE INDEX ticket_active_at_window ON ticket (window_id) WHERE status IN ('CALLED', 'IN_SERVICE');
