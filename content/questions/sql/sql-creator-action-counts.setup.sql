CREATE TABLE creator_actions(creator_id BIGINT, viewer_id BIGINT, action VARCHAR, action_ts TIMESTAMP, ds VARCHAR);
-- Creator 1 is the viral account: 90 of the day's 100 rows, from only 9 viewers who act again and again.
INSERT INTO creator_actions
  SELECT 1, 100 + i % 9, CASE WHEN i % 3 = 0 THEN 'like' WHEN i % 3 = 1 THEN 'comment' ELSE 'share' END,
         TIMESTAMP '2024-01-01 00:00:00' + i * INTERVAL 7 MINUTE, '2024-01-01'
  FROM range(90) t(i);
INSERT INTO creator_actions VALUES
  (2, 200, 'like', '2024-01-01 08:00:00', '2024-01-01'),
  (2, 200, 'like', '2024-01-01 08:05:00', '2024-01-01'),
  (2, 201, 'like', '2024-01-01 09:00:00', '2024-01-01'),
  (2, 202, 'comment', '2024-01-01 10:00:00', '2024-01-01'),
  (2, 202, 'share', '2024-01-01 10:01:00', '2024-01-01'),
  (3, 300, 'like', '2024-01-01 11:00:00', '2024-01-01'),
  (3, 301, 'like', '2024-01-01 11:30:00', '2024-01-01'),
  (3, 301, 'comment', '2024-01-01 12:00:00', '2024-01-01'),
  (3, 302, 'share', '2024-01-01 13:00:00', '2024-01-01'),
  (3, 303, 'share', '2024-01-01 14:00:00', '2024-01-01'),
  (2, 203, 'like', '2024-01-02 08:00:00', '2024-01-02'),   -- next day
  (1, 999, 'like', '2023-12-31 23:59:00', '2023-12-31');   -- previous day
