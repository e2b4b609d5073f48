CREATE TABLE users(user_id BIGINT, signup_ts TIMESTAMP, country_code VARCHAR, ds VARCHAR);
CREATE TABLE purchases(purchase_id BIGINT, user_id BIGINT, amount_usd DECIMAL(12,2), purchase_ts TIMESTAMP, ds VARCHAR);
INSERT INTO users VALUES
  (1, '2024-01-01 10:00:00', 'US', '2024-01-01'),
  (2, '2024-01-03 09:00:00', 'US', '2024-01-03'),
  (3, '2024-01-07 23:00:00', 'US', '2024-01-07'),
  (4, '2024-01-02 12:00:00', NULL, '2024-01-02'),
  (5, '2024-01-04 08:00:00', NULL, '2024-01-04'),
  (6, '2024-01-06 15:00:00', 'IN', '2024-01-06'),
  (7, '2023-12-31 20:00:00', 'IN', '2023-12-31');   -- outside the cohort
INSERT INTO purchases VALUES
  (10, 1, 20.00, '2024-01-02 10:00:00', '2024-01-02'),
  (11, 1, 10.00, '2024-01-05 18:00:00', '2024-01-05'),   -- a second purchase: one converter, not two
  (12, 3, 50.00, '2024-01-14 22:00:00', '2024-01-14'),   -- inside 7 days, in the last partition needed
  (13, 3, 99.00, '2024-01-15 00:00:00', '2024-01-15'),   -- 7 days and 1 hour: outside
  (14, 4, 15.00, '2024-01-12 12:00:00', '2024-01-12'),   -- 10 days: outside
  (15, 5, 5.00, '2024-01-05 09:00:00', '2024-01-05'),
  (16, 7, 80.00, '2024-01-01 09:00:00', '2024-01-01');
