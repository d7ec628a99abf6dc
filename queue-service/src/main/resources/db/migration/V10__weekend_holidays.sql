-- A holiday is a day off on its own date too, even on a Saturday or a Sunday (Law "On
-- holidays", art. 5): a duty branch that opens on Saturdays stays closed on Nauryz and
-- Victory Day 2026. The moved days off (9 Mar, 24-25 Mar, 11 May, 31 Aug, 26 Oct) are
-- already listed; these are the holidays' own dates that fell on a weekend.
INSERT INTO calendar_day (day, kind, name_kk, name_ru) VALUES
 ('2026-03-08', 'HOLIDAY', 'Халықаралық әйелдер күні', 'Международный женский день'),
 ('2026-03-21', 'HOLIDAY', 'Наурыз мейрамы', 'Наурыз мейрамы'),
 ('2026-03-22', 'HOLIDAY', 'Наурыз мейрамы', 'Наурыз мейрамы'),
 ('2026-05-09', 'HOLIDAY', 'Жеңіс күні', 'День Победы'),
 ('2026-08-30', 'HOLIDAY', 'Конституция күні', 'День Конституции'),
 ('2026-10-25', 'HOLIDAY', 'Республика күні', 'День Республики')
ON CONFLICT (day) DO NOTHING;
