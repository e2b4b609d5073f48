CREATE TABLE daily_active(user_id BIGINT, ds VARCHAR);
CREATE TABLE dim_users(user_id BIGINT, signup_ds VARCHAR, ds VARCHAR);
INSERT INTO daily_active VALUES
  (1, '2024-01-01'), (2, '2024-01-01'), (3, '2024-01-01'), (4, '2024-01-01'),
  (1, '2024-01-02'), (2, '2024-01-02'), (5, '2024-01-02'), (6, '2024-01-02'), (7, '2024-01-02'),
  (1, '2024-01-03'), (3, '2024-01-03');
-- Daily snapshots for 2024-01-01 .. 2024-01-03: every user who had signed up by that day, once per snapshot.
INSERT INTO dim_users
  SELECT u.user_id, u.signup_ds, s.ds
  FROM (VALUES (1, '2023-10-01'), (2, '2023-11-15'), (3, '2023-12-01'), (4, '2023-12-20'), (5, '2023-11-01'),
               (6, '2024-01-02'), (7, '2023-12-01'), (8, '2024-01-02')) u(user_id, signup_ds),
       (VALUES ('2024-01-01'), ('2024-01-02'), ('2024-01-03')) s(ds)
  WHERE u.signup_ds <= s.ds;
