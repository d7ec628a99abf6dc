-- A window can pause (a break): it calls nobody and is not counted as staffed for wait bands.
ALTER TABLE service_window ADD COLUMN paused_at TIMESTAMPTZ;
ALTER TABLE service_window ADD COLUMN pause_reason VARCHAR(200);

-- Calling a ticket by its number, out of order, is itself a decision with a reason.
ALTER TABLE call_decision DROP CONSTRAINT call_decision_rule_check;
ALTER TABLE call_decision ADD CONSTRAINT call_decision_rule_check
    CHECK (rule IN ('BOOKING_DUE', 'PRIORITY', 'FIFO', 'STARVATION_BOUND', 'BY_NUMBER'));
ALTER TABLE call_decision ADD COLUMN reason VARCHAR(500);

-- The board's recent calls, so a screen that connects (or reconnects) shows them at once.
CREATE TABLE board_call (
    id          BIGSERIAL    PRIMARY KEY,
    branch_code VARCHAR(20)  NOT NULL,
    payload     TEXT         NOT NULL,
    called_at   TIMESTAMPTZ  NOT NULL
);
CREATE INDEX board_call_recent ON board_call (branch_code, id DESC);

-- The staff directory: an operator's position for the R6 nameplate (the name is the token's).
CREATE TABLE staff_member (
    login       VARCHAR(200) PRIMARY KEY,
    branch_code VARCHAR(20)  NOT NULL,
    position    VARCHAR(200) NOT NULL,
    updated_at  TIMESTAMPTZ  NOT NULL DEFAULT now()
);
INSERT INTO staff_member (login, branch_code, position) VALUES
    ('operator1',   'ALM-01', 'бас менеджер / главный менеджер'),
    ('supervisor1', 'ALM-01', 'филиал басшысы / руководитель филиала');
