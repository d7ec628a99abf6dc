-- The catalogue becomes versioned data (R4/R5): each release file or admin edit publishes
-- a whole new version; an application keeps the version it was accepted under. The first
-- shape (one row per service, no documents or fields) held no applications yet.
DROP TABLE application;
DROP TABLE catalogue_service;

CREATE TABLE catalogue_version (
    version       INT          PRIMARY KEY,
    source        VARCHAR(120) NOT NULL,
    published_at  TIMESTAMPTZ  NOT NULL,
    published_by  VARCHAR(200) NOT NULL,
    note          VARCHAR(500)
);
-- a release file is loaded once, whatever the number of instances starting at once
CREATE UNIQUE INDEX catalogue_version_release ON catalogue_version (source) WHERE source LIKE 'release:%';

-- One service of one version; the definition is the entry of the data file as JSON,
-- provider and kind beside it for filtering.
CREATE TABLE catalogue_entry (
    version     INT          NOT NULL REFERENCES catalogue_version (version),
    code        VARCHAR(40)  NOT NULL,
    provider    VARCHAR(20),
    kind        VARCHAR(20)  NOT NULL CHECK (kind IN ('SERVICE', 'APPEAL', 'ADDITIONAL')),
    definition  TEXT         NOT NULL,
    PRIMARY KEY (version, code)
);

-- The monthly calculation index (МРП / АЕК) as a dated parameter: a fee in МРП follows the
-- value in force on the payment date.
CREATE TABLE monthly_index (
    valid_from  DATE         PRIMARY KEY,
    tenge       INT          NOT NULL CHECK (tenge > 0),
    basis       VARCHAR(300) NOT NULL
);

-- R25: intake's own copy of the working calendar, kept from queue-service's public API
-- (HolidayMirror). The rows below are the seed for a start while queue is unreachable:
-- the same 2026 data as queue's migrations, replaced by queue's as soon as it answers.
CREATE TABLE holiday_calendar (
    day        DATE         PRIMARY KEY,
    kind       VARCHAR(12)  NOT NULL CHECK (kind IN ('HOLIDAY', 'DAY_OFF', 'WORKING_DAY')),
    name_kk    VARCHAR(200) NOT NULL,
    name_ru    VARCHAR(200) NOT NULL,
    source     VARCHAR(10)  NOT NULL CHECK (source IN ('SEED', 'QUEUE')),
    synced_at  TIMESTAMPTZ
);

INSERT INTO holiday_calendar (day, kind, name_kk, name_ru, source) VALUES
 ('2026-01-01', 'HOLIDAY', 'Жаңа жыл', 'Новый год', 'SEED'),
 ('2026-01-02', 'HOLIDAY', 'Жаңа жыл', 'Новый год', 'SEED'),
 ('2026-01-07', 'HOLIDAY', 'Православиелік Рождество', 'Православное Рождество', 'SEED'),
 ('2026-03-08', 'HOLIDAY', 'Халықаралық әйелдер күні', 'Международный женский день', 'SEED'),
 ('2026-03-09', 'DAY_OFF', 'Халықаралық әйелдер күні (ауыстырылған демалыс)', 'Международный женский день (перенесённый выходной)', 'SEED'),
 ('2026-03-21', 'HOLIDAY', 'Наурыз мейрамы', 'Наурыз мейрамы', 'SEED'),
 ('2026-03-22', 'HOLIDAY', 'Наурыз мейрамы', 'Наурыз мейрамы', 'SEED'),
 ('2026-03-23', 'HOLIDAY', 'Наурыз мейрамы', 'Наурыз мейрамы', 'SEED'),
 ('2026-03-24', 'DAY_OFF', 'Наурыз мейрамы (ауыстырылған демалыс)', 'Наурыз мейрамы (перенесённый выходной)', 'SEED'),
 ('2026-03-25', 'DAY_OFF', 'Наурыз мейрамы (ауыстырылған демалыс)', 'Наурыз мейрамы (перенесённый выходной)', 'SEED'),
 ('2026-05-01', 'HOLIDAY', 'Қазақстан халқының бірлігі мерекесі', 'Праздник единства народа Казахстана', 'SEED'),
 ('2026-05-07', 'HOLIDAY', 'Отан қорғаушы күні', 'День защитника Отечества', 'SEED'),
 ('2026-05-09', 'HOLIDAY', 'Жеңіс күні', 'День Победы', 'SEED'),
 ('2026-05-11', 'DAY_OFF', 'Жеңіс күні (ауыстырылған демалыс)', 'День Победы (перенесённый выходной)', 'SEED'),
 ('2026-05-27', 'HOLIDAY', 'Құрбан айт', 'Курбан айт', 'SEED'),
 ('2026-07-06', 'HOLIDAY', 'Астана күні', 'День столицы', 'SEED'),
 ('2026-08-30', 'HOLIDAY', 'Конституция күні', 'День Конституции', 'SEED'),
 ('2026-08-31', 'DAY_OFF', 'Конституция күні (ауыстырылған демалыс)', 'День Конституции (перенесённый выходной)', 'SEED'),
 ('2026-10-25', 'HOLIDAY', 'Республика күні', 'День Республики', 'SEED'),
 ('2026-10-26', 'DAY_OFF', 'Республика күні (ауыстырылған демалыс)', 'День Республики (перенесённый выходной)', 'SEED'),
 ('2026-12-16', 'HOLIDAY', 'Тәуелсіздік күні', 'День Независимости', 'SEED');

