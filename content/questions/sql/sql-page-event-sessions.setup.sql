CREATE TABLE page_events(user_id BIGINT, page_id BIGINT, event_ts TIMESTAMP, ds VARCHAR);
INSERT INTO page_events VALUES
  (1, 10, '2024-01-01 09:00:00', '2024-01-01'),
  (1, 11, '2024-01-01 09:10:00', '2024-01-01'),
  (1, 12, '2024-01-01 09:40:00', '2024-01-01'),  -- exactly 30 min: same session
  (1, 13, '2024-01-01 10:11:00', '2024-01-01'),  -- 31 min: new session
  (1, 14, '2024-01-01 10:20:00', '2024-01-01'),
  (1, 15, '2024-01-02 00:10:00', '2024-01-02'),  -- next day's partition
  (2, 20, '2024-01-01 08:00:00', '2024-01-01'),
  (2, 21, '2024-01-01 08:30:50', '2024-01-01'),  -- 30 min 50 s: new session, but reads as 30 in minutes
  (2, 22, '2024-01-01 08:45:00', '2024-01-01'),
  (2, 23, '2024-01-01 08:45:00', '2024-01-01'),  -- two pages at the same instant
  (3, 30, '2023-12-31 23:50:00', '2023-12-31'),  -- previous day's partition
  (3, 31, '2024-01-01 00:05:00', '2024-01-01'),
  (4, 40, '2024-01-01 12:00:00', '2024-01-01');  -- a single event: still session 1
