import type { Question } from '../question-types';

// Reference solutions use Presto/Trino syntax, the engine most Meta SQL rounds assume; Spark SQL
// differences are called out where they matter.

export const SQL_QUESTIONS: Question[] = [
  {
    slug: 'sql-page-event-sessions',
    roundKind: 'SQL',
    title: 'Sessions from page events',
    difficulty: 'MEDIUM',
    candidateView: {
      prompt: `Table (partitioned by \`ds\`, a \`'YYYY-MM-DD'\` string in UTC):

\`\`\`sql
page_events(user_id BIGINT, page_id BIGINT, event_ts TIMESTAMP, ds VARCHAR)
\`\`\`

A session is a run of one user's events in which no two consecutive events are more than **30 minutes** apart.

For **2024-01-01**, return every event with a per-user session number (1, 2, 3 ... in time order):
\`user_id, event_ts, session_number\`.`,
    },
    interviewerView: {
      solution: `**Technique:** LAG to get the gap to the previous event, flag a boundary, then a running SUM of the flags numbers the sessions.

\`\`\`sql
WITH day_events AS (
  SELECT user_id, event_ts
  FROM page_events
  WHERE ds = '2024-01-01'
),
gaps AS (
  SELECT
    user_id,
    event_ts,
    date_diff(
      'second',
      LAG(event_ts) OVER (PARTITION BY user_id ORDER BY event_ts),
      event_ts
    ) AS seconds_since_prev
  FROM day_events
),
boundaries AS (
  SELECT
    user_id,
    event_ts,
    CASE WHEN seconds_since_prev IS NULL OR seconds_since_prev > 1800 THEN 1 ELSE 0 END AS opens_session
  FROM gaps
)
SELECT
  user_id,
  event_ts,
  SUM(opens_session) OVER (
    PARTITION BY user_id
    ORDER BY event_ts
    ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
  ) AS session_number
FROM boundaries
ORDER BY user_id, event_ts;
\`\`\`

**Traps to watch for**
- The first event of each user has a NULL gap; it must open session 1 (the \`IS NULL\` branch). Without it numbering starts at 0.
- \`date_diff('minute', ...)\` truncates: a 30 min 50 s gap reads as 30 and does not split. Compare in seconds.
- The frame matters: with the default RANGE frame, events with identical timestamps are peers and all get the running total of the last of them. Harmless here because a zero gap never opens a session, but a candidate who states \`ROWS\` deliberately is showing window fluency.
- Filtering one \`ds\` cuts sessions that cross midnight UTC; fine for the literal ask, but a strong candidate says so (see probes).

**Cost:** one shuffle by \`user_id\` for the window; partition pruning keeps it to one day.`,
      hints: [
        'What do you need to know about the previous event to decide whether this one starts a session?',
        'Once each row has a 0/1 "starts a session" flag, how do you turn the flags into a counter?',
      ],
      probes: [
        {
          level: 'E4',
          prompt: 'Now return one row per session: user, start, end, number of events, duration.',
          lookFor: 'Groups the previous output by (user_id, session_number) with MIN/MAX/COUNT; no re-derivation of the sessions.',
        },
        {
          level: 'E5',
          prompt: 'A session that starts at 23:50 and continues past midnight is split in two. Fix it.',
          lookFor:
            'Reads the tail of the previous day (e.g. events after 23:30 of ds-1) or carries an "open session" state table forward; knows sessions then need ids that are not reset per day.',
        },
        {
          level: 'E6',
          prompt: 'This runs daily over 100x the data and mobile clients upload events up to 3 days late. How do you keep session tables correct and cheap?',
          lookFor:
            'Incremental design: a carried-forward open-sessions table keyed by user, restating only the last N ds partitions on late arrival, a deterministic session id (hash of user_id and start ts), bot/heavy-user skew handled, and a finality flag after the lateness window.',
        },
      ],
      signalKeys: [
        'sql.names-partition-filter',
        'sql.states-grain-first',
        'sql.decomposes-with-ctes',
        'sql.fluent-window-functions',
        'sql.verifies-without-execution',
      ],
      twists: [
        {
          key: 'late-events',
          title: 'Late-arriving events',
          prompt: 'Some events for 2024-01-01 only land in the 2024-01-02 partition because phones upload them late. What changes?',
          probesSignalKey: 'sql.names-partition-filter',
        },
      ],
    },
  },
  {
    slug: 'sql-creator-action-counts',
    roundKind: 'SQL',
    title: 'Actions and unique viewers per creator',
    difficulty: 'HARD',
    candidateView: {
      prompt: `Table (partitioned by \`ds\`):

\`\`\`sql
creator_actions(creator_id BIGINT, viewer_id BIGINT, action VARCHAR, action_ts TIMESTAMP, ds VARCHAR)
-- action is one of 'like', 'comment', 'share'
\`\`\`

About **20 creators account for 90%** of the rows on a typical day (viral accounts); there are ~50M creators in total.

For **2024-01-01**, return \`creator_id, action, total_actions, unique_viewers\`.
The straightforward query fails on this cluster with an out-of-memory error on a few reducers.`,
    },
    interviewerView: {
      solution: `**Technique:** two-pass aggregation with a salt so a hot creator is spread over many reducers. The salt must be **derived from \`viewer_id\`**, not random, because the result includes a distinct count.

\`\`\`sql
WITH day_actions AS (
  SELECT
    creator_id,
    action,
    viewer_id,
    -- deterministic: every row of one viewer lands in the same bucket
    CAST(MOD(viewer_id, 32) AS INTEGER) AS bucket
  FROM creator_actions
  WHERE ds = '2024-01-01'
),
per_bucket AS (
  SELECT
    creator_id,
    action,
    bucket,
    COUNT(*)                  AS bucket_actions,
    COUNT(DISTINCT viewer_id) AS bucket_viewers
  FROM day_actions
  GROUP BY creator_id, action, bucket
)
SELECT
  creator_id,
  action,
  SUM(bucket_actions) AS total_actions,
  SUM(bucket_viewers) AS unique_viewers
FROM per_bucket
GROUP BY creator_id, action;
\`\`\`

**Why it works:** pass 1 shuffles on \`(creator_id, action, bucket)\`, so a hot creator's rows go to up to 32 reducers. Pass 2 sees at most 32 rows per (creator, action): trivially small. Because buckets partition viewers, per-bucket distinct counts add up to the exact distinct count.

**Traps to watch for**
- A random salt (\`FLOOR(RAND() * N)\`) is fine for \`COUNT(*)\`/\`SUM\` but **over-counts distinct viewers**: the same viewer lands in several buckets. This is the main E5 vs E6 separator.
- Compute the salt in its own CTE so the grouping key is a plain column: engines differ in how they treat a non-deterministic expression such as RAND() inside GROUP BY.
- For \`COUNT(*)\` alone, Presto and Spark already do partial (map-side) aggregation, so the hot key mostly hurts the distinct count and any later join on \`creator_id\`. Saying this shows real engine knowledge.
- Salting everything costs an extra stage for 50M cold creators; a refinement salts only known hot keys (or uses Spark AQE skew handling for joins).`,
      hints: [
        'Why do only a few reducers fail? What key are they handling?',
        'Could you split one creator\'s rows across several groups and combine the partial results afterwards?',
        'Does your way of splitting keep unique_viewers exact?',
      ],
      probes: [
        {
          level: 'E4',
          prompt: 'Why does the plain GROUP BY creator_id, action run out of memory when the cluster has plenty in total?',
          lookFor: 'All rows of a key go to one reducer; the distinct-viewer set of a viral creator does not fit on one worker.',
        },
        {
          level: 'E5',
          prompt: 'You used a random salt. Is unique_viewers still right?',
          lookFor: 'Sees the over-count and switches to a salt derived from viewer_id (MOD or a hash), or to approx_distinct with stated error.',
        },
        {
          level: 'E6',
          prompt: 'Now join this result to a 2 TB creator_profile table, which is skewed the same way. How do you keep that join from failing too?',
          lookFor:
            'Join on the small aggregated side first; if a skewed fact-to-fact join is unavoidable, salt the big side and replicate the hot keys of the other side N times, or isolate hot keys and broadcast them; mentions AQE skew-join splitting in Spark.',
        },
      ],
      signalKeys: ['sql.names-partition-filter', 'sql.mitigates-skew', 'sql.decomposes-with-ctes', 'sql.picks-join-strategy'],
      twists: [
        {
          key: 'hot-key-join',
          title: 'Hot key in a join',
          prompt: 'Product now wants each creator\'s follower count next to the totals, from a 2 TB follower table with the same skew.',
          probesSignalKey: 'sql.mitigates-skew',
        },
      ],
    },
  },
  {
    slug: 'sql-week-over-week-retention',
    roundKind: 'SQL',
    title: 'Week-over-week retention',
    difficulty: 'HARD',
    candidateView: {
      prompt: `Table (one weekly partition, \`ds\` = the Monday that starts the week):

\`\`\`sql
user_weekly_activity(user_id BIGINT, week_start DATE, active_days INT, ds VARCHAR)
\`\`\`

The job that writes it is retried on failure and **can leave duplicate rows** for a user and week.

For each week starting **2024-01-01 through 2024-03-18**, compute the share of that week's active users who are also active in the **immediately following** week:
\`week_start, active_users, retained_users, retention_pct\`.`,
    },
    interviewerView: {
      solution: `**Technique:** dedupe to one row per (user, week), LEAD to each user's next active week, and count it as retained only when it is exactly 7 days later.

\`\`\`sql
WITH user_weeks AS (
  SELECT DISTINCT user_id, week_start
  FROM user_weekly_activity
  WHERE ds BETWEEN '2024-01-01' AND '2024-03-25'   -- one extra week: W+1 of the last cohort
),
with_next AS (
  SELECT
    user_id,
    week_start,
    LEAD(week_start) OVER (PARTITION BY user_id ORDER BY week_start) AS next_active_week
  FROM user_weeks
),
per_week AS (
  SELECT
    week_start,
    COUNT(*) AS active_users,
    COUNT_IF(next_active_week = date_add('day', 7, week_start)) AS retained_users
  FROM with_next
  WHERE week_start <= DATE '2024-03-18'
  GROUP BY week_start
)
SELECT
  week_start,
  active_users,
  retained_users,
  ROUND(100.0 * retained_users / NULLIF(active_users, 0), 2) AS retention_pct
FROM per_week
ORDER BY week_start;
\`\`\`

(Spark SQL: \`SUM(CASE WHEN ... THEN 1 ELSE 0 END)\` instead of \`COUNT_IF\`, \`date_add(week_start, 7)\`.)

**Traps to watch for**
- **Duplicates:** without DISTINCT, a duplicated row's LEAD is the *same* week, so the user is counted as not retained, and \`COUNT(*)\` double-counts actives.
- **LEAD is the next *active* week**, which may be three weeks later; the equality to week_start + 7 is what makes it W+1 retention.
- **The last cohort needs W+1 data:** reading only through 03-18 makes the final week look like 0% retention. Read one extra partition and exclude it from the output.
- Equivalent approach: self LEFT JOIN on \`user_id\` and \`week_start + 7\`; fine, but it is a second shuffle of the same data.`,
      hints: [
        'For each user-week row, what single value would tell you whether they came back the next week?',
        'What happens to your logic if the same user-week row appears twice?',
        'What does your query report for the final week in the range?',
      ],
      probes: [
        {
          level: 'E4',
          prompt: 'Extend it to week-2 and week-4 retention in the same query.',
          lookFor: 'Self-join or EXISTS per offset, or conditional counts on a join to all later weeks; LEAD alone no longer fits because W+2 may not be the next active week.',
        },
        {
          level: 'E5',
          prompt: 'Analysts want retention curves by signup cohort for the last two years, refreshed daily. Scanning two years daily is too slow. What do you build?',
          lookFor: 'A cumulative per-user activity table (last active week, a bitmap or date list of active weeks) updated incrementally from yesterday\'s state plus today\'s partition.',
        },
        {
          level: 'E6',
          prompt: 'Retention dropped 3 points last week and the PM asks whether it is real. What do you check before answering?',
          lookFor: 'Partition completeness of the W+1 week, definition changes, mix shift (a large new-user cohort retains worse), holiday calendar, and per-platform logging; gives the query for the mix-adjusted number.',
        },
      ],
      signalKeys: [
        'sql.names-partition-filter',
        'sql.states-grain-first',
        'sql.fluent-window-functions',
        'sql.guards-nulls-and-types',
        'sql.verifies-without-execution',
      ],
      twists: [
        {
          key: 'duplicate-delivery',
          title: 'Duplicate rows from a retried job',
          prompt: 'Last week\'s partition was written twice by a retried job, so some users have two identical rows. Does your query still give the right answer?',
          probesSignalKey: 'sql.states-grain-first',
        },
      ],
    },
  },
  {
    slug: 'sql-top-posts-per-country',
    roundKind: 'SQL',
    title: 'Top posts per country',
    difficulty: 'EASY',
    candidateView: {
      prompt: `Tables:

\`\`\`sql
post_reactions(post_id BIGINT, reactor_id BIGINT, reaction_type VARCHAR, reaction_ts TIMESTAMP, ds VARCHAR)
posts(post_id BIGINT, author_id BIGINT, author_country VARCHAR, created_ts TIMESTAMP, ds VARCHAR)
-- posts is partitioned by the post's creation date; author_country can be NULL
\`\`\`

For reactions made on **2024-01-01**, return the **top 3 posts per author country** by reaction count:
\`author_country, post_id, reactions, rank\`. Decide how ties are handled and say why.`,
    },
    interviewerView: {
      solution: `**Technique:** aggregate reactions first, join to posts, rank within country. The tie rule decides the ranking function.

\`\`\`sql
WITH day_counts AS (
  SELECT post_id, COUNT(*) AS reactions
  FROM post_reactions
  WHERE ds = '2024-01-01'
  GROUP BY post_id
),
with_country AS (
  SELECT
    COALESCE(p.author_country, 'UNKNOWN') AS author_country,
    c.post_id,
    c.reactions
  FROM day_counts c
  JOIN posts p ON p.post_id = c.post_id      -- no ds filter possible: posts of any age get reactions
),
ranked AS (
  SELECT
    author_country,
    post_id,
    reactions,
    DENSE_RANK() OVER (PARTITION BY author_country ORDER BY reactions DESC) AS rnk
  FROM with_country
)
SELECT author_country, post_id, reactions, rnk
FROM ranked
WHERE rnk <= 3
ORDER BY author_country, rnk, post_id;
\`\`\`

**Tie handling (the point of the question):**
- \`ROW_NUMBER\`: exactly 3 rows per country; ties broken arbitrarily unless a tie-breaker (post_id) is added: non-deterministic output otherwise.
- \`RANK\`: all posts tied at the cut are included, and the next rank skips (1, 1, 3).
- \`DENSE_RANK\`: the top 3 distinct *counts*; can return many posts.
Any choice is fine if stated; picking ROW_NUMBER without a tie-breaker is the E4 answer.

**Traps:** aggregate before joining (the join then sees one row per reacted post, not one per reaction); \`posts\` cannot be pruned by the reaction date, so name it as the expensive side; NULL countries get an explicit label: a NULL group is legal, but consumers joining on country silently drop it.`,
      hints: [
        'Which is cheaper to join: every reaction, or one row per post?',
        'If two posts tie for third place, which should appear?',
      ],
      probes: [
        {
          level: 'E4',
          prompt: 'Two posts tie for third. What does your query return and is that deterministic?',
          lookFor: 'Knows the behaviour of their ranking function and adds a tie-breaker column if using ROW_NUMBER.',
        },
        {
          level: 'E5',
          prompt: 'posts is 40 TB and unpartitioned by anything useful for this query. How do you avoid scanning it all?',
          lookFor: 'Semi-join / dynamic filtering on the reacted post ids, bucketing posts by post_id, or a small daily dimension of recently active posts.',
        },
        {
          level: 'E6',
          prompt: 'Make this a per-country trending list refreshed every 5 minutes.',
          lookFor: 'Moves to a streaming top-K with approximate counts (count-min sketch or windowed counters), decay by recency, and guardrails against spam-driven reactions.',
        },
      ],
      signalKeys: ['sql.fluent-window-functions', 'sql.controls-join-fan-out', 'sql.guards-nulls-and-types', 'sql.names-partition-filter'],
    },
  },
  {
    slug: 'sql-ad-ctr-by-objective',
    roundKind: 'SQL',
    title: 'Click-through rate by campaign objective',
    difficulty: 'MEDIUM',
    candidateView: {
      prompt: `Tables:

\`\`\`sql
ad_impressions(impression_id BIGINT, ad_id BIGINT, user_id BIGINT, impression_ts TIMESTAMP, ds VARCHAR)  -- ~20B rows/day
ad_clicks(click_id BIGINT, impression_id BIGINT, click_ts TIMESTAMP, ds VARCHAR)                          -- partitioned by click date
dim_ad(ad_id BIGINT, advertiser_id BIGINT, objective VARCHAR)                                             -- ~8M rows, ~400 MB
\`\`\`

A user may click the same impression more than once. A click counts if it happens within **24 hours** of its impression.

Compute the click-through rate (clicked impressions / impressions) by \`objective\` for impressions served on **2024-01-01**.`,
    },
    interviewerView: {
      solution: `**Technique:** collapse clicks to one per impression, LEFT JOIN, pre-aggregate to \`ad_id\`, then broadcast the small dimension.

\`\`\`sql
WITH day_impressions AS (
  SELECT impression_id, ad_id, impression_ts
  FROM ad_impressions
  WHERE ds = '2024-01-01'
),
first_click AS (
  SELECT impression_id, MIN(click_ts) AS first_click_ts
  FROM ad_clicks
  WHERE ds IN ('2024-01-01', '2024-01-02')         -- a 24h window reaches into the next day
  GROUP BY impression_id
),
per_ad AS (
  SELECT
    i.ad_id,
    COUNT(*) AS impressions,
    COUNT_IF(c.first_click_ts <= i.impression_ts + INTERVAL '1' DAY) AS clicked_impressions
  FROM day_impressions i
  LEFT JOIN first_click c ON c.impression_id = i.impression_id
  GROUP BY i.ad_id
)
SELECT /*+ BROADCAST(d) */
  COALESCE(d.objective, 'UNKNOWN') AS objective,
  SUM(a.impressions) AS impressions,
  SUM(a.clicked_impressions) AS clicked_impressions,
  ROUND(1.0 * SUM(a.clicked_impressions) / NULLIF(SUM(a.impressions), 0), 4) AS ctr
FROM per_ad a
LEFT JOIN dim_ad d ON d.ad_id = a.ad_id
GROUP BY 1;
\`\`\`

(The hint is Spark syntax; in Presto set \`join_distribution_type = 'BROADCAST'\` or rely on the cost-based optimizer with table statistics.)

**Traps to watch for**
- **Fan-out:** joining clicks directly counts double clicks twice; CTR can exceed 100%. Take one row per impression first.
- **Next-day partition:** clicks late in the day land in \`ds = 2024-01-02\`; reading only 01-01 undercounts evening impressions. This also means the number is only final once 01-02 has landed: an SLA consequence worth saying.
- **NULL comparison:** \`first_click_ts <= ...\` is NULL for unclicked impressions, and COUNT_IF counts only TRUE, so they correctly count as not clicked.
- Joining the 20B-row fact to \`dim_ad\` before aggregating would shuffle the fact; aggregating to ~8M ad rows first makes the dimension join trivial either way.`,
      hints: [
        'Can an impression appear more than once after you join clicks to it?',
        'Which partitions of ad_clicks can contain a click on an impression served late on Jan 1?',
        'Which table is small enough to copy to every worker?',
      ],
      probes: [
        {
          level: 'E4',
          prompt: 'Your CTR for one objective is 1.3. What went wrong?',
          lookFor: 'Identifies fan-out from multiple clicks per impression and fixes it before the join, not with a DISTINCT in the final count.',
        },
        {
          level: 'E5',
          prompt: 'Dashboards want this at 9am for yesterday. Clicks for the last hours are not in yet. What do you publish?',
          lookFor: 'Publishes a provisional number with a completeness flag and restates it once the next partition lands, or reports CTR for impressions with a full 24h window only.',
        },
        {
          level: 'E6',
          prompt: 'Attribution changes to "a click on any device of the same person within 24h". What changes in the data and the query?',
          lookFor: 'Needs an identity mapping (device to person) as of the event time, via a bridge table; join on person and time window instead of impression_id; discusses the fan-out and skew of shared devices.',
        },
      ],
      signalKeys: [
        'sql.names-partition-filter',
        'sql.prunes-before-join',
        'sql.picks-join-strategy',
        'sql.controls-join-fan-out',
        'sql.guards-nulls-and-types',
      ],
      twists: [
        {
          key: 'late-clicks',
          title: 'Late-arriving clicks',
          prompt: 'The click logger had an outage and 6 hours of Jan 1 clicks arrive in the Jan 3 partition. How do you make the Jan 1 number right?',
          probesSignalKey: 'sql.names-partition-filter',
        },
      ],
    },
  },
  {
    slug: 'sql-rolling-seven-day-dau',
    roundKind: 'SQL',
    title: 'DAU with a trailing 7-day average',
    difficulty: 'EASY',
    candidateView: {
      prompt: `Table (partitioned by \`ds\`):

\`\`\`sql
daily_active(user_id BIGINT, platform VARCHAR, ds VARCHAR)
-- one row per user per platform per day: a user active on iOS and web has two rows
\`\`\`

For every day of **January 2024**, return \`day, dau, dau_7d_avg\`, where \`dau_7d_avg\` is the average of DAU over that day and the 6 days before it.

Note: the pipeline had an outage and the partition for **2024-01-10 is missing**.`,
    },
    interviewerView: {
      solution: `**Technique:** distinct count per day, then a date-based window frame.

\`\`\`sql
WITH per_day AS (
  SELECT
    CAST(ds AS DATE) AS day,
    COUNT(DISTINCT user_id) AS dau
  FROM daily_active
  WHERE ds BETWEEN '2023-12-26' AND '2024-01-31'    -- six trailing days for Jan 1
  GROUP BY CAST(ds AS DATE)
),
rolled AS (
  SELECT
    day,
    dau,
    AVG(dau) OVER (ORDER BY day RANGE BETWEEN INTERVAL '6' DAY PRECEDING AND CURRENT ROW) AS dau_7d_avg,
    COUNT(*) OVER (ORDER BY day RANGE BETWEEN INTERVAL '6' DAY PRECEDING AND CURRENT ROW) AS days_in_window
  FROM per_day
)
SELECT day, dau, dau_7d_avg, days_in_window
FROM rolled
WHERE day >= DATE '2024-01-01'
ORDER BY day;
\`\`\`

(Engines without RANGE-with-interval frames: build a calendar of dates, LEFT JOIN per_day to it, and use \`ROWS BETWEEN 6 PRECEDING AND CURRENT ROW\` over the calendar; averaging must then skip the NULL day, which AVG does.)

**Traps to watch for**
- **COUNT(*) instead of COUNT(DISTINCT user_id)** counts multi-platform users twice.
- **ROWS BETWEEN 6 PRECEDING** over data with a missing day spans 8 calendar days. Use a date RANGE or a calendar spine.
- **The missing day is unknown, not zero:** filling it with 0 drags the average down by ~14%. Averaging over the days present and exposing \`days_in_window\` is the honest answer; ask the interviewer which they want.
- **Start of range:** without reading from 12-26, the first six January averages are over fewer days.
- Filtering on \`CAST(ds AS DATE)\` instead of the raw \`ds\` string can defeat partition pruning on some engines.`,
      hints: [
        'Can one user appear twice on the same day?',
        'If a day is missing, how many calendar days does "6 rows preceding" cover?',
      ],
      probes: [
        {
          level: 'E4',
          prompt: 'Is the 7-day average of DAU the same as weekly active users?',
          lookFor: 'No: WAU counts distinct users across 7 days, so a daily user is counted once, not seven times; WAU is not additive across days.',
        },
        {
          level: 'E5',
          prompt: 'Compute a rolling 28-day distinct-user count (L28) for every day of 2024 cheaply.',
          lookFor: 'Not 365 separate 28-day distinct scans: a cumulative per-user last-active-date (or activity bitmap) table updated daily, counted by date threshold; or HyperLogLog sketches per day merged over 28 days.',
        },
        {
          level: 'E6',
          prompt: 'The missing partition is recovered next week. What else has to be recomputed and how do you make that safe?',
          lookFor: 'Every downstream window touching Jan 10 (the 7-day averages through Jan 16, L28s through Feb 6, cumulative tables from Jan 10 on); dependency-aware backfill with partition overwrites, idempotent re-runs and a note to consumers.',
        },
      ],
      signalKeys: ['sql.names-partition-filter', 'sql.fluent-window-functions', 'sql.guards-nulls-and-types', 'sql.states-grain-first'],
      twists: [
        {
          key: 'backfill-missing-day',
          title: 'Backfilling the missing day',
          prompt: 'The Jan 10 partition has just been restored. Walk me through everything that has to be recomputed.',
          probesSignalKey: 'sql.verifies-without-execution',
        },
      ],
    },
  },
  {
    slug: 'sql-signup-seven-day-conversion',
    roundKind: 'SQL',
    title: 'Seven-day purchase conversion of new signups',
    difficulty: 'MEDIUM',
    candidateView: {
      prompt: `Tables:

\`\`\`sql
users(user_id BIGINT, signup_ts TIMESTAMP, country_code VARCHAR, ds VARCHAR)            -- ds = signup date; country_code may be NULL
purchases(purchase_id BIGINT, user_id BIGINT, amount_usd DECIMAL(12,2), purchase_ts TIMESTAMP, ds VARCHAR)
\`\`\`

For users who signed up **2024-01-01 through 2024-01-07**, by country, return:
\`country_code, signups, converters, conversion_pct, revenue_per_signup\`

A converter made at least one purchase within **7 days** (168 hours) of their signup. \`revenue_per_signup\` is the 7-day revenue divided by **all** signups in the country.`,
    },
    interviewerView: {
      solution: `**Technique:** cohort CTE, per-user window revenue (aggregated *before* joining back), LEFT JOIN so non-converters stay in the denominator.

\`\`\`sql
WITH cohort AS (
  SELECT user_id, signup_ts, COALESCE(country_code, 'UNKNOWN') AS country_code
  FROM users
  WHERE ds BETWEEN '2024-01-01' AND '2024-01-07'
),
window_revenue AS (
  SELECT c.user_id, SUM(p.amount_usd) AS revenue_7d
  FROM cohort c
  JOIN purchases p
    ON  p.user_id = c.user_id
    AND p.purchase_ts >= c.signup_ts
    AND p.purchase_ts <  c.signup_ts + INTERVAL '7' DAY
  WHERE p.ds BETWEEN '2024-01-01' AND '2024-01-14'   -- last signup + 7 days
  GROUP BY c.user_id
)
SELECT
  c.country_code,
  COUNT(*)                                                  AS signups,
  COUNT(w.user_id)                                          AS converters,
  ROUND(100.0 * COUNT(w.user_id) / COUNT(*), 2)             AS conversion_pct,
  ROUND(SUM(COALESCE(w.revenue_7d, 0)) / COUNT(*), 2)       AS revenue_per_signup
FROM cohort c
LEFT JOIN window_revenue w ON w.user_id = c.user_id
GROUP BY c.country_code
ORDER BY signups DESC;
\`\`\`

**Traps to watch for**
- **LEFT JOIN then filtering the right side in WHERE** (\`WHERE p.ds BETWEEN ...\` after a LEFT JOIN to purchases) turns it into an inner join and drops non-converters: conversion becomes 100%. Here the inner join is deliberate and isolated in \`window_revenue\`.
- **Fan-out:** joining all purchases straight to the cohort and counting rows counts a user with 3 purchases as 3 converters. Aggregate per user first.
- **Denominator:** revenue per *signup*, not per converter: non-converters contribute 0 via COALESCE.
- **Pruning purchases:** the range must reach 7 days past the last signup day (01-14), but no further.
- NULL country gets an explicit label; a NULL group row is easy to drop by accident in any consumer that joins or filters on country.`,
      hints: [
        'Where do users with no purchases end up in your result?',
        'If one user buys three times, how many times are they counted as a converter?',
        'Which purchase partitions can contain a purchase inside the window?',
      ],
      probes: [
        {
          level: 'E4',
          prompt: 'Your conversion is 100% everywhere. Why?',
          lookFor: 'Finds that a WHERE condition on the outer-joined table removed the non-matching rows; moves it into the ON clause or a pre-filtered CTE.',
        },
        {
          level: 'E5',
          prompt: 'Refunds arrive as negative purchases up to 30 days later. How does that change the metric and when is it final?',
          lookFor: 'Decides whether refunds count against the 7-day window by purchase time or refund time, widens the partition scan accordingly, and labels the metric provisional until the refund window closes.',
        },
        {
          level: 'E6',
          prompt: 'Growth wants this daily for every cohort of the last year, by 10 acquisition channels. How do you make it cheap?',
          lookFor: 'A per-user cohort fact (signup date, channel, first purchase ts, cumulative revenue at d1/d7/d30) maintained incrementally, so the report is a scan of a small table; discusses late attribution of channel.',
        },
      ],
      signalKeys: [
        'sql.names-partition-filter',
        'sql.controls-join-fan-out',
        'sql.guards-nulls-and-types',
        'sql.decomposes-with-ctes',
        'sql.prunes-before-join',
      ],
    },
  },
  {
    slug: 'sql-friend-request-acceptance',
    roundKind: 'SQL',
    title: 'Friend request acceptance rate',
    difficulty: 'MEDIUM',
    candidateView: {
      prompt: `Tables (partitioned by the date of the event):

\`\`\`sql
friend_requests(sender_id BIGINT, receiver_id BIGINT, sent_ts TIMESTAMP, ds VARCHAR)
friend_accepts(sender_id BIGINT, receiver_id BIGINT, accepted_ts TIMESTAMP, ds VARCHAR)
\`\`\`

A sender can re-send a request to the same person (for example after it was ignored). An accept row uses the **original sender** as \`sender_id\`.

For requests sent on **2024-01-01**, what fraction were accepted within **3 days**? Count each sender/receiver pair once.`,
    },
    interviewerView: {
      solution: `**Technique:** dedupe both sides to one row per directed pair, LEFT JOIN on both columns, conditional count.

\`\`\`sql
WITH sent AS (
  SELECT sender_id, receiver_id, MIN(sent_ts) AS first_sent_ts
  FROM friend_requests
  WHERE ds = '2024-01-01'
  GROUP BY sender_id, receiver_id
),
accepted AS (
  SELECT sender_id, receiver_id, MIN(accepted_ts) AS accepted_ts
  FROM friend_accepts
  WHERE ds BETWEEN '2024-01-01' AND '2024-01-04'
  GROUP BY sender_id, receiver_id
)
SELECT
  COUNT(*) AS request_pairs,
  COUNT_IF(a.accepted_ts >= s.first_sent_ts
           AND a.accepted_ts < s.first_sent_ts + INTERVAL '3' DAY) AS accepted_within_3d,
  ROUND(1.0 * COUNT_IF(a.accepted_ts >= s.first_sent_ts
                       AND a.accepted_ts < s.first_sent_ts + INTERVAL '3' DAY) / COUNT(*), 4) AS acceptance_rate
FROM sent s
LEFT JOIN accepted a
  ON a.sender_id = s.sender_id
 AND a.receiver_id = s.receiver_id;
\`\`\`

**Traps to watch for**
- **Direction:** joining \`a.sender_id = s.receiver_id\` (or on one column) matches the wrong pairs. The pair is directed.
- **Re-sends** inflate the denominator unless deduped to the pair.
- **Accept partitions:** a request sent at 23:00 on Jan 1 can be accepted through Jan 4 at 23:00, so the scan covers 01-01..01-04.
- **An accept before the send** (of an earlier request, from before Jan 1) must not count: the \`>= first_sent_ts\` bound.
- Spam senders with 100k requests a day are a skewed key; fine for this aggregate, but worth naming for joins on sender_id.`,
      hints: [
        'What is the grain of the denominator: a request row or a pair?',
        'Which accept partitions can hold an accept for a request sent late on Jan 1?',
      ],
      probes: [
        {
          level: 'E4',
          prompt: 'Break the rate down by whether sender and receiver had a mutual friend at send time.',
          lookFor: 'Joins a friendship snapshot for ds = 2024-01-01 (the state at send time, not today), computes mutual-friend existence as a separate aggregated CTE, avoids fan-out.',
        },
        {
          level: 'E5',
          prompt: 'Friendships are stored once per pair as (smaller_id, larger_id). Mutual-friend counts for every pair then explode. Why, and what do you do?',
          lookFor: 'Symmetrise the edge list first; the self-join is quadratic in degree, so celebrity nodes dominate; cap or exclude high-degree nodes, or sample, and say what that does to the metric.',
        },
        {
          level: 'E6',
          prompt: 'Acceptance rate fell from 42% to 38% after a "People You May Know" ranking change. Is the new ranking worse?',
          lookFor: 'Not necessarily: more requests sent to weaker ties lowers the rate while raising total accepted friendships; proposes accepted friendships per sender and downstream engagement as the real metric, rate as a guardrail.',
        },
      ],
      signalKeys: ['sql.names-partition-filter', 'sql.states-grain-first', 'sql.controls-join-fan-out', 'sql.verifies-without-execution'],
    },
  },
  {
    slug: 'sql-longest-login-streak',
    roundKind: 'SQL',
    title: 'Longest daily login streak',
    difficulty: 'HARD',
    candidateView: {
      prompt: `Table (partitioned by \`ds\`, UTC):

\`\`\`sql
user_logins(user_id BIGINT, login_ts TIMESTAMP, device_type VARCHAR, ds VARCHAR)
-- a user can log in many times a day
\`\`\`

For **Q1 2024**, return each user's **longest run of consecutive days** with at least one login:
\`user_id, streak_start, streak_days\`. If a user has two equally long streaks, return the earlier one.`,
    },
    interviewerView: {
      solution: `**Technique:** gaps and islands. On consecutive days, \`day - row_number\` is constant, so it labels the island.

\`\`\`sql
WITH login_days AS (
  SELECT DISTINCT user_id, CAST(ds AS DATE) AS login_day
  FROM user_logins
  WHERE ds BETWEEN '2024-01-01' AND '2024-03-31'
),
islands AS (
  SELECT
    user_id,
    login_day,
    date_add('day', -ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY login_day), login_day) AS island_id
  FROM login_days
),
streaks AS (
  SELECT user_id, island_id, MIN(login_day) AS streak_start, COUNT(*) AS streak_days
  FROM islands
  GROUP BY user_id, island_id
),
best AS (
  SELECT
    user_id, streak_start, streak_days,
    ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY streak_days DESC, streak_start) AS pick
  FROM streaks
)
SELECT user_id, streak_start, streak_days
FROM best
WHERE pick = 1;
\`\`\`

**Traps to watch for**
- **DISTINCT per day is essential:** two logins on one day make the row number advance twice and split a streak.
- The island id is a date with no meaning of its own; it only has to be constant within a run.
- \`ROW_NUMBER\` (not RANK) in \`best\`, with the explicit tie-breaker the prompt asked for.
- Day boundaries are UTC because \`ds\` is; for a user in UTC-8 an evening login lands on "tomorrow". Raising the timezone question is a good sign.
- Alternative: LAG to flag breaks and a running SUM (the sessionization pattern) works too.`,
      hints: [
        'For a run of consecutive days, what happens if you subtract the row number from the date?',
        'What does your row number do if a user logs in three times on one day?',
      ],
      probes: [
        {
          level: 'E4',
          prompt: 'Return only users whose longest streak is at least 30 days, with the count per device type they used most.',
          lookFor: 'Filters the streaks CTE, computes the modal device in a separate aggregate joined on user_id; no fan-out.',
        },
        {
          level: 'E5',
          prompt: 'Product wants the current streak for every user, updated daily, for a streak badge. Scanning all history daily is too slow.',
          lookFor: 'Incremental state: yesterday\'s (user, current_streak, last_login_day) full-outer-joined with today\'s logins; streak increments, resets to 1, or drops; one partition read per day.',
        },
        {
          level: 'E6',
          prompt: 'Streaks must be in each user\'s local time, and users travel. What changes?',
          lookFor: 'Needs a local day per login (timezone at event time, from device or profile history), partition reads widened by a day on each side, and a rule for days that are 23 or 25 hours or repeated when travelling.',
        },
      ],
      signalKeys: ['sql.fluent-window-functions', 'sql.states-grain-first', 'sql.decomposes-with-ctes', 'sql.verifies-without-execution'],
    },
  },
  {
    slug: 'sql-revenue-by-historical-region',
    roundKind: 'SQL',
    title: 'Revenue by the customer\'s region at purchase time',
    difficulty: 'MEDIUM',
    candidateView: {
      prompt: `Tables:

\`\`\`sql
orders(order_id BIGINT, customer_id VARCHAR, order_ts TIMESTAMP, amount_usd DECIMAL(12,2), ds VARCHAR)
-- customer_id is a string in this legacy table; a few rows hold 'guest'

dim_customer(customer_key BIGINT, customer_id BIGINT, region VARCHAR,
             effective_date DATE, expiry_date DATE, is_current BOOLEAN)
-- SCD Type 2: expiry_date is NULL on the current row; a new version's effective_date equals
-- the previous version's expiry_date
\`\`\`

Return total order revenue for **January 2024** by the **region the customer was in when they ordered**.`,
    },
    interviewerView: {
      solution: `**Technique:** point-in-time join to the SCD2 dimension on a half-open validity interval, with an explicit cast of the mismatched key.

\`\`\`sql
WITH jan_orders AS (
  SELECT
    order_id,
    TRY_CAST(customer_id AS BIGINT) AS customer_id,   -- 'guest' becomes NULL instead of failing
    CAST(order_ts AS DATE)          AS order_date,
    amount_usd
  FROM orders
  WHERE ds BETWEEN '2024-01-01' AND '2024-01-31'
),
with_region AS (
  SELECT
    o.order_id,
    o.amount_usd,
    COALESCE(c.region, 'UNKNOWN') AS region
  FROM jan_orders o
  LEFT JOIN dim_customer c
    ON  c.customer_id = o.customer_id
    AND o.order_date >= c.effective_date
    AND o.order_date <  COALESCE(c.expiry_date, DATE '9999-12-31')
)
SELECT region, COUNT(*) AS orders, SUM(amount_usd) AS revenue_usd
FROM with_region
GROUP BY region
ORDER BY revenue_usd DESC;
\`\`\`

**Traps to watch for**
- **\`is_current = TRUE\`** gives today's region, which is the common wrong answer.
- **Closed interval on both ends** (\`<= expiry_date\`) double-matches orders on the change day because the next version starts that day: revenue is inflated. Half-open fixes it. Check: \`COUNT(*)\` must equal \`COUNT(DISTINCT order_id)\`.
- **NULL expiry** on the current row needs COALESCE, otherwise every current-version match is lost.
- **Type mismatch:** comparing VARCHAR to BIGINT makes some engines cast the BIGINT side to string (no match on '0042') or fail on 'guest'. Cast explicitly with TRY_CAST and count the NULLs.
- LEFT JOIN so guest orders and orders with no matching version still count, under UNKNOWN.
- Range joins cannot be hash joins on the interval; the equality on customer_id is what keeps it a hash join.`,
      hints: [
        'Which dimension row describes the customer on the order date?',
        'An order placed on the day a customer moved: how many dimension rows match it?',
        'What happens when you compare a VARCHAR to a BIGINT?',
      ],
      probes: [
        {
          level: 'E4',
          prompt: 'How would you check your query does not double count?',
          lookFor: 'Compares COUNT(*) with COUNT(DISTINCT order_id), or totals against the unjoined revenue.',
        },
        {
          level: 'E5',
          prompt: 'This point-in-time join runs in 20 dashboards. How would you remove it?',
          lookFor: 'Stamp the valid customer_key onto the order fact at load time, so readers do an equality join; handle orders whose dimension row arrives late with an inferred member.',
        },
        {
          level: 'E6',
          prompt: 'A region change is discovered to have been backdated by two weeks. What has to change, and in which tables?',
          lookFor: 'Fix the dimension versions (split/adjust intervals), re-stamp affected facts in the two weeks of partitions, restate downstream aggregates, and communicate the restatement; discusses whether finance numbers may change after close.',
        },
      ],
      signalKeys: [
        'sql.guards-nulls-and-types',
        'sql.controls-join-fan-out',
        'sql.names-partition-filter',
        'sql.verifies-without-execution',
      ],
      twists: [
        {
          key: 'schema-drift-key-type',
          title: 'Upstream key type change',
          prompt: 'The orders team starts writing customer_id as a UUID string for new customers next week. What breaks and how should you have caught it?',
          probesSignalKey: 'sql.guards-nulls-and-types',
        },
      ],
    },
  },
  {
    slug: 'sql-time-to-first-comment',
    roundKind: 'SQL',
    title: 'Time to first comment',
    difficulty: 'MEDIUM',
    candidateView: {
      prompt: `Tables (each partitioned by its own creation date):

\`\`\`sql
posts(post_id BIGINT, author_id BIGINT, created_ts TIMESTAMP, ds VARCHAR)
comments(comment_id BIGINT, post_id BIGINT, commenter_id BIGINT, created_ts TIMESTAMP, ds VARCHAR)
\`\`\`

For posts created on **2024-01-01**, return:
- the share of posts that received a comment **from someone other than the author** within **48 hours**, and
- the **median minutes** to that first comment, among posts that got one.`,
    },
    interviewerView: {
      solution: `**Technique:** per-post MIN over qualifying comments, LEFT JOIN to keep uncommented posts in the denominator, approximate median.

\`\`\`sql
WITH day_posts AS (
  SELECT post_id, author_id, created_ts
  FROM posts
  WHERE ds = '2024-01-01'
),
first_reply AS (
  SELECT p.post_id, MIN(c.created_ts) AS first_comment_ts
  FROM day_posts p
  JOIN comments c
    ON  c.post_id = p.post_id
    AND c.commenter_id <> p.author_id
    AND c.created_ts < p.created_ts + INTERVAL '48' HOUR
  WHERE c.ds BETWEEN '2024-01-01' AND '2024-01-03'
  GROUP BY p.post_id
)
SELECT
  COUNT(*)                                          AS posts,
  COUNT(f.post_id)                                  AS posts_with_reply_48h,
  ROUND(1.0 * COUNT(f.post_id) / COUNT(*), 4)       AS reply_rate,
  approx_percentile(date_diff('second', p.created_ts, f.first_comment_ts) / 60.0, 0.5)
                                                    AS median_minutes_to_first_reply
FROM day_posts p
LEFT JOIN first_reply f ON f.post_id = p.post_id;
\`\`\`

**Traps to watch for**
- **Self-comments** (authors replying to themselves) must be excluded: needs the author from \`posts\` inside the join condition.
- **Denominator:** posts with no reply must stay in the share (LEFT JOIN); the median is over replied posts only (approx_percentile ignores NULLs).
- **Partitions:** a post at 23:59 on Jan 1 can get a qualifying comment until Jan 3 23:59.
- **Exact median** (\`percentile_cont\`) is not available in Presto; \`approx_percentile\` is the idiom, with a small known error. Saying so is a plus.
- A viral post with 5M comments is a skewed join key; MIN is decomposable so partial aggregation absorbs it, but a non-decomposable metric would need salting.`,
      hints: [
        'Which comments qualify? Who must not have written them?',
        'Where do posts with no comments go in your output?',
      ],
      probes: [
        {
          level: 'E4',
          prompt: 'Split the result by whether the author has more than 1,000 followers.',
          lookFor: 'Joins a follower-count snapshot for the post date, buckets it, groups by the bucket; keeps the LEFT JOIN semantics.',
        },
        {
          level: 'E5',
          prompt: 'Why might the mean be misleading here, and what would you show instead?',
          lookFor: 'Heavy right tail (posts answered days later) dominates the mean; shows p50/p90 and the reply rate together because the median is conditional on getting a reply.',
        },
        {
          level: 'E6',
          prompt: 'Median time to first comment got 20% faster after a ranking change. Is that good news?',
          lookFor: 'Checks the reply rate and mix: if fewer posts get replies but those that do are popular ones, the median improves while the experience worsens; asks for the metric conditioned on comparable posts or from the experiment arms.',
        },
      ],
      signalKeys: ['sql.names-partition-filter', 'sql.guards-nulls-and-types', 'sql.controls-join-fan-out', 'sql.mitigates-skew'],
    },
  },
  {
    slug: 'sql-daily-growth-accounting',
    roundKind: 'SQL',
    title: 'Daily growth accounting',
    difficulty: 'HARD',
    candidateView: {
      prompt: `Tables:

\`\`\`sql
daily_active(user_id BIGINT, ds VARCHAR)                   -- one row per active user per day
dim_users(user_id BIGINT, signup_ds VARCHAR, ds VARCHAR)    -- full daily snapshot: partition ds holds every user as of that day
\`\`\`

For **2024-01-02**, classify users into:
- **new**: signed up that day and active,
- **retained**: active that day and the day before,
- **resurrected**: active that day, not the day before, and not new,
- **churned**: active the day before but not that day.

Return \`state, users\`.`,
    },
    interviewerView: {
      solution: `**Technique:** FULL OUTER JOIN of the two days' active sets, plus a lookup for new users, then a CASE ladder in priority order.

\`\`\`sql
WITH today AS (
  SELECT DISTINCT user_id FROM daily_active WHERE ds = '2024-01-02'
),
yesterday AS (
  SELECT DISTINCT user_id FROM daily_active WHERE ds = '2024-01-01'
),
signed_up_today AS (
  SELECT user_id
  FROM dim_users
  WHERE ds = '2024-01-02'            -- one snapshot, or every user appears once per snapshot
    AND signup_ds = '2024-01-02'
),
classified AS (
  SELECT
    CASE
      WHEN t.user_id IS NOT NULL AND n.user_id IS NOT NULL THEN 'new'
      WHEN t.user_id IS NOT NULL AND y.user_id IS NOT NULL THEN 'retained'
      WHEN t.user_id IS NOT NULL                          THEN 'resurrected'
      ELSE 'churned'
    END AS state
  FROM today t
  FULL OUTER JOIN yesterday y ON y.user_id = t.user_id
  LEFT JOIN signed_up_today n ON n.user_id = t.user_id
)
SELECT state, COUNT(*) AS users
FROM classified
GROUP BY state
ORDER BY state;
\`\`\`

**Checks a strong candidate states:** new + retained + resurrected = DAU(Jan 2); retained + churned = DAU(Jan 1).

**Traps to watch for**
- **Snapshot dimension without \`ds\`**: every user appears once per daily snapshot, so the join fans out by the number of snapshots.
- **FULL OUTER JOIN** is needed to see churned users; an inner or left join from today cannot.
- **CASE order:** "new" must be tested before "resurrected" (a new user was not active yesterday either).
- A new user who signed up just before midnight and was active both days: the definition says new wins; worth confirming.`,
      hints: [
        'Which join shows you users present on one day but not the other, in both directions?',
        'Which category must be checked first in your CASE?',
        'How many rows does one user have across all partitions of dim_users?',
      ],
      probes: [
        {
          level: 'E4',
          prompt: 'Give me the same table for every day of January in one query.',
          lookFor: 'Joins daily_active to itself on user_id and day + 1 in both directions over the month (plus Dec 31), or uses LAG/LEAD per user over active days; keeps the identity checks.',
        },
        {
          level: 'E5',
          prompt: 'Switch to 28-day definitions: a user is "active" if active in the trailing 28 days. How do you compute it without scanning 28 partitions per day?',
          lookFor: 'Cumulative per-user table with last-active date or a 28-bit activity mask shifted daily; state transitions computed from yesterday\'s row plus today\'s activity.',
        },
        {
          level: 'E6',
          prompt: 'Resurrections jumped 40% on one day. Walk me through what you suspect and check.',
          lookFor: 'Logging outage the day before (users look churned then resurrected), a bot cleanup reversal, a notification campaign, or an identity merge; checks the previous day\'s DAU and churned counts and the identity pipeline first.',
        },
      ],
      signalKeys: [
        'sql.states-grain-first',
        'sql.controls-join-fan-out',
        'sql.verifies-without-execution',
        'sql.names-partition-filter',
        'sql.decomposes-with-ctes',
      ],
      twists: [
        {
          key: 'logging-gap',
          title: 'A partial partition',
          prompt: 'The Jan 1 partition is only 70% complete because a logging host was down. What happens to your four numbers?',
          probesSignalKey: 'sql.verifies-without-execution',
        },
      ],
    },
  },
];
