CREATE TABLE posts(post_id BIGINT, author_id BIGINT, author_country VARCHAR, created_ts TIMESTAMP, ds VARCHAR);
CREATE TABLE post_reactions(post_id BIGINT, reactor_id BIGINT, reaction_type VARCHAR, reaction_ts TIMESTAMP, ds VARCHAR);
INSERT INTO posts VALUES
  (1, 11, 'US', '2024-01-01 06:00:00', '2024-01-01'),
  (2, 12, 'US', '2023-12-20 10:00:00', '2023-12-20'),   -- an old post still collecting reactions
  (3, 13, 'US', '2024-01-01 07:00:00', '2024-01-01'),
  (4, 14, 'US', '2024-01-01 08:00:00', '2024-01-01'),
  (5, 15, 'IN', '2024-01-01 09:00:00', '2024-01-01'),
  (6, 16, 'IN', '2024-01-01 09:30:00', '2024-01-01'),
  (7, 17, NULL, '2024-01-01 10:00:00', '2024-01-01');
-- Reactions on 2024-01-01: post 1 x5, 2 x4, 3 x3, 4 x1, 5 x2, 6 x1, 7 x2 (no ties at any cut).
INSERT INTO post_reactions
  SELECT post_id, 1000 + i, 'like', TIMESTAMP '2024-01-01 12:00:00' + i * INTERVAL 1 MINUTE, '2024-01-01'
  FROM (VALUES (1, 5), (2, 4), (3, 3), (4, 1), (5, 2), (6, 1), (7, 2)) v(post_id, n), range(n) r(i);
-- Post 4 goes viral the next day: a missing reaction ds filter puts it in the US top 3.
INSERT INTO post_reactions
  SELECT 4, 2000 + i, 'love', TIMESTAMP '2024-01-02 09:00:00' + i * INTERVAL 1 MINUTE, '2024-01-02' FROM range(6) r(i);
