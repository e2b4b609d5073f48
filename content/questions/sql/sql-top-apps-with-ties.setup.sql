CREATE TABLE app_usage(user_id BIGINT, app_id BIGINT, minutes INT, ds VARCHAR);
CREATE TABLE dim_app(app_id BIGINT, app_name VARCHAR, category VARCHAR);
INSERT INTO dim_app VALUES
  (1, 'Alpha', 'Games'), (2, 'Bravo', 'Games'), (3, 'Comet', 'Games'), (4, 'Delta', 'Games'), (5, 'Echo', 'Games'),
  (6, 'Fox', 'Social'), (7, 'Glow', 'Social'), (8, 'Halo', 'Social'), (9, 'Iris', 'Social'), (10, 'Jade', 'Social');
-- 2024-01-01 totals. Games: 1=100, 2=80, 3=80, 4=80, 5=50 (a three-way tie for 2nd: ranks 1, 2, 2, 2, 5).
-- Social: 6=90, 7=70, 8=60, 9=60, 10=10 (a tie for 3rd: ranks 1, 2, 3, 3, 5).
INSERT INTO app_usage VALUES
  (100, 1, 60, '2024-01-01'), (101, 1, 40, '2024-01-01'),   -- several users per app: sum before ranking
  (100, 2, 80, '2024-01-01'),
  (102, 3, 30, '2024-01-01'), (103, 3, 50, '2024-01-01'),
  (104, 4, 80, '2024-01-01'),
  (105, 5, 50, '2024-01-01'),                               -- rank 5 by RANK, but 3 by DENSE_RANK
  (106, 6, 90, '2024-01-01'),
  (107, 7, 70, '2024-01-01'),
  (108, 8, 60, '2024-01-01'),
  (109, 9, 25, '2024-01-01'), (110, 9, 35, '2024-01-01'),   -- ties with app 8 for 3rd: both belong in the answer
  (111, 10, 10, '2024-01-01'),
  (105, 5, 45, '2024-01-02');                               -- next day: without the ds filter app 5 ranks 2nd
