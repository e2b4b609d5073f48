CREATE TABLE app_opens(user_id BIGINT, device_type VARCHAR, open_ts TIMESTAMP, ds VARCHAR);
INSERT INTO app_opens VALUES
  (1, 'ios',     '2024-01-03 08:00:00', '2024-01-03'),   -- first, but MIN(device_type) is 'android'
  (1, 'web',     '2024-01-10 09:00:00', '2024-01-10'),   -- MAX(device_type) is 'web', not the last one
  (1, 'android', '2024-01-20 10:00:00', '2024-01-20'),   -- last
  (2, 'web',     '2024-01-05 11:00:00', '2024-01-05'),   -- only known device: first and last
  (2, NULL,      '2024-01-25 12:00:00', '2024-01-25'),   -- unknown device on the newest open: must be ignored
  (3, 'android', '2023-12-31 23:00:00', '2023-12-31'),   -- before January
  (3, 'web',     '2024-01-02 07:00:00', '2024-01-02'),
  (3, 'ios',     '2024-01-15 07:30:00', '2024-01-15'),
  (3, 'android', '2024-02-01 06:00:00', '2024-02-01'),   -- after January
  (4, 'ios',     '2024-01-31 23:59:00', '2024-01-31');   -- last minute of the month still counts
