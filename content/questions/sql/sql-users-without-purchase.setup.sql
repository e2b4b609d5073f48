CREATE TABLE users(user_id BIGINT, signup_ts TIMESTAMP, country_code VARCHAR, ds VARCHAR);
CREATE TABLE purchases(purchase_id BIGINT, user_id BIGINT, amount_usd DECIMAL(12,2), purchase_ts TIMESTAMP, ds VARCHAR);
INSERT INTO users VALUES
  (1, '2024-01-01 08:00:00', 'US', '2024-01-01'),
  (2, '2024-01-02 09:00:00', 'US', '2024-01-02'),
  (3, '2024-01-03 10:00:00', 'IN', '2024-01-03'),
  (4, '2024-01-04 11:00:00', 'IN', '2024-01-04'),
  (5, '2024-01-07 23:30:00', 'BR', '2024-01-07'),
  (6, '2024-01-05 12:00:00', 'BR', '2024-01-05'),
  (7, '2024-01-09 13:00:00', 'US', '2024-01-09');   -- signed up after the first week: not in the cohort
INSERT INTO purchases VALUES
  (100, 1,    19.99, '2024-01-03 10:00:00', '2024-01-03'),
  (101, 2,    5.00,  '2024-02-02 10:00:00', '2024-02-02'),   -- February: user 2 still made no January purchase
  (102, 4,    7.50,  '2024-01-05 10:00:00', '2024-01-05'),
  (103, 4,    7.50,  '2024-01-06 10:00:00', '2024-01-06'),   -- a second purchase: no effect on an anti-join
  (104, NULL, 12.00, '2024-01-06 14:00:00', '2024-01-06'),   -- guest checkout: NOT IN over this column returns nothing
  (105, 6,    3.00,  '2024-01-31 23:00:00', '2024-01-31');   -- last evening of the month: counts as a purchase
