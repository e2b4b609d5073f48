CREATE TABLE user_profile_updates(user_id BIGINT, email VARCHAR, country VARCHAR, updated_ts TIMESTAMP, log_seq BIGINT, ds VARCHAR);
INSERT INTO user_profile_updates VALUES
  (1, 'zed@old.example', 'US', '2024-01-01 09:00:00', 101, '2024-01-01'),
  (1, 'amy@new.example', 'CA', '2024-01-02 10:00:00', 205, '2024-01-02'),  -- latest email sorts first: MAX(email) picks the old one
  (2, 'bo@a.example',    'IN', '2024-01-01 12:00:00', 110, '2024-01-01'),
  (2, 'bo@b.example',    'IN', '2024-01-03 08:00:00', 301, '2024-01-03'),  -- same updated_ts as the next row: log_seq decides
  (2, 'bo@c.example',    'GB', '2024-01-03 08:00:00', 302, '2024-01-03'),  -- the winner; a join back on MAX(updated_ts) returns both
  (3, 'cy@a.example',    'BR', '2024-01-02 07:00:00', 210, '2024-01-02'),
  (3, 'cy@late.example', 'BR', '2024-01-04 06:00:00', 401, '2024-01-04'),  -- after the as-of date: a missing ds bound picks it
  (4, 'di@a.example',    'DE', '2024-01-01 15:00:00', 120, '2024-01-01'),  -- one version only
  (5, 'ed@a.example',    'FR', '2024-01-02 11:00:00', 220, '2024-01-02'),
  (5, 'ed@a.example',    'FR', '2024-01-02 11:00:00', 220, '2024-01-02');  -- identical row from a retried write: still one output row
