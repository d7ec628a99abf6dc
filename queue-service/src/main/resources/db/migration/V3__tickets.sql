-- Tickets, their daily numbering, and the auditable record of every call decision.

-- Letter + daily sequence per branch and category (A-017). Incremented with
-- INSERT ... ON CONFLICT DO UPDATE ... RETURNING, so concurrent issuers never share a number.
CREATE TABLE ticket_counter (
    branch_code   VARCHAR(20) NOT NULL,
    category_code VARCHAR(20) NOT NULL,
    service_day   DATE        NOT NULL,
    last_seq      INT         NOT NULL,
    PRIMARY KEY (branch_code, category_code, service_day)
);

CREATE TABLE ticket (
    id                   UUID         PRIMARY KEY,
    branch_code          VARCHAR(20)  NOT NULL REFERENCES branch (code),
    category_code        VARCHAR(20)  NOT NULL REFERENCES service_category (code),
    original_category    VARCHAR(20)  NOT NULL REFERENCES service_category (code),
    return_category      VARCHAR(20)  REFERENCES service_category (code),
    number               VARCHAR(20)  NOT NULL,
    service_day          DATE         NOT NULL,
    source               VARCHAR(10)  NOT NULL CHECK (source IN ('ELECTRONIC', 'LIVE')),
    channel              VARCHAR(12)  NOT NULL CHECK (channel IN ('WALK_IN', 'MOBILE', 'BOOKING', 'REMOTE_VIDEO')),
    language             VARCHAR(2)   NOT NULL CHECK (language IN ('kk', 'ru')),
    priority_reason      VARCHAR(20),
    priority_weight      INT          NOT NULL DEFAULT 0,
    iin                  VARCHAR(12),
    applicant_pseudonym  VARCHAR(100),
    owner_id             VARCHAR(200) NOT NULL,
    status               VARCHAR(12)  NOT NULL
        CHECK (status IN ('WAITING', 'CALLED', 'IN_SERVICE', 'COMPLETED', 'NO_SHOW', 'CANCELLED')),
    -- The place in the line: issue time, kept across transfers; moved back by a postponement.
    queue_at             TIMESTAMPTZ  NOT NULL,
    issued_at            TIMESTAMPTZ  NOT NULL,
    booking_id           UUID,
    slot_start           TIMESTAMPTZ,
    target_window_id     BIGINT       REFERENCES service_window (id),
    window_id            BIGINT       REFERENCES service_window (id),
    operator_id          VARCHAR(200),
    first_called_at      TIMESTAMPTZ,
    called_at            TIMESTAMPTZ,
    started_at           TIMESTAMPTZ,
    completed_at         TIMESTAMPTZ,
    no_show_at           TIMESTAMPTZ,
    cancelled_at         TIMESTAMPTZ,
    served_seconds       INT,
    recalls              INT          NOT NULL DEFAULT 0,
    postpones            INT          NOT NULL DEFAULT 0,
    application_id       VARCHAR(100),
    room_reference       VARCHAR(300),
    hand_number          VARCHAR(20)
);

-- At most one waiting ticket per IIN per category and branch.
CREATE UNIQUE INDEX ticket_one_waiting_per_iin ON ticket (branch_code, category_code, iin)
    WHERE status = 'WAITING' AND iin IS NOT NULL;
-- R6 reconciliation: a hand-numbered ticket is posted once per branch and day.
CREATE UNIQUE INDEX ticket_hand_number ON ticket (branch_code, service_day, hand_number)
    WHERE hand_number IS NOT NULL;
CREATE INDEX ticket_waiting ON ticket (branch_code, service_day, category_code, queue_at) WHERE status = 'WAITING';
CREATE INDEX ticket_history ON ticket (branch_code, category_code, completed_at) WHERE status = 'COMPLETED';

-- Auditable fairness: which rule of CallOrder chose which ticket for which window.
CREATE TABLE call_decision (
    id                BIGSERIAL    PRIMARY KEY,
    ticket_id         UUID         NOT NULL REFERENCES ticket (id),
    window_id         BIGINT       NOT NULL REFERENCES service_window (id),
    branch_code       VARCHAR(20)  NOT NULL,
    category_code     VARCHAR(20)  NOT NULL,
    rule              VARCHAR(20)  NOT NULL
        CHECK (rule IN ('BOOKING_DUE', 'PRIORITY', 'FIFO', 'STARVATION_BOUND')),
    priority_streak   INT          NOT NULL,
    operator_id       VARCHAR(200) NOT NULL,
    decided_at        TIMESTAMPTZ  NOT NULL
);
CREATE INDEX call_decision_branch ON call_decision (branch_code, decided_at);
