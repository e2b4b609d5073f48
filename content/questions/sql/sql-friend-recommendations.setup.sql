CREATE TABLE friendships(user_a BIGINT, user_b BIGINT, since_date DATE, ds VARCHAR);   -- daily snapshot; one row per friendship, user_a < user_b
CREATE TABLE blocks(blocker_id BIGINT, blocked_id BIGINT);
CREATE TABLE pymk_targets(user_id BIGINT);
INSERT INTO pymk_targets VALUES (1), (7);
INSERT INTO friendships
  SELECT a, b, CAST(since AS DATE), '2024-01-07'
  FROM (VALUES
    (1, 2, '2020-01-01'), (1, 3, '2020-01-01'), (1, 4, '2020-01-01'),   -- user 1's friends
    (2, 5, '2021-01-01'), (3, 5, '2021-01-01'), (4, 5, '2021-01-01'),   -- 5: three mutual friends with user 1
    (2, 6, '2021-01-01'), (3, 6, '2021-01-01'),                         -- 6: two
    (3, 9, '2021-01-01'), (4, 9, '2021-01-01'),                         -- 9: two, tied with 6 for rank 2
    (4, 8, '2021-01-01'),                                               -- 8: one
    (2, 11, '2021-01-01'), (3, 11, '2021-01-01'), (4, 11, '2021-01-01'),-- 11: three, but 11 blocked user 1
    (2, 3, '2022-01-01'), (2, 4, '2022-01-01'),                         -- 2 is already user 1's friend, with two mutual friends
    (3, 7, '2022-06-01'), (5, 7, '2022-06-01'),                         -- user 7 is the larger id here: one-direction edges miss them
    (7, 12, '2022-06-01')
  ) AS t(a, b, since);
-- The previous day's snapshot repeats part of the graph: without the ds filter every path through these edges
-- is counted twice (and 8 ties with 6 and 9).
INSERT INTO friendships VALUES
  (1, 4, '2020-01-01', '2024-01-06'),
  (4, 8, '2021-01-01', '2024-01-06'),
  (3, 6, '2021-01-01', '2024-01-06');
INSERT INTO blocks VALUES (11, 1);                                     -- the candidate blocked the target, not the other way round
