CREATE TABLE calls(call_id BIGINT, user_id BIGINT, start_ts TIMESTAMP, end_ts TIMESTAMP, ds VARCHAR);
INSERT INTO calls VALUES
  (1, 1, '2024-01-01 10:00:00', '2024-01-01 11:00:00', '2024-01-01'),
  (2, 1, '2024-01-01 10:15:00', '2024-01-01 10:30:00', '2024-01-01'),   -- inside call 1
  (3, 1, '2024-01-01 10:45:00', '2024-01-01 11:30:00', '2024-01-01'),   -- starts after call 2 ends but inside call 1: LAG(end_ts) splits here
  (4, 1, '2024-01-01 12:00:00', '2024-01-01 12:10:00', '2024-01-01'),   -- separate: user 1 is busy 90 + 10 minutes
  (5, 2, '2024-01-01 09:00:00', '2024-01-01 09:30:00', '2024-01-01'),
  (6, 2, '2024-01-01 09:30:00', '2024-01-01 09:45:00', '2024-01-01'),   -- touches the previous call: 45 minutes either way
  (7, 3, '2024-01-01 15:00:00', '2024-01-01 15:05:00', '2024-01-01'),
  (8, 4, '2024-01-01 23:50:00', '2024-01-02 00:20:00', '2024-01-01'),   -- crosses midnight: counted in full (30 minutes)
  (9, 4, '2024-01-02 00:10:00', '2024-01-02 00:40:00', '2024-01-02');   -- started on 01-02: without the ds filter it extends user 4 to 50
