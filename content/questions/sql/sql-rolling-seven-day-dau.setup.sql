CREATE TABLE daily_active(user_id BIGINT, platform VARCHAR, ds VARCHAR);
-- 2023-12-26 .. 2024-01-31 without 2024-01-10 (the outage). Day n has users 1 .. 2 + n % 5; user 1 is on iOS
-- and web every day, so COUNT(*) over-counts by one.
INSERT INTO daily_active
  SELECT u.user_id, 'ios', strftime(d.day, '%Y-%m-%d')
  FROM (SELECT DATE '2023-12-26' + CAST(i AS INTEGER) AS day, i FROM range(37) t(i)) d,
       LATERAL (SELECT CAST(1 + j AS BIGINT) AS user_id FROM range(2 + d.i % 5) r(j)) u
  WHERE d.day <> DATE '2024-01-10';
INSERT INTO daily_active SELECT 1, 'web', ds FROM daily_active WHERE user_id = 1;
