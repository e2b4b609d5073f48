CREATE TABLE login_attempts(user_id BIGINT, attempt_ts TIMESTAMP, is_success BOOLEAN, ds VARCHAR);
INSERT INTO login_attempts VALUES
  (1, '2024-01-01 08:00:00', FALSE, '2024-01-01'),
  (1, '2024-01-01 08:01:00', FALSE, '2024-01-01'),
  (1, '2024-01-01 08:02:00', TRUE,  '2024-01-01'),   -- success: the count resets to 0
  (1, '2024-01-01 08:03:00', FALSE, '2024-01-01'),   -- a running count without reset says 3 here
  (1, '2024-01-01 08:04:00', FALSE, '2024-01-01'),
  (1, '2024-01-01 08:05:00', FALSE, '2024-01-01'),
  (2, '2024-01-01 09:00:00', FALSE, '2024-01-01'),
  (2, '2024-01-01 09:01:00', FALSE, '2024-01-01'),
  (2, '2024-01-01 09:02:00', FALSE, '2024-01-01'),   -- never succeeds: 1, 2, 3
  (3, '2024-01-01 10:00:00', TRUE,  '2024-01-01'),
  (3, '2024-01-01 10:01:00', TRUE,  '2024-01-01'),
  (3, '2024-01-01 10:02:00', FALSE, '2024-01-01'),
  (4, '2023-12-31 23:59:00', FALSE, '2023-12-31'),   -- previous day: the count starts fresh each day
  (4, '2024-01-01 00:01:00', FALSE, '2024-01-01'),
  (5, '2024-01-01 11:00:00', FALSE, '2024-01-01'),
  (5, '2024-01-01 11:01:00', NULL,  '2024-01-01'),   -- timed out: a failure, but NOT is_success is NULL
  (5, '2024-01-01 11:02:00', FALSE, '2024-01-01');
