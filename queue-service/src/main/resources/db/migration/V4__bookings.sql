-- R12: booked visits. A slot row is created on first booking; booked <= capacity is checked by
-- the database, and seats are taken with a conditional UPDATE, so a slot is never over-booked.
CREATE TABLE booking_slot (
    id            BIGSERIAL   PRIMARY KEY,
    branch_code   VARCHAR(20) NOT NULL REFERENCES branch (code),
    category_code VARCHAR(20) NOT NULL REFERENCES service_category (code),
    starts_at     TIMESTAMPTZ NOT NULL,
    capacity      INT         NOT NULL CHECK (capacity > 0),
    booked        INT         NOT NULL DEFAULT 0,
    UNIQUE (branch_code, category_code, starts_at),
    CHECK (booked BETWEEN 0 AND capacity)
);

CREATE TABLE booking (
    id                  UUID         PRIMARY KEY,
    slot_id             BIGINT       NOT NULL REFERENCES booking_slot (id),
    branch_code         VARCHAR(20)  NOT NULL REFERENCES branch (code),
    category_code       VARCHAR(20)  NOT NULL REFERENCES service_category (code),
    slot_start          TIMESTAMPTZ  NOT NULL,
    iin                 VARCHAR(12)  NOT NULL,
    applicant_pseudonym VARCHAR(100) NOT NULL,
    owner_id            VARCHAR(200) NOT NULL,
    language            VARCHAR(2)   NOT NULL CHECK (language IN ('kk', 'ru')),
    status              VARCHAR(12)  NOT NULL CHECK (status IN ('ACTIVE', 'CHECKED_IN', 'LATE', 'CANCELLED')),
    created_at          TIMESTAMPTZ  NOT NULL,
    ticket_id           UUID         REFERENCES ticket (id)
);
CREATE INDEX booking_active_by_iin ON booking (iin, category_code, slot_start) WHERE status = 'ACTIVE';
