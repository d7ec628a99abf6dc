-- Service categories (what a ticket is for), which branch serves which, and the windows.

-- R11: SELF_SERVICE is the self-service sector; R12: REMOTE_VIDEO is the video-call queue.
CREATE TABLE service_category (
    code             VARCHAR(20)  PRIMARY KEY,
    letter           VARCHAR(2)   NOT NULL UNIQUE,
    name_kk          VARCHAR(200) NOT NULL,
    name_ru          VARCHAR(200) NOT NULL,
    kind             VARCHAR(14)  NOT NULL
        CHECK (kind IN ('INTAKE', 'ISSUANCE', 'CONSULTATION', 'SELF_SERVICE', 'REMOTE_VIDEO')),
    expected_minutes INT          NOT NULL CHECK (expected_minutes BETWEEN 1 AND 240)
);

INSERT INTO service_category (code, letter, name_kk, name_ru, kind, expected_minutes) VALUES
 ('INTAKE',   'A', 'Құжаттарды қабылдау',                     'Приём документов',                  'INTAKE',        15),
 ('ISSUANCE', 'B', 'Дайын құжаттарды беру',                   'Выдача готовых документов',         'ISSUANCE',       5),
 ('CONSULT',  'C', 'Кеңес беру',                              'Консультация',                      'CONSULTATION',  10),
 ('SELF',     'S', 'Өзіне-өзі қызмет көрсету секторы',        'Сектор самообслуживания',           'SELF_SERVICE',  10),
 ('VIDEO',    'V', 'Бейнеқоңырау арқылы қызмет көрсету',      'Обслуживание по видеосвязи',        'REMOTE_VIDEO',  20);

CREATE TABLE branch_category (
    branch_code   VARCHAR(20) NOT NULL REFERENCES branch (code),
    category_code VARCHAR(20) NOT NULL REFERENCES service_category (code),
    PRIMARY KEY (branch_code, category_code)
);

INSERT INTO branch_category (branch_code, category_code) VALUES
 ('ALM-01', 'INTAKE'), ('ALM-01', 'ISSUANCE'), ('ALM-01', 'CONSULT'), ('ALM-01', 'SELF'),
 ('AST-01', 'INTAKE'), ('AST-01', 'ISSUANCE'), ('AST-01', 'CONSULT'), ('AST-01', 'SELF'), ('AST-01', 'VIDEO'),
 ('SHY-01', 'INTAKE'), ('SHY-01', 'ISSUANCE'), ('SHY-01', 'CONSULT');

-- A workplace. The operator columns are the R6 nameplate: filled while someone is signed in.
-- priority_streak counts priority calls in a row at this window for the starvation bound (R12).
CREATE TABLE service_window (
    id                BIGSERIAL    PRIMARY KEY,
    branch_code       VARCHAR(20)  NOT NULL REFERENCES branch (code),
    number            INT          NOT NULL CHECK (number BETWEEN 1 AND 999),
    operator_id       VARCHAR(200),
    operator_name     VARCHAR(200),
    operator_position VARCHAR(200),
    signed_in_at      TIMESTAMPTZ,
    priority_streak   INT          NOT NULL DEFAULT 0,
    UNIQUE (branch_code, number)
);
-- One person at one window at a time.
CREATE UNIQUE INDEX service_window_one_per_operator ON service_window (operator_id) WHERE operator_id IS NOT NULL;

CREATE TABLE window_category (
    window_id     BIGINT      NOT NULL REFERENCES service_window (id) ON DELETE CASCADE,
    category_code VARCHAR(20) NOT NULL REFERENCES service_category (code),
    PRIMARY KEY (window_id, category_code)
);

INSERT INTO service_window (branch_code, number) VALUES
 ('ALM-01', 1), ('ALM-01', 2), ('ALM-01', 3), ('ALM-01', 4),
 ('AST-01', 1), ('AST-01', 2), ('AST-01', 3), ('AST-01', 10),
 ('SHY-01', 1), ('SHY-01', 2);

INSERT INTO window_category (window_id, category_code)
SELECT w.id, c.code FROM service_window w JOIN (VALUES
   ('ALM-01', 1, 'INTAKE'), ('ALM-01', 1, 'CONSULT'), ('ALM-01', 2, 'INTAKE'), ('ALM-01', 2, 'CONSULT'),
   ('ALM-01', 3, 'ISSUANCE'), ('ALM-01', 4, 'SELF'),
   ('AST-01', 1, 'INTAKE'), ('AST-01', 1, 'CONSULT'), ('AST-01', 2, 'INTAKE'), ('AST-01', 2, 'ISSUANCE'),
   ('AST-01', 3, 'SELF'), ('AST-01', 10, 'VIDEO'),
   ('SHY-01', 1, 'INTAKE'), ('SHY-01', 1, 'CONSULT'), ('SHY-01', 2, 'ISSUANCE')
 ) AS s (branch_code, number, code) ON s.branch_code = w.branch_code AND s.number = w.number
 JOIN service_category c ON c.code = s.code;
