-- R4/R5: the service catalogue, loaded from versioned data. Fees are in МРП (monthly
-- calculation index) where the act sets them so, never hard-coded per service in code.
CREATE TABLE catalogue_service (
    code             VARCHAR(40)  PRIMARY KEY,
    name_kk          VARCHAR(300) NOT NULL,
    name_ru          VARCHAR(300) NOT NULL,
    provider         VARCHAR(200) NOT NULL,
    term_working_days INT,
    term_minutes     INT,
    fee_mrp          NUMERIC(8, 3) NOT NULL DEFAULT 0,
    delivery_mode    VARCHAR(20)  NOT NULL CHECK (delivery_mode IN ('ELECTRONIC', 'PAPER')),
    result_kind      VARCHAR(30)  NOT NULL,
    additional       BOOLEAN      NOT NULL DEFAULT FALSE,
    version          BIGINT       NOT NULL DEFAULT 0
);

INSERT INTO catalogue_service (code, name_kk, name_ru, provider, term_working_days, term_minutes, fee_mrp, delivery_mode, result_kind) VALUES
 ('ID_CARD', 'Жеке куәлік беру', 'Выдача удостоверения личности', 'Министерство внутренних дел', 15, NULL, 0.2, 'PAPER', 'IDENTITY_CARD'),
 ('PASSPORT', 'Қазақстан Республикасы азаматының паспортын беру', 'Выдача паспорта гражданина Республики Казахстан', 'Министерство внутренних дел', 15, NULL, 8, 'PAPER', 'PASSPORT'),
 ('CRIMINAL_RECORD', 'Сотталғандығы туралы анықтама беру', 'Выдача справки о наличии либо отсутствии судимости', 'Комитет по правовой статистике и специальным учётам', NULL, 10, 0, 'ELECTRONIC', 'CERTIFICATE'),
 ('AGE_PENSION', 'Жасына байланысты зейнетақы тағайындау', 'Назначение пенсионных выплат по возрасту', 'Министерство труда и социальной защиты населения', 10, NULL, 0, 'ELECTRONIC', 'PENSION_DECISION'),
 ('CHILDBIRTH_ALLOWANCE', 'Бала тууына байланысты біржолғы жәрдемақы тағайындау', 'Назначение единовременного пособия на рождение ребёнка', 'Министерство труда и социальной защиты населения', 7, NULL, 0, 'ELECTRONIC', 'BENEFIT_DECISION');

CREATE TABLE application (
    id            UUID         PRIMARY KEY,
    service_code  VARCHAR(40)  NOT NULL REFERENCES catalogue_service (code),
    branch_code   VARCHAR(20)  NOT NULL,
    status        VARCHAR(20)  NOT NULL,
    accepted_at   TIMESTAMPTZ  NOT NULL,
    ready_on      DATE
);
CREATE INDEX application_branch ON application (branch_code, accepted_at);
