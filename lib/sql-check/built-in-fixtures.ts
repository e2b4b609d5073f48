// Test data for the post-round SQL check of each built-in SQL question (lib/questions/built-in/sql.ts), keyed
// by its slug. Interviewer-only, like the guides: the tables, the reference query and the list of mistakes
// never reach a candidate; they see the expected rows and, of their own result, only what candidate-sql-check-result.ts
// lets through, after the round.
//
// Each fixture is small enough to read but built so the classic mistakes of its question change the result:
// a gap of 30 min 50 s for minute truncation, a re-sent request for fan-out, a duplicated row from a retried
// job, a NULL for the COALESCE trap, a skewed key for salting, rows just outside the partition filter.
// `wrongAnswers` are those mistakes written out; the unit tests check each one really is caught.
//
// Reference queries return exactly the columns the prompt asks for, in its order (columns are compared by
// position). Where the prompt leaves the shape open, the smallest honest answer is expected, and `exposes`
// says so for the interviewer.

export interface SqlFixture {
  slug: string;
  /** CREATE TABLE and INSERT statements: the question's tables with the rows below. */
  setupSql: string;
  referenceSql: string;
  /** Interviewer-only: what the rows are built to catch, shown beside the check. */
  exposes: string[];
  /** Interviewer-only: mistakes written out, each of which must not match (unit-tested). */
  wrongAnswers: { mistake: string; sql: string }[];
}

