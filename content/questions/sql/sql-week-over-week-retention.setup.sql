CREATE TABLE user_weekly_activity(user_id BIGINT, week_start DATE, active_days INT, ds VARCHAR);
INSERT INTO user_weekly_activity VALUES
  (1, '2023-12-25', 2, '2023-12-25'),   -- before the range
  (1, '2024-01-01', 3, '2024-01-01'),
  (1, '2024-01-08', 1, '2024-01-08'),
  (1, '2024-01-15', 5, '2024-01-15'),
  (2, '2024-01-01', 2, '2024-01-01'),
  (2, '2024-01-22', 4, '2024-01-22'),   -- next ACTIVE week is three weeks later: not retained
  (3, '2024-01-01', 6, '2024-01-01'),
  (3, '2024-01-01', 6, '2024-01-01'),   -- duplicate left by a retried job
  (3, '2024-01-08', 2, '2024-01-08'),
  (5, '2024-03-11', 1, '2024-03-11'),
  (5, '2024-03-18', 2, '2024-03-18'),
  (4, '2024-03-18', 3, '2024-03-18'),
  (4, '2024-03-25', 1, '2024-03-25');   -- W+1 of the last cohort, outside the reported range
