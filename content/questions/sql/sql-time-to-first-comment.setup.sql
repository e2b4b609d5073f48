CREATE TABLE posts(post_id BIGINT, author_id BIGINT, created_ts TIMESTAMP, ds VARCHAR);
CREATE TABLE comments(comment_id BIGINT, post_id BIGINT, commenter_id BIGINT, created_ts TIMESTAMP, ds VARCHAR);
INSERT INTO posts VALUES
  (1, 1, '2024-01-01 10:00:00', '2024-01-01'),
  (2, 2, '2024-01-01 23:00:00', '2024-01-01'),
  (3, 3, '2024-01-01 12:00:00', '2024-01-01'),
  (4, 4, '2024-01-01 08:00:00', '2024-01-01'),
  (5, 5, '2024-01-01 09:00:00', '2024-01-01'),
  (6, 6, '2024-01-02 09:00:00', '2024-01-02');   -- created the next day
INSERT INTO comments VALUES
  (10, 1, 1, '2024-01-01 10:05:00', '2024-01-01'),   -- the author replying to themselves
  (11, 1, 2, '2024-01-01 10:30:00', '2024-01-01'),   -- 30 min
  (12, 2, 3, '2024-01-03 22:00:00', '2024-01-03'),   -- 47 h, in the third partition
  (13, 3, 4, '2024-01-03 13:00:00', '2024-01-03'),   -- 49 h: too late
  (14, 5, 6, '2024-01-01 09:10:00', '2024-01-01'),   -- 10 min
  (15, 5, 7, '2024-01-01 09:20:00', '2024-01-01'),
  (16, 6, 1, '2024-01-02 09:01:00', '2024-01-02');
