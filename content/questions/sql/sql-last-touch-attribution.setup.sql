CREATE TABLE ad_clicks(click_id BIGINT, user_id BIGINT, campaign VARCHAR, click_ts TIMESTAMP, ds VARCHAR);
CREATE TABLE purchases(purchase_id BIGINT, user_id BIGINT, amount_usd DECIMAL(12,2), purchase_ts TIMESTAMP, ds VARCHAR);
INSERT INTO purchases VALUES
  (1, 1, 100.00, '2024-01-08 12:00:00', '2024-01-08'),
  (2, 2, 50.00,  '2024-01-08 09:00:00', '2024-01-08'),
  (3, 3, 30.00,  '2024-01-08 20:00:00', '2024-01-08'),
  (4, 1, 20.00,  '2024-01-08 14:00:00', '2024-01-08'),   -- user 1's second purchase: its own last click
  (5, 4, 40.00,  '2024-01-08 10:00:00', '2024-01-08'),
  (6, 5, 999.00, '2024-01-07 10:00:00', '2024-01-07');   -- previous day's purchase: not in the report
INSERT INTO ad_clicks VALUES
  (10, 1, 'A', '2024-01-05 10:00:00', '2024-01-05'),   -- user 1's first click: first-touch would credit A
  (11, 1, 'B', '2024-01-07 09:00:00', '2024-01-07'),   -- last click before purchase 1
  (12, 1, 'C', '2024-01-08 13:00:00', '2024-01-08'),   -- after purchase 1 (must not count), before purchase 4 (last click)
  (20, 2, 'A', '2024-01-01 08:00:00', '2024-01-01'),   -- 7 days and 1 hour before purchase 2: too old, so organic
  (30, 3, 'C', '2024-01-02 21:00:00', '2024-01-02'),   -- 5 days 23 hours before purchase 3: counts, but only if 01-02 is read
  (40, 4, 'A', '2024-01-08 09:00:00', '2024-01-08'),
  (41, 4, 'B', '2024-01-08 09:00:00', '2024-01-08'),   -- same second as click 40: the higher click_id wins
  (50, 5, 'A', '2024-01-06 10:00:00', '2024-01-06');
