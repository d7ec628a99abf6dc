-- R18: one rating per visit (a served ticket or an issued document), for analytics per
-- branch, service, operator and period (R27).
CREATE TABLE rating (
    id           UUID         PRIMARY KEY,
    visit_id     VARCHAR(100) NOT NULL UNIQUE,
    branch_code  VARCHAR(20)  NOT NULL,
    service_code VARCHAR(40),
    operator_id  VARCHAR(200),
    score        SMALLINT     NOT NULL CHECK (score BETWEEN 1 AND 5),
    comment      VARCHAR(1000),
    rated_at     TIMESTAMPTZ  NOT NULL
);
CREATE INDEX rating_branch_time ON rating (branch_code, rated_at);