CREATE SEQUENCE receipt_number_seq;

-- An application and its outcome. The applicant's and representative's IINs are kept
-- encrypted (IinCipher) because intake hands them on to the provider; lookups go by the
-- pseudonym beside them (R23).
CREATE TABLE application (
    id                     UUID          PRIMARY KEY,
    receipt_number         VARCHAR(40)   NOT NULL UNIQUE,
    catalogue_version      INT           NOT NULL,
    service_code           VARCHAR(40)   NOT NULL,
    service_kind           VARCHAR(20)   NOT NULL,
    provider               VARCHAR(20)   NOT NULL,
    branch_code            VARCHAR(20)   NOT NULL,
    ticket_id              VARCHAR(64),
    outcome                VARCHAR(10)   NOT NULL CHECK (outcome IN ('ACCEPTED', 'REJECTED')),
    status                 VARCHAR(20)   NOT NULL,
    language               VARCHAR(2)    NOT NULL CHECK (language IN ('kk', 'ru')),
    applicant_iin          VARCHAR(200)  NOT NULL,
    applicant_pseudonym    VARCHAR(80)   NOT NULL,
    applicant_name         VARCHAR(200),
    applicant_phone        VARCHAR(20),
    applied_by             VARCHAR(25)   NOT NULL CHECK (applied_by IN ('SELF', 'LEGAL_REPRESENTATIVE', 'TRUSTEE')),
    representative_iin     VARCHAR(200),
    representative_pseudonym VARCHAR(80),
    representative_name    VARCHAR(200),
    representative_authority VARCHAR(300),
    poa_number             VARCHAR(60),
    poa_date               DATE,
    poa_notary             VARCHAR(200),
    poa_valid_until        DATE,
    identity_method        VARCHAR(20)   NOT NULL CHECK (identity_method IN ('ID_CARD', 'PASSPORT', 'DIGITAL_DOCUMENT', 'BIOMETRIC')),
    identity_reference     VARCHAR(100),
    addressee              VARCHAR(20),
    delivery               VARCHAR(12)   NOT NULL CHECK (delivery IN ('ELECTRONIC', 'PAPER')),
    result_kind            VARCHAR(30)   NOT NULL,
    retention_class        VARCHAR(20)   NOT NULL,
    fee_due                NUMERIC(12,2) NOT NULL,
    paid_amount            NUMERIC(12,2),
    payment_reference      VARCHAR(60),
    fee_shortfall          NUMERIC(12,2),
    accepted_documents     TEXT          NOT NULL,
    missing_documents      TEXT          NOT NULL,
    missing_fields         TEXT          NOT NULL,
    form_fields            TEXT          NOT NULL,
    data_sources           TEXT          NOT NULL,
    signature              TEXT          NOT NULL,
    signed_content_sha256  VARCHAR(64)   NOT NULL,
    operator_id            VARCHAR(100)  NOT NULL,
    operator_name          VARCHAR(200)  NOT NULL,
    received_at            TIMESTAMPTZ   NOT NULL,
    ready_date             DATE,
    consent_id             VARCHAR(64),
    forwarded_at           TIMESTAMPTZ,
    acknowledged_at        TIMESTAMPTZ,
    status_changed_at      TIMESTAMPTZ   NOT NULL,
    version                BIGINT        NOT NULL DEFAULT 0
);
CREATE INDEX application_branch ON application (branch_code, received_at);
CREATE INDEX application_provider ON application (provider, status);
CREATE INDEX application_applicant ON application (applicant_pseudonym, status);
