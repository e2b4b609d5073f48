CREATE TABLE users(user_id BIGINT, country_code VARCHAR, signup_date DATE);
CREATE TABLE comments(comment_id BIGINT, user_id BIGINT, post_id BIGINT, created_ts TIMESTAMP, ds VARCHAR);
INSERT INTO users VALUES
  (1, 'US', '2023-05-01'), (2, 'US', '2023-06-01'), (3, 'IN', '2023-07-01'),
  (4, 'IN', '2023-08-01'), (5, 'BR', '2023-09-01'), (6, 'BR', '2023-10-01');
INSERT INTO comments VALUES
  (100, 1, 900, '2024-01-01 08:00:00', '2024-01-01'),
  (101, 1, 901, '2024-01-03 09:00:00', '2024-01-03'),
  (102, 1, 902, '2024-01-07 10:00:00', '2024-01-07'),   -- user 1: 3 comments
  (103, 2, 900, '2024-01-02 11:00:00', '2024-01-02'),   -- user 2: 1
  (104, 3, 903, '2024-01-05 12:00:00', '2024-01-05'),   -- user 3: 1
  (105, 4, 904, '2023-12-31 13:00:00', '2023-12-31'),   -- user 4 commented only before the week: a 0, lost if the date filter sits in WHERE after the LEFT JOIN
  -- user 5 never commented: a 0 that only a query starting from users can see
  (106, 6, 905, '2024-01-04 14:00:00', '2024-01-04'),
  (107, 6, 906, '2024-01-06 15:00:00', '2024-01-06'),   -- user 6: 2 in the week ...
  (108, 6, 907, '2024-01-08 16:00:00', '2024-01-08'),   -- ... and one after it
  (109, 99, 900, '2024-01-02 17:00:00', '2024-01-02');  -- a deleted account, not in users: not part of the distribution