export const BUILT_IN_SQL_FIXTURES: readonly SqlFixture[] = [
  {
    slug: 'sql-page-event-sessions',
    setupSql: `
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
`,
    referenceSql: `
WITH day_events AS (
  SELECT user_id, event_ts FROM page_events WHERE ds = '2024-01-01'
),
gaps AS (
  SELECT user_id, event_ts,
         date_diff('second', LAG(event_ts) OVER (PARTITION BY user_id ORDER BY event_ts), event_ts) AS gap_seconds
  FROM day_events
),
flags AS (
  SELECT user_id, event_ts, CASE WHEN gap_seconds IS NULL OR gap_seconds > 1800 THEN 1 ELSE 0 END AS opens_session
  FROM gaps
)
SELECT user_id, event_ts,
       SUM(opens_session) OVER (PARTITION BY user_id ORDER BY event_ts ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS session_number
FROM flags`,
    exposes: [
      'User 2 has a gap of 30 min 50 s: comparing whole minutes (DATEDIFF minute > 30) keeps it in one session.',
      'Users 1 and 3 have events in the neighbouring ds partitions: without the ds filter they come back as extra rows.',
      'Every user\'s first event has no previous one: without the IS NULL branch numbering starts at 0.',
      'User 1 has a gap of exactly 30 minutes (same session) and one of 31 (new session).',
    ],
    wrongAnswers: [
      {
        mistake: 'gap in whole minutes',
        sql: `WITH l AS (SELECT user_id, event_ts, LAG(event_ts) OVER (PARTITION BY user_id ORDER BY event_ts) AS prev_ts FROM page_events WHERE ds = '2024-01-01')
SELECT user_id, event_ts, SUM(CASE WHEN prev_ts IS NULL OR DATEDIFF('minute', prev_ts, event_ts) > 30 THEN 1 ELSE 0 END)
  OVER (PARTITION BY user_id ORDER BY event_ts ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) FROM l`,
      },
      {
        mistake: 'no partition filter',
        sql: `WITH l AS (SELECT user_id, event_ts, LAG(event_ts) OVER (PARTITION BY user_id ORDER BY event_ts) AS prev_ts FROM page_events)
SELECT user_id, event_ts, SUM(CASE WHEN prev_ts IS NULL OR date_diff('second', prev_ts, event_ts) > 1800 THEN 1 ELSE 0 END)
  OVER (PARTITION BY user_id ORDER BY event_ts ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) FROM l`,
      },
      {
        mistake: 'first event not opening a session',
        sql: `WITH l AS (SELECT user_id, event_ts, LAG(event_ts) OVER (PARTITION BY user_id ORDER BY event_ts) AS prev_ts FROM page_events WHERE ds = '2024-01-01')
SELECT user_id, event_ts, SUM(CASE WHEN date_diff('second', prev_ts, event_ts) > 1800 THEN 1 ELSE 0 END)
  OVER (PARTITION BY user_id ORDER BY event_ts ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) FROM l`,
      },
    ],
  },
  {
    slug: 'sql-creator-action-counts',
    setupSql: `
CREATE TABLE creator_actions(creator_id BIGINT, viewer_id BIGINT, action VARCHAR, action_ts TIMESTAMP, ds VARCHAR);
-- Creator 1 is the viral account: 90 of the day's 100 rows, from only 9 viewers who act again and again.
INSERT INTO creator_actions
  SELECT 1, 100 + i % 9, CASE WHEN i % 3 = 0 THEN 'like' WHEN i % 3 = 1 THEN 'comment' ELSE 'share' END,
         TIMESTAMP '2024-01-01 00:00:00' + i * INTERVAL 7 MINUTE, '2024-01-01'
  FROM range(90) t(i);
INSERT INTO creator_actions VALUES
  (2, 200, 'like', '2024-01-01 08:00:00', '2024-01-01'),
  (2, 200, 'like', '2024-01-01 08:05:00', '2024-01-01'),
  (2, 201, 'like', '2024-01-01 09:00:00', '2024-01-01'),
  (2, 202, 'comment', '2024-01-01 10:00:00', '2024-01-01'),
  (2, 202, 'share', '2024-01-01 10:01:00', '2024-01-01'),
  (3, 300, 'like', '2024-01-01 11:00:00', '2024-01-01'),
  (3, 301, 'like', '2024-01-01 11:30:00', '2024-01-01'),
  (3, 301, 'comment', '2024-01-01 12:00:00', '2024-01-01'),
  (3, 302, 'share', '2024-01-01 13:00:00', '2024-01-01'),
  (3, 303, 'share', '2024-01-01 14:00:00', '2024-01-01'),
  (2, 203, 'like', '2024-01-02 08:00:00', '2024-01-02'),   -- next day
  (1, 999, 'like', '2023-12-31 23:59:00', '2023-12-31');   -- previous day
`,
    referenceSql: `
SELECT creator_id, action, COUNT(*) AS total_actions, COUNT(DISTINCT viewer_id) AS unique_viewers
FROM creator_actions
WHERE ds = '2024-01-01'
GROUP BY creator_id, action`,
    exposes: [
      'Creator 1 is the hot key (90 of 100 rows) with only 9 viewers who act repeatedly: a random salt (RAND()) counts one viewer in several buckets, so summed per-bucket distinct counts come out too high. A salt derived from viewer_id stays exact.',
      'Rows on 2023-12-31 and 2024-01-02 catch a missing ds filter.',
    ],
    wrongAnswers: [
      {
        mistake: 'random salt with a summed distinct count',
        sql: `WITH salted AS (
  SELECT creator_id, action, viewer_id, CAST(FLOOR(RAND() * 10) AS INTEGER) AS salt FROM creator_actions WHERE ds = '2024-01-01'
), partial AS (
  SELECT creator_id, action, salt, COUNT(*) AS n, COUNT(DISTINCT viewer_id) AS v FROM salted GROUP BY 1, 2, 3
)
SELECT creator_id, action, SUM(n), SUM(v) FROM partial GROUP BY 1, 2`,
      },
      {
        mistake: 'no partition filter',
        sql: `SELECT creator_id, action, COUNT(*), COUNT(DISTINCT viewer_id) FROM creator_actions GROUP BY 1, 2`,
      },
    ],
  },
  {
    slug: 'sql-week-over-week-retention',
    setupSql: `
CREATE TABLE user_weekly_activity(user_id BIGINT, week_start DATE, active_days INT, ds VARCHAR);
INSERT INTO user_weekly_activity VALUES
  (1, '2023-12-25', 2, '2023-12-25'),   -- before the range
  (1, '2024-01-01', 3, '2024-01-01'),
  (1, '2024-01-08', 1, '2024-01-08'),
  (1, '2024-01-15', 5, '2024-01-15'),
  (2, '2024-01-01', 2, '2024-01-01'),
  (2, '2024-01-22', 4, '2024-01-22'),   -- next ACTIVE week is three weeks later: not retained
  (3, '2024-01-01', 6, '2024-01-01'),
  (3, '2024-01-01', 6, '2024-01-01'),   -- duplicate left by a retried job
  (3, '2024-01-08', 2, '2024-01-08'),
  (5, '2024-03-11', 1, '2024-03-11'),
  (5, '2024-03-18', 2, '2024-03-18'),
  (4, '2024-03-18', 3, '2024-03-18'),
  (4, '2024-03-25', 1, '2024-03-25');   -- W+1 of the last cohort, outside the reported range
`,
    referenceSql: `
WITH user_weeks AS (
  SELECT DISTINCT user_id, week_start FROM user_weekly_activity WHERE ds BETWEEN '2024-01-01' AND '2024-03-25'
),
with_next AS (
  SELECT user_id, week_start, LEAD(week_start) OVER (PARTITION BY user_id ORDER BY week_start) AS next_active_week
  FROM user_weeks
),
per_week AS (
  SELECT week_start, COUNT(*) AS active_users, COUNT_IF(next_active_week = week_start + INTERVAL 7 DAY) AS retained_users
  FROM with_next
  WHERE week_start <= DATE '2024-03-18'
  GROUP BY week_start
)
SELECT week_start, active_users, retained_users, ROUND(100.0 * retained_users / NULLIF(active_users, 0), 2) AS retention_pct
FROM per_week`,
    exposes: [
      'User 3 has a duplicated row for 2024-01-01: without DISTINCT it is counted twice and its LEAD is the same week.',
      'User 2\'s next active week is three weeks later: LEAD alone, without checking for +7 days, counts it as retained.',
      'The last week (2024-03-18) needs the 2024-03-25 partition: reading only through 03-18 shows its retention too low.',
      'Percentages are expected as 0-100 (retention_pct), compared to 2 decimals.',
    ],
    wrongAnswers: [
      {
        mistake: 'duplicates kept',
        sql: `WITH n AS (SELECT user_id, week_start, LEAD(week_start) OVER (PARTITION BY user_id ORDER BY week_start) AS nx FROM user_weekly_activity WHERE ds BETWEEN '2024-01-01' AND '2024-03-25')
SELECT week_start, COUNT(*), COUNT_IF(nx = week_start + INTERVAL 7 DAY), ROUND(100.0 * COUNT_IF(nx = week_start + INTERVAL 7 DAY) / COUNT(*), 2) FROM n WHERE week_start <= DATE '2024-03-18' GROUP BY 1`,
      },
      {
        mistake: 'last cohort without its W+1 partition',
        sql: `WITH u AS (SELECT DISTINCT user_id, week_start FROM user_weekly_activity WHERE ds BETWEEN '2024-01-01' AND '2024-03-18'),
n AS (SELECT user_id, week_start, LEAD(week_start) OVER (PARTITION BY user_id ORDER BY week_start) AS nx FROM u)
SELECT week_start, COUNT(*), COUNT_IF(nx = week_start + INTERVAL 7 DAY), ROUND(100.0 * COUNT_IF(nx = week_start + INTERVAL 7 DAY) / COUNT(*), 2) FROM n GROUP BY 1`,
      },
    ],
  },
  {
    slug: 'sql-top-posts-per-country',
    setupSql: `
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
`,
    referenceSql: `
WITH day_counts AS (
  SELECT post_id, COUNT(*) AS reactions FROM post_reactions WHERE ds = '2024-01-01' GROUP BY post_id
),
with_country AS (
  SELECT COALESCE(p.author_country, 'UNKNOWN') AS author_country, c.post_id, c.reactions
  FROM day_counts c JOIN posts p ON p.post_id = c.post_id
),
ranked AS (
  SELECT author_country, post_id, reactions, DENSE_RANK() OVER (PARTITION BY author_country ORDER BY reactions DESC) AS rnk
  FROM with_country
)
SELECT author_country, post_id, reactions, rnk FROM ranked WHERE rnk <= 3`,
    exposes: [
      'No ties at any cut, so ROW_NUMBER, RANK and DENSE_RANK all give the same rows: the tie rule is for the conversation, not the check.',
      'Post 2 was created on 2023-12-20: filtering posts by ds = 2024-01-01 drops it from the US top 3.',
      'Post 4 gets 6 reactions on 2024-01-02: without the reaction ds filter it enters the US top 3.',
      'Post 7 has a NULL country: expected under the label UNKNOWN (COALESCE), as the guide suggests.',
    ],
    wrongAnswers: [
      {
        mistake: 'posts filtered by the reaction date',
        sql: `WITH c AS (SELECT r.post_id, COALESCE(p.author_country, 'UNKNOWN') AS country, COUNT(*) AS n FROM post_reactions r JOIN posts p ON p.post_id = r.post_id WHERE r.ds = '2024-01-01' AND p.ds = '2024-01-01' GROUP BY 1, 2)
SELECT country, post_id, n, rk FROM (SELECT *, RANK() OVER (PARTITION BY country ORDER BY n DESC) AS rk FROM c) WHERE rk <= 3`,
      },
      {
        mistake: 'no reaction partition filter',
        sql: `WITH c AS (SELECT r.post_id, COALESCE(p.author_country, 'UNKNOWN') AS country, COUNT(*) AS n FROM post_reactions r JOIN posts p ON p.post_id = r.post_id GROUP BY 1, 2)
SELECT country, post_id, n, rk FROM (SELECT *, RANK() OVER (PARTITION BY country ORDER BY n DESC) AS rk FROM c) WHERE rk <= 3`,
      },
    ],
  },
  {
    slug: 'sql-ad-ctr-by-objective',
    setupSql: `
CREATE TABLE ad_impressions(impression_id BIGINT, ad_id BIGINT, user_id BIGINT, impression_ts TIMESTAMP, ds VARCHAR);
CREATE TABLE ad_clicks(click_id BIGINT, impression_id BIGINT, click_ts TIMESTAMP, ds VARCHAR);
CREATE TABLE dim_ad(ad_id BIGINT, advertiser_id BIGINT, objective VARCHAR);
INSERT INTO dim_ad VALUES (1, 900, 'CONVERSIONS'), (2, 900, 'REACH'), (3, 901, NULL);
INSERT INTO ad_impressions VALUES
  (101, 1, 50, '2024-01-01 10:00:00', '2024-01-01'),
  (102, 1, 51, '2024-01-01 11:00:00', '2024-01-01'),
  (103, 1, 52, '2024-01-01 23:00:00', '2024-01-01'),
  (104, 2, 53, '2024-01-01 09:00:00', '2024-01-01'),
  (105, 2, 54, '2024-01-01 12:00:00', '2024-01-01'),
  (106, 3, 55, '2024-01-01 08:00:00', '2024-01-01'),
  (107, 1, 56, '2024-01-02 08:00:00', '2024-01-02');   -- next day's impression
INSERT INTO ad_clicks VALUES
  (1, 101, '2024-01-01 10:01:00', '2024-01-01'),
  (2, 101, '2024-01-01 10:05:00', '2024-01-01'),   -- double click on one impression
  (3, 103, '2024-01-02 02:00:00', '2024-01-02'),   -- within 24 h, in the next day's partition
  (4, 104, '2024-01-02 10:00:00', '2024-01-02'),   -- 25 h later: does not count
  (5, 106, '2024-01-01 08:30:00', '2024-01-01'),
  (6, 107, '2024-01-02 08:01:00', '2024-01-02');
`,
    referenceSql: `
WITH day_impressions AS (
  SELECT impression_id, ad_id, impression_ts FROM ad_impressions WHERE ds = '2024-01-01'
),
first_click AS (
  SELECT impression_id, MIN(click_ts) AS first_click_ts FROM ad_clicks WHERE ds IN ('2024-01-01', '2024-01-02') GROUP BY impression_id
),
per_ad AS (
  SELECT i.ad_id, COUNT(*) AS impressions,
         COUNT_IF(c.first_click_ts <= i.impression_ts + INTERVAL 1 DAY) AS clicked_impressions
  FROM day_impressions i LEFT JOIN first_click c ON c.impression_id = i.impression_id
  GROUP BY i.ad_id
)
SELECT COALESCE(d.objective, 'UNKNOWN') AS objective, ROUND(1.0 * SUM(a.clicked_impressions) / SUM(a.impressions), 4) AS ctr
FROM per_ad a LEFT JOIN dim_ad d ON d.ad_id = a.ad_id
GROUP BY 1`,
    exposes: [
      'Expected columns: objective, ctr (a fraction, compared to 2 decimals).',
      'Impression 101 was clicked twice: joining clicks directly counts it twice.',
      'Impression 103 (23:00) was clicked at 02:00 the next day: reading only the 2024-01-01 click partition misses it.',
      'Impression 104 was clicked 25 hours later: without the 24 h bound it counts.',
      'Ad 3 has a NULL objective: expected as UNKNOWN.',
    ],
    wrongAnswers: [
      {
        mistake: 'clicks joined without collapsing double clicks',
        sql: `SELECT COALESCE(d.objective, 'UNKNOWN'), 1.0 * COUNT(c.click_id) / COUNT(DISTINCT i.impression_id)
FROM ad_impressions i LEFT JOIN ad_clicks c ON c.impression_id = i.impression_id AND c.ds IN ('2024-01-01', '2024-01-02') AND c.click_ts <= i.impression_ts + INTERVAL 1 DAY
LEFT JOIN dim_ad d ON d.ad_id = i.ad_id WHERE i.ds = '2024-01-01' GROUP BY 1`,
      },
      {
        mistake: 'only the impression day of clicks',
        sql: `WITH f AS (SELECT impression_id, MIN(click_ts) AS t FROM ad_clicks WHERE ds = '2024-01-01' GROUP BY 1)
SELECT COALESCE(d.objective, 'UNKNOWN'), 1.0 * COUNT_IF(f.t <= i.impression_ts + INTERVAL 1 DAY) / COUNT(*)
FROM ad_impressions i LEFT JOIN f ON f.impression_id = i.impression_id LEFT JOIN dim_ad d ON d.ad_id = i.ad_id WHERE i.ds = '2024-01-01' GROUP BY 1`,
      },
    ],
  },
  {
    slug: 'sql-rolling-seven-day-dau',
    setupSql: `
CREATE TABLE daily_active(user_id BIGINT, platform VARCHAR, ds VARCHAR);
-- 2023-12-26 .. 2024-01-31 without 2024-01-10 (the outage). Day n has users 1 .. 2 + n % 5; user 1 is on iOS
-- and web every day, so COUNT(*) over-counts by one.
INSERT INTO daily_active
  SELECT u.user_id, 'ios', strftime(d.day, '%Y-%m-%d')
  FROM (SELECT DATE '2023-12-26' + CAST(i AS INTEGER) AS day, i FROM range(37) t(i)) d,
       LATERAL (SELECT CAST(1 + j AS BIGINT) AS user_id FROM range(2 + d.i % 5) r(j)) u
  WHERE d.day <> DATE '2024-01-10';
INSERT INTO daily_active SELECT 1, 'web', ds FROM daily_active WHERE user_id = 1;
`,
    referenceSql: `
WITH per_day AS (
  SELECT CAST(ds AS DATE) AS day, COUNT(DISTINCT user_id) AS dau
  FROM daily_active WHERE ds BETWEEN '2023-12-26' AND '2024-01-31' GROUP BY 1
),
rolled AS (
  SELECT day, dau, AVG(dau) OVER (ORDER BY day RANGE BETWEEN INTERVAL 6 DAY PRECEDING AND CURRENT ROW) AS dau_7d_avg
  FROM per_day
)
SELECT day, dau, dau_7d_avg FROM rolled WHERE day >= DATE '2024-01-01'`,
    exposes: [
      'User 1 is active on two platforms every day: COUNT(*) instead of COUNT(DISTINCT user_id) over-counts DAU.',
      '2024-01-10 is missing: ROWS BETWEEN 6 PRECEDING then spans 8 calendar days (Jan 11-16 differ); filling it with 0 drags the average down.',
      'The first January averages need the six December days.',
      'Expected: the 30 days that have data, the average over the days present in the 7-day window.',
    ],
    wrongAnswers: [
      {
        mistake: 'ROWS frame over a missing day',
        sql: `WITH p AS (SELECT CAST(ds AS DATE) AS day, COUNT(DISTINCT user_id) AS dau FROM daily_active WHERE ds BETWEEN '2023-12-26' AND '2024-01-31' GROUP BY 1)
SELECT * FROM (SELECT day, dau, AVG(dau) OVER (ORDER BY day ROWS BETWEEN 6 PRECEDING AND CURRENT ROW) FROM p) WHERE day >= DATE '2024-01-01'`,
      },
      {
        mistake: 'COUNT(*) for DAU',
        sql: `WITH p AS (SELECT CAST(ds AS DATE) AS day, COUNT(*) AS dau FROM daily_active WHERE ds BETWEEN '2023-12-26' AND '2024-01-31' GROUP BY 1)
SELECT * FROM (SELECT day, dau, AVG(dau) OVER (ORDER BY day RANGE BETWEEN INTERVAL 6 DAY PRECEDING AND CURRENT ROW) FROM p) WHERE day >= DATE '2024-01-01'`,
      },
      {
        mistake: 'no trailing December days',
        sql: `WITH p AS (SELECT CAST(ds AS DATE) AS day, COUNT(DISTINCT user_id) AS dau FROM daily_active WHERE ds BETWEEN '2024-01-01' AND '2024-01-31' GROUP BY 1)
SELECT day, dau, AVG(dau) OVER (ORDER BY day RANGE BETWEEN INTERVAL 6 DAY PRECEDING AND CURRENT ROW) FROM p`,
      },
    ],
  },
  {
    slug: 'sql-signup-seven-day-conversion',
    setupSql: `
CREATE TABLE users(user_id BIGINT, signup_ts TIMESTAMP, country_code VARCHAR, ds VARCHAR);
CREATE TABLE purchases(purchase_id BIGINT, user_id BIGINT, amount_usd DECIMAL(12,2), purchase_ts TIMESTAMP, ds VARCHAR);
INSERT INTO users VALUES
  (1, '2024-01-01 10:00:00', 'US', '2024-01-01'),
  (2, '2024-01-03 09:00:00', 'US', '2024-01-03'),
  (3, '2024-01-07 23:00:00', 'US', '2024-01-07'),
  (4, '2024-01-02 12:00:00', NULL, '2024-01-02'),
  (5, '2024-01-04 08:00:00', NULL, '2024-01-04'),
  (6, '2024-01-06 15:00:00', 'IN', '2024-01-06'),
  (7, '2023-12-31 20:00:00', 'IN', '2023-12-31');   -- outside the cohort
INSERT INTO purchases VALUES
  (10, 1, 20.00, '2024-01-02 10:00:00', '2024-01-02'),
  (11, 1, 10.00, '2024-01-05 18:00:00', '2024-01-05'),   -- a second purchase: one converter, not two
  (12, 3, 50.00, '2024-01-14 22:00:00', '2024-01-14'),   -- inside 7 days, in the last partition needed
  (13, 3, 99.00, '2024-01-15 00:00:00', '2024-01-15'),   -- 7 days and 1 hour: outside
  (14, 4, 15.00, '2024-01-12 12:00:00', '2024-01-12'),   -- 10 days: outside
  (15, 5, 5.00, '2024-01-05 09:00:00', '2024-01-05'),
  (16, 7, 80.00, '2024-01-01 09:00:00', '2024-01-01');
`,
    referenceSql: `
WITH cohort AS (
  SELECT user_id, signup_ts, COALESCE(country_code, 'UNKNOWN') AS country_code FROM users WHERE ds BETWEEN '2024-01-01' AND '2024-01-07'
),
window_revenue AS (
  SELECT c.user_id, SUM(p.amount_usd) AS revenue_7d
  FROM cohort c JOIN purchases p
    ON p.user_id = c.user_id AND p.purchase_ts >= c.signup_ts AND p.purchase_ts < c.signup_ts + INTERVAL 7 DAY
  WHERE p.ds BETWEEN '2024-01-01' AND '2024-01-14'
  GROUP BY c.user_id
)
SELECT c.country_code, COUNT(*) AS signups, COUNT(w.user_id) AS converters,
       ROUND(100.0 * COUNT(w.user_id) / COUNT(*), 2) AS conversion_pct,
       ROUND(SUM(COALESCE(w.revenue_7d, 0)) / COUNT(*), 2) AS revenue_per_signup
FROM cohort c LEFT JOIN window_revenue w ON w.user_id = c.user_id
GROUP BY c.country_code`,
    exposes: [
      'User 1 buys twice: counting joined purchase rows makes two converters of one user.',
      'Users 2 and 6 never buy: a WHERE on purchases after the LEFT JOIN drops them (conversion 100%, IN disappears).',
      'AVG(revenue) skips the NULLs of non-buyers, giving revenue per converter, not per signup: the COALESCE trap.',
      'User 3 buys on 2024-01-14 inside the window: the purchase scan must reach 7 days past the last signup day.',
      'NULL countries are expected as UNKNOWN; conversion_pct is 0-100.',
    ],
    wrongAnswers: [
      {
        mistake: 'purchase rows counted as converters',
        sql: `SELECT COALESCE(u.country_code, 'UNKNOWN'), COUNT(DISTINCT u.user_id), COUNT(p.purchase_id), ROUND(100.0 * COUNT(p.purchase_id) / COUNT(DISTINCT u.user_id), 2), ROUND(SUM(COALESCE(p.amount_usd, 0)) / COUNT(DISTINCT u.user_id), 2)
FROM users u LEFT JOIN purchases p ON p.user_id = u.user_id AND p.purchase_ts >= u.signup_ts AND p.purchase_ts < u.signup_ts + INTERVAL 7 DAY
WHERE u.ds BETWEEN '2024-01-01' AND '2024-01-07' GROUP BY 1`,
      },
      {
        mistake: 'average over converters only',
        sql: `WITH c AS (SELECT user_id, signup_ts, COALESCE(country_code, 'UNKNOWN') AS cc FROM users WHERE ds BETWEEN '2024-01-01' AND '2024-01-07'),
w AS (SELECT c.user_id, SUM(p.amount_usd) AS r FROM c JOIN purchases p ON p.user_id = c.user_id AND p.purchase_ts >= c.signup_ts AND p.purchase_ts < c.signup_ts + INTERVAL 7 DAY GROUP BY 1)
SELECT cc, COUNT(*), COUNT(w.user_id), ROUND(100.0 * COUNT(w.user_id) / COUNT(*), 2), ROUND(AVG(w.r), 2) FROM c LEFT JOIN w ON w.user_id = c.user_id GROUP BY 1`,
      },
    ],
  },
  {
    slug: 'sql-friend-request-acceptance',
    setupSql: `
CREATE TABLE friend_requests(sender_id BIGINT, receiver_id BIGINT, sent_ts TIMESTAMP, ds VARCHAR);
CREATE TABLE friend_accepts(sender_id BIGINT, receiver_id BIGINT, accepted_ts TIMESTAMP, ds VARCHAR);
INSERT INTO friend_requests VALUES
  (1, 2, '2024-01-01 08:00:00', '2024-01-01'),
  (1, 2, '2024-01-01 20:00:00', '2024-01-01'),   -- re-sent: still one pair
  (3, 4, '2024-01-01 23:00:00', '2024-01-01'),
  (1, 3, '2024-01-01 09:00:00', '2024-01-01'),
  (2, 1, '2024-01-01 10:00:00', '2024-01-01'),   -- the reverse direction of an accepted pair
  (5, 6, '2024-01-01 12:00:00', '2024-01-01'),
  (6, 7, '2024-01-01 13:00:00', '2024-01-01'),
  (8, 9, '2024-01-02 09:00:00', '2024-01-02');   -- sent the next day
INSERT INTO friend_accepts VALUES
  (1, 2, '2024-01-02 07:00:00', '2024-01-02'),
  (3, 4, '2024-01-04 22:00:00', '2024-01-04'),   -- 71 h later, in the fourth partition
  (1, 3, '2024-01-04 10:00:00', '2024-01-04'),   -- 73 h later: too late
  (5, 6, '2023-12-28 09:00:00', '2023-12-28'),   -- accepted an earlier request, before this one was sent
  (8, 9, '2024-01-02 10:00:00', '2024-01-02');
`,
    referenceSql: `
WITH sent AS (
  SELECT sender_id, receiver_id, MIN(sent_ts) AS first_sent_ts FROM friend_requests WHERE ds = '2024-01-01' GROUP BY 1, 2
),
accepted AS (
  SELECT sender_id, receiver_id, MIN(accepted_ts) AS accepted_ts FROM friend_accepts WHERE ds BETWEEN '2024-01-01' AND '2024-01-04' GROUP BY 1, 2
)
SELECT ROUND(1.0 * COUNT_IF(a.accepted_ts >= s.first_sent_ts AND a.accepted_ts < s.first_sent_ts + INTERVAL 3 DAY) / COUNT(*), 4) AS acceptance_rate
FROM sent s LEFT JOIN accepted a ON a.sender_id = s.sender_id AND a.receiver_id = s.receiver_id`,
    exposes: [
      'Expected: one column, acceptance_rate as a fraction (2 of 6 pairs), compared to 2 decimals.',
      'Pair 1→2 was sent twice: counting request rows inflates the denominator.',
      'Request 2→1 is the reverse of an accepted pair: joining on one column or the wrong direction counts it.',
      'Pair 3→4 is accepted on 2024-01-04 within 72 h: the accept scan must reach the fourth day.',
      'Pair 5→6 has an accept from before the request: it must not count.',
    ],
    wrongAnswers: [
      {
        mistake: 'request rows instead of pairs',
        sql: `SELECT 1.0 * COUNT_IF(a.accepted_ts >= r.sent_ts AND a.accepted_ts < r.sent_ts + INTERVAL 3 DAY) / COUNT(*)
FROM friend_requests r LEFT JOIN friend_accepts a ON a.sender_id = r.sender_id AND a.receiver_id = r.receiver_id WHERE r.ds = '2024-01-01'`,
      },
      {
        mistake: 'undirected pair',
        sql: `WITH s AS (SELECT sender_id, receiver_id, MIN(sent_ts) AS t FROM friend_requests WHERE ds = '2024-01-01' GROUP BY 1, 2)
SELECT 1.0 * COUNT(DISTINCT CASE WHEN a.accepted_ts >= s.t AND a.accepted_ts < s.t + INTERVAL 3 DAY THEN s.sender_id || '-' || s.receiver_id END) / COUNT(DISTINCT s.sender_id || '-' || s.receiver_id)
FROM s LEFT JOIN friend_accepts a ON LEAST(a.sender_id, a.receiver_id) = LEAST(s.sender_id, s.receiver_id) AND GREATEST(a.sender_id, a.receiver_id) = GREATEST(s.sender_id, s.receiver_id)`,
      },
    ],
  },
  {
    slug: 'sql-longest-login-streak',
    setupSql: `
CREATE TABLE user_logins(user_id BIGINT, login_ts TIMESTAMP, device_type VARCHAR, ds VARCHAR);
INSERT INTO user_logins VALUES
  (1, '2024-01-01 08:00:00', 'ios', '2024-01-01'),
  (1, '2024-01-02 08:00:00', 'ios', '2024-01-02'),
  (1, '2024-01-02 21:00:00', 'web', '2024-01-02'),   -- second login on one day
  (1, '2024-01-03 07:30:00', 'ios', '2024-01-03'),
  (1, '2024-01-10 09:00:00', 'ios', '2024-01-10'),
  (1, '2024-01-11 09:00:00', 'ios', '2024-01-11'),
  (2, '2024-02-01 10:00:00', 'android', '2024-02-01'),
  (2, '2024-02-02 10:00:00', 'android', '2024-02-02'),
  (2, '2024-03-01 10:00:00', 'android', '2024-03-01'),   -- an equally long, later streak
  (2, '2024-03-02 10:00:00', 'android', '2024-03-02'),
  (3, '2023-12-30 12:00:00', 'web', '2023-12-30'),       -- before Q1
  (3, '2023-12-31 12:00:00', 'web', '2023-12-31'),
  (3, '2024-01-01 12:00:00', 'web', '2024-01-01'),
  (3, '2024-01-02 12:00:00', 'web', '2024-01-02'),
  (4, '2024-03-31 23:00:00', 'ios', '2024-03-31'),
  (4, '2024-04-01 01:00:00', 'ios', '2024-04-01'),       -- after Q1
  (5, '2024-02-28 06:00:00', 'web', '2024-02-28'),
  (5, '2024-02-29 06:00:00', 'web', '2024-02-29'),       -- leap day
  (5, '2024-03-01 06:00:00', 'web', '2024-03-01');
`,
    referenceSql: `
WITH login_days AS (
  SELECT DISTINCT user_id, CAST(ds AS DATE) AS login_day FROM user_logins WHERE ds BETWEEN '2024-01-01' AND '2024-03-31'
),
islands AS (
  SELECT user_id, login_day, login_day - CAST(ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY login_day) AS INTEGER) AS island_id
  FROM login_days
),
streaks AS (
  SELECT user_id, MIN(login_day) AS streak_start, COUNT(*) AS streak_days FROM islands GROUP BY user_id, island_id
)
SELECT user_id, streak_start, streak_days
FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY streak_days DESC, streak_start) AS pick FROM streaks)
WHERE pick = 1`,
    exposes: [
      'User 1 logs in twice on 2024-01-02: without DISTINCT per day the row number jumps and the 3-day streak splits.',
      'User 2 has two 2-day streaks: the earlier one is expected (the tie rule).',
      'Users 3 and 4 have logins just outside Q1: they must not lengthen their streaks.',
      'User 5 crosses the leap day: date arithmetic, not string arithmetic.',
    ],
    wrongAnswers: [
      {
        mistake: 'no DISTINCT per day',
        sql: `WITH i AS (SELECT user_id, CAST(ds AS DATE) AS d, CAST(ds AS DATE) - CAST(ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY login_ts) AS INTEGER) AS g FROM user_logins WHERE ds BETWEEN '2024-01-01' AND '2024-03-31'),
s AS (SELECT user_id, MIN(d) AS st, COUNT(DISTINCT d) AS n FROM i GROUP BY user_id, g)
SELECT user_id, st, n FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY n DESC, st) AS k FROM s) WHERE k = 1`,
      },
      {
        mistake: 'ties broken towards the later streak',
        sql: `WITH l AS (SELECT DISTINCT user_id, CAST(ds AS DATE) AS d FROM user_logins WHERE ds BETWEEN '2024-01-01' AND '2024-03-31'),
i AS (SELECT user_id, d, d - CAST(ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY d) AS INTEGER) AS g FROM l),
s AS (SELECT user_id, MIN(d) AS st, COUNT(*) AS n FROM i GROUP BY user_id, g)
SELECT user_id, st, n FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY n DESC, st DESC) AS k FROM s) WHERE k = 1`,
      },
    ],
  },
  {
    slug: 'sql-revenue-by-historical-region',
    setupSql: `
CREATE TABLE orders(order_id BIGINT, customer_id VARCHAR, order_ts TIMESTAMP, amount_usd DECIMAL(12,2), ds VARCHAR);
CREATE TABLE dim_customer(customer_key BIGINT, customer_id BIGINT, region VARCHAR, effective_date DATE, expiry_date DATE, is_current BOOLEAN);
INSERT INTO dim_customer VALUES
  (1, 42, 'EMEA', '2023-06-01', '2024-01-15', FALSE),
  (2, 42, 'NA', '2024-01-15', NULL, TRUE),   -- moved on Jan 15
  (3, 7, 'APAC', '2023-01-01', NULL, TRUE);
INSERT INTO orders VALUES
  (1, '42', '2024-01-10 10:00:00', 100.00, '2024-01-10'),
  (2, '42', '2024-01-15 12:00:00', 200.00, '2024-01-15'),   -- on the change day
  (3, '42', '2024-01-20 09:00:00', 50.00, '2024-01-20'),
  (4, '0042', '2024-01-05 16:00:00', 30.00, '2024-01-05'),  -- the same customer, zero-padded
  (5, 'guest', '2024-01-06 11:00:00', 25.00, '2024-01-06'),
  (6, '7', '2024-01-08 13:00:00', 40.00, '2024-01-08'),
  (7, '99', '2024-01-09 14:00:00', 10.00, '2024-01-09'),    -- no dimension row at all
  (8, '42', '2023-12-31 22:00:00', 500.00, '2023-12-31');   -- December
`,
    referenceSql: `
WITH jan_orders AS (
  SELECT order_id, TRY_CAST(customer_id AS BIGINT) AS customer_id, CAST(order_ts AS DATE) AS order_date, amount_usd
  FROM orders WHERE ds BETWEEN '2024-01-01' AND '2024-01-31'
)
SELECT COALESCE(c.region, 'UNKNOWN') AS region, SUM(o.amount_usd) AS revenue_usd
FROM jan_orders o
LEFT JOIN dim_customer c
  ON c.customer_id = o.customer_id AND o.order_date >= c.effective_date AND o.order_date < COALESCE(c.expiry_date, DATE '9999-12-31')
GROUP BY 1`,
    exposes: [
      'Expected columns: region, revenue (UNKNOWN for guest orders and customers without a dimension row).',
      'is_current = TRUE puts customer 42\'s January orders before the move in NA.',
      'Order 2 is on the change day: a closed interval (<= expiry_date) matches both versions and counts it twice.',
      'The current rows have a NULL expiry_date: without COALESCE they match nothing.',
      'customer_id is a string: \'guest\' fails an implicit cast and \'0042\' only matches after TRY_CAST to BIGINT.',
    ],
    wrongAnswers: [
      {
        mistake: 'current region',
        sql: `SELECT COALESCE(c.region, 'UNKNOWN'), SUM(o.amount_usd) FROM orders o LEFT JOIN dim_customer c ON c.customer_id = TRY_CAST(o.customer_id AS BIGINT) AND c.is_current WHERE o.ds BETWEEN '2024-01-01' AND '2024-01-31' GROUP BY 1`,
      },
      {
        mistake: 'closed interval',
        sql: `SELECT COALESCE(c.region, 'UNKNOWN'), SUM(o.amount_usd) FROM orders o LEFT JOIN dim_customer c ON c.customer_id = TRY_CAST(o.customer_id AS BIGINT)
  AND CAST(o.order_ts AS DATE) BETWEEN c.effective_date AND COALESCE(c.expiry_date, DATE '9999-12-31') WHERE o.ds BETWEEN '2024-01-01' AND '2024-01-31' GROUP BY 1`,
      },
      {
        mistake: 'NULL expiry not handled',
        sql: `SELECT COALESCE(c.region, 'UNKNOWN'), SUM(o.amount_usd) FROM orders o LEFT JOIN dim_customer c ON c.customer_id = TRY_CAST(o.customer_id AS BIGINT)
  AND CAST(o.order_ts AS DATE) >= c.effective_date AND CAST(o.order_ts AS DATE) < c.expiry_date WHERE o.ds BETWEEN '2024-01-01' AND '2024-01-31' GROUP BY 1`,
      },
    ],
  },
  {
    slug: 'sql-time-to-first-comment',
    setupSql: `
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
`,
    referenceSql: `
WITH day_posts AS (
  SELECT post_id, author_id, created_ts FROM posts WHERE ds = '2024-01-01'
),
first_reply AS (
  SELECT p.post_id, MIN(c.created_ts) AS first_comment_ts
  FROM day_posts p JOIN comments c
    ON c.post_id = p.post_id AND c.commenter_id <> p.author_id AND c.created_ts < p.created_ts + INTERVAL 48 HOUR
  WHERE c.ds BETWEEN '2024-01-01' AND '2024-01-03'
  GROUP BY p.post_id
)
SELECT ROUND(1.0 * COUNT(f.post_id) / COUNT(*), 4) AS reply_rate,
       quantile_cont(date_diff('second', p.created_ts, f.first_comment_ts) / 60.0, 0.5) AS median_minutes_to_first_reply
FROM day_posts p LEFT JOIN first_reply f ON f.post_id = p.post_id`,
    exposes: [
      'Expected: one row, reply_rate (a fraction: 3 of 5 posts) and the median minutes (30); approx_percentile runs as an exact median here.',
      'Post 1\'s author comments first: not excluding self-comments makes its first reply 5 minutes.',
      'Post 4 gets no comment: an inner join drops it from the denominator.',
      'Post 2 (23:00) is answered 47 hours later in the 2024-01-03 partition; post 3 after 49 hours, too late.',
    ],
    wrongAnswers: [
      {
        mistake: 'self-comments counted',
        sql: `WITH f AS (SELECT p.post_id, MIN(c.created_ts) AS t FROM posts p JOIN comments c ON c.post_id = p.post_id AND c.created_ts < p.created_ts + INTERVAL 48 HOUR WHERE p.ds = '2024-01-01' GROUP BY 1)
SELECT 1.0 * COUNT(f.post_id) / COUNT(*), approx_percentile(date_diff('second', p.created_ts, f.t) / 60.0, 0.5) FROM posts p LEFT JOIN f ON f.post_id = p.post_id WHERE p.ds = '2024-01-01'`,
      },
      {
        mistake: 'inner join drops unanswered posts',
        sql: `WITH f AS (SELECT p.post_id, p.created_ts, MIN(c.created_ts) AS t FROM posts p JOIN comments c ON c.post_id = p.post_id AND c.commenter_id <> p.author_id AND c.created_ts < p.created_ts + INTERVAL 48 HOUR WHERE p.ds = '2024-01-01' GROUP BY 1, 2)
SELECT 1.0 * COUNT(*) / COUNT(*), approx_percentile(date_diff('second', created_ts, t) / 60.0, 0.5) FROM f`,
      },
    ],
  },
  {
    slug: 'sql-daily-growth-accounting',
    setupSql: `
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
`,
    referenceSql: `
WITH today AS (SELECT DISTINCT user_id FROM daily_active WHERE ds = '2024-01-02'),
yesterday AS (SELECT DISTINCT user_id FROM daily_active WHERE ds = '2024-01-01'),
signed_up_today AS (SELECT user_id FROM dim_users WHERE ds = '2024-01-02' AND signup_ds = '2024-01-02'),
classified AS (
  SELECT CASE
           WHEN t.user_id IS NOT NULL AND n.user_id IS NOT NULL THEN 'new'
           WHEN t.user_id IS NOT NULL AND y.user_id IS NOT NULL THEN 'retained'
           WHEN t.user_id IS NOT NULL THEN 'resurrected'
           ELSE 'churned'
         END AS state
  FROM today t
  FULL OUTER JOIN yesterday y ON y.user_id = t.user_id
  LEFT JOIN signed_up_today n ON n.user_id = t.user_id
)
SELECT state, COUNT(*) AS users FROM classified GROUP BY state`,
    exposes: [
      'dim_users holds a snapshot per day: joining it without a ds filter counts new user 6 once per snapshot.',
      'Users 3 and 4 churned: only a FULL OUTER JOIN of the two days sees them.',
      'User 6 signed up and was active on Jan 2: testing "resurrected" before "new" misfiles them.',
      'User 8 signed up on Jan 2 but was not active: not new.',
    ],
    wrongAnswers: [
      {
        mistake: 'snapshot dimension without ds',
        sql: `WITH t AS (SELECT DISTINCT user_id FROM daily_active WHERE ds = '2024-01-02'), y AS (SELECT DISTINCT user_id FROM daily_active WHERE ds = '2024-01-01'),
n AS (SELECT user_id FROM dim_users WHERE signup_ds = '2024-01-02')
SELECT CASE WHEN n.user_id IS NOT NULL AND t.user_id IS NOT NULL THEN 'new' WHEN t.user_id IS NOT NULL AND y.user_id IS NOT NULL THEN 'retained' WHEN t.user_id IS NOT NULL THEN 'resurrected' ELSE 'churned' END AS s, COUNT(*)
FROM t FULL OUTER JOIN y ON y.user_id = t.user_id LEFT JOIN n ON n.user_id = t.user_id GROUP BY 1`,
      },
      {
        mistake: 'left join from today (no churned)',
        sql: `WITH t AS (SELECT DISTINCT user_id FROM daily_active WHERE ds = '2024-01-02'), y AS (SELECT DISTINCT user_id FROM daily_active WHERE ds = '2024-01-01'),
n AS (SELECT user_id FROM dim_users WHERE ds = '2024-01-02' AND signup_ds = '2024-01-02')
SELECT CASE WHEN n.user_id IS NOT NULL THEN 'new' WHEN y.user_id IS NOT NULL THEN 'retained' ELSE 'resurrected' END AS s, COUNT(*)
FROM t LEFT JOIN y ON y.user_id = t.user_id LEFT JOIN n ON n.user_id = t.user_id GROUP BY 1`,
      },
    ],
  },
];

const BY_SLUG = new Map(BUILT_IN_SQL_FIXTURES.map((fixture) => [fixture.slug, fixture]));

/** The fixture of a built-in question, or null: questions users write have no test data. */
export function sqlFixtureOf(builtInSlug: string | null): SqlFixture | null {
  return builtInSlug === null ? null : (BY_SLUG.get(builtInSlug) ?? null);
}
