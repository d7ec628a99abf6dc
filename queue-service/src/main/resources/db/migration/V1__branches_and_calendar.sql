-- R3: branches with their schedule kind and mode (R6), and the working calendar as data.
CREATE TABLE branch (
    code          VARCHAR(20)  PRIMARY KEY,
    name_kk       VARCHAR(200) NOT NULL,
    name_ru       VARCHAR(200) NOT NULL,
    region        VARCHAR(100) NOT NULL,
    time_zone     VARCHAR(50)  NOT NULL DEFAULT 'Asia/Almaty',
    schedule_kind VARCHAR(10)  NOT NULL CHECK (schedule_kind IN ('REGULAR', 'DUTY')),
    mode          VARCHAR(12)  NOT NULL DEFAULT 'ELECTRONIC' CHECK (mode IN ('ELECTRONIC', 'LIVE')),
    version       BIGINT       NOT NULL DEFAULT 0
);

-- Kazakhstan is UTC+5 everywhere since 1 March 2024; 'Asia/Almaty' follows that in current tzdata,
-- but the zone stays per branch so a future change is data, not code.
INSERT INTO branch (code, name_kk, name_ru, region, time_zone, schedule_kind) VALUES
 ('ALM-01', 'Алматы қ. Алмалы ауданының ХҚКО', 'ЦОН Алмалинского района г. Алматы', 'Алматы', 'Asia/Almaty', 'REGULAR'),
 ('AST-01', 'Астана қ. Есіл ауданының ХҚКО (кезекші)', 'ЦОН района Есиль г. Астаны (дежурный)', 'Астана', 'Asia/Almaty', 'DUTY'),
 ('SHY-01', 'Шымкент қ. Әл-Фараби ауданының ХҚКО', 'ЦОН района Аль-Фараби г. Шымкента', 'Шымкент', 'Asia/Almaty', 'REGULAR');

-- Days off and transferred working days (Labour Code art. 84-85); editable without a release.
CREATE TABLE calendar_day (
    day      DATE         PRIMARY KEY,
    kind     VARCHAR(12)  NOT NULL CHECK (kind IN ('HOLIDAY', 'DAY_OFF', 'WORKING_DAY')),
    name_kk  VARCHAR(200) NOT NULL,
    name_ru  VARCHAR(200) NOT NULL
);

INSERT INTO calendar_day (day, kind, name_kk, name_ru) VALUES
 ('2026-01-01', 'HOLIDAY', 'Жаңа жыл', 'Новый год'),
 ('2026-01-02', 'HOLIDAY', 'Жаңа жыл', 'Новый год'),
 ('2026-01-07', 'HOLIDAY', 'Православиелік Рождество', 'Православное Рождество'),
 ('2026-03-09', 'DAY_OFF', 'Халықаралық әйелдер күні (ауыстырылған демалыс)', 'Международный женский день (перенесённый выходной)'),
 ('2026-03-23', 'HOLIDAY', 'Наурыз мейрамы', 'Наурыз мейрамы'),
 ('2026-03-24', 'DAY_OFF', 'Наурыз мейрамы (ауыстырылған демалыс)', 'Наурыз мейрамы (перенесённый выходной)'),
 ('2026-03-25', 'DAY_OFF', 'Наурыз мейрамы (ауыстырылған демалыс)', 'Наурыз мейрамы (перенесённый выходной)'),
 ('2026-05-01', 'HOLIDAY', 'Қазақстан халқының бірлігі мерекесі', 'Праздник единства народа Казахстана'),
 ('2026-05-07', 'HOLIDAY', 'Отан қорғаушы күні', 'День защитника Отечества'),
 ('2026-05-11', 'DAY_OFF', 'Жеңіс күні (ауыстырылған демалыс)', 'День Победы (перенесённый выходной)'),
 ('2026-05-27', 'HOLIDAY', 'Құрбан айт', 'Курбан айт'),
 ('2026-07-06', 'HOLIDAY', 'Астана күні', 'День столицы'),
 ('2026-08-31', 'DAY_OFF', 'Конституция күні (ауыстырылған демалыс)', 'День Конституции (перенесённый выходной)'),
 ('2026-10-26', 'DAY_OFF', 'Республика күні (ауыстырылған демалыс)', 'День Республики (перенесённый выходной)'),
 ('2026-12-16', 'HOLIDAY', 'Тәуелсіздік күні', 'День Независимости');
