CREATE TABLE users(user_id BIGINT, signup_ts TIMESTAMP, country_code VARCHAR, ds VARCHAR);
INSERT INTO users VALUES
  (1,  '2023-12-31 22:00:00', 'US', '2023-12-31'),   -- before the week
  (2,  '2024-01-01 08:00:00', 'US', '2024-01-01'),
  (3,  '2024-01-01 09:00:00', 'US', '2024-01-01'),
  (4,  '2024-01-02 10:00:00', 'IN', '2024-01-02'),
  (5,  '2024-01-03 11:00:00', 'US', '2024-01-03'),
  (6,  '2024-01-04 12:00:00', 'BR', '2024-01-04'),   -- BR's only signup: six zero days for BR
  (7,  '2024-01-05 13:00:00', 'IN', '2024-01-05'),
  (8,  '2024-01-05 14:00:00', 'IN', '2024-01-05'),
  -- nobody signed up on 2024-01-06: a calendar built from the data has no such day
  (9,  '2024-01-07 15:00:00', 'US', '2024-01-07'),
  (10, '2024-01-08 16:00:00', 'IN', '2024-01-08'),   -- after the week
  (11, '2024-01-08 17:00:00', 'FR', '2024-01-08');   -- FR has no signup in the week: not one of its countries
