CREATE TABLE users(user_id BIGINT, signup_ts TIMESTAMP, country_code VARCHAR, ds VARCHAR);
CREATE TABLE daily_active(user_id BIGINT, ds VARCHAR);
INSERT INTO users VALUES
  (1, '2024-01-05 09:00:00', 'US', '2024-01-05'),
  (2, '2024-01-20 10:00:00', 'US', '2024-01-20'),
  (3, '2024-01-31 23:00:00', 'IN', '2024-01-31'),   -- signs up on the last day of January
  (4, '2024-02-10 11:00:00', 'IN', '2024-02-10'),
  (5, '2024-02-15 12:00:00', 'BR', '2024-02-15'),   -- never active: still in the cohort's denominator
  (6, '2024-03-01 13:00:00', 'BR', '2024-03-01'),
  (7, '2023-12-20 14:00:00', 'US', '2023-12-20');   -- December cohort: outside the report
INSERT INTO daily_active VALUES
  (1, '2024-01-05'),
  (1, '2024-01-06'),   -- two active days in one month: one user
  (1, '2024-02-03'),
  (2, '2024-01-20'),
  (2, '2024-03-02'),   -- skips February, back in month 2
  (3, '2024-02-01'),   -- one day after signup, but the next calendar month: month 1 (days / 30 says 0)
  (4, '2024-02-10'),
  -- nobody of the February cohort is active in March: that cell is 0, not missing
  (6, '2024-03-01'),
  (7, '2024-01-10'),
  (7, '2024-02-10');
