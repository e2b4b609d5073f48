import type { Signal } from '../signal-types';

export const SQL_SIGNALS: Signal[] = [
  {
    key: 'sql.names-partition-filter',
    roundKind: 'SQL',
    label: 'Names the partition filter up front',
    lookFor:
      'Before typing, says which partition column bounds the scan (ds, and hour if present) and the exact range, including extra partitions the logic needs (the previous day for LAG across midnight, the next day for late clicks).',
    anchors: {
      E4: 'Starts writing SELECT immediately; adds WHERE ds = ... only when the interviewer asks how much data this reads.',
      E5: 'Says "I\'ll filter on ds for that day" before writing, but misses that a 7-day window or late events need a wider range.',
      E6: 'Says "ds between 12-26 and 01-31: the first week of January needs six trailing days" and why, before the first CTE.',
    },
    rule: { kind: 'TIMED', withinSeconds: 120 },
  },
  {
    key: 'sql.states-grain-first',
    roundKind: 'SQL',
    label: 'States the output grain before writing steps',
    lookFor:
      'Says what one output row represents ("one row per user per session", "one row per week") and the grain of each input table, before writing the first CTE.',
    anchors: {
      E4: 'Writes the query, then discovers the result has one row per event when one per user was wanted.',
      E5: 'States the output grain but assumes the input is one row per user per day without checking.',
      E6: 'States output grain and input grain, notices they differ ("logins are per event, I need per day, so DISTINCT first"), then writes.',
    },
    rule: { kind: 'ORDERED', before: 'sql.decomposes-with-ctes', whenPairAbsent: 'MET' },
  },
  {
    key: 'sql.decomposes-with-ctes',
    roundKind: 'SQL',
    label: 'Decomposes logic into named CTEs',
    lookFor:
      'Each CTE does one thing and its name says what (filtered input, per-user aggregate, ranked), so the query can be read and checked step by step without running it.',
    anchors: {
      E4: 'One nested query three subqueries deep; the interviewer cannot follow it and neither can the candidate when a bug appears.',
      E5: 'Uses CTEs, but named t1, t2, t3, or one CTE that filters, joins and aggregates at once.',
      E6: 'Named steps (day_events, first_click_per_impression, per_week) that each have an obvious grain, which makes the final SELECT trivial.',
    },
    rule: { kind: 'PRESENCE' },
  },
  {
    key: 'sql.prunes-before-join',
    roundKind: 'SQL',
    label: 'Prunes partitions before any join or aggregation',
    lookFor:
      'The partition predicate sits in the first step that reads each large table, on every large table, so no JOIN or GROUP BY ever sees unpruned data.',
    anchors: {
      E4: 'Filters ds in the outer WHERE after a join, or on only one of the two fact tables.',
      E5: 'Filters both fact tables early but wraps ds in a function (CAST(ds AS DATE) = ...) that some engines cannot prune on.',
      E6: 'Filters every fact table on its raw partition column in its own CTE and says which side would otherwise scan trillions of rows.',
    },
    rule: { kind: 'ORDERED', before: 'sql.picks-join-strategy', whenPairAbsent: 'MET' },
  },
  {
    key: 'sql.picks-join-strategy',
    roundKind: 'SQL',
    label: 'Chooses the join strategy deliberately',
    lookFor:
      'Sizes each join side; broadcasts a small dimension (roughly under 1 GB) so the fact table is not shuffled, and reduces the large side (aggregate first) before joining.',
    anchors: {
      E4: 'Joins everything and lets the engine decide; cannot say what gets shuffled.',
      E5: 'Knows the dimension is small and mentions a broadcast join when asked about performance.',
      E6: 'Unprompted: "dim_ad is about 50 MB, so broadcast it (BROADCAST hint, or join_distribution_type in Presto); I aggregate impressions to ad_id first so the join sees millions of rows, not billions."',
    },
    rule: { kind: 'PRESENCE' },
  },
  {
    key: 'sql.mitigates-skew',
    roundKind: 'SQL',
    label: 'Mitigates skew when the schema implies it',
    lookFor:
      'Spots a hot key (viral creator, celebrity account, bot) and salts it: a two-pass aggregation, or a salted join that replicates the small side; knows which aggregates survive salting.',
    anchors: {
      E4: 'Does not see a problem until told one reducer runs out of memory.',
      E5: 'Proposes a random salt and a second-pass SUM, but applies it to COUNT(DISTINCT), which then double-counts.',
      E6: 'Salts with a hash of the distinct column so each viewer lands in one bucket and per-bucket distinct counts add up exactly; notes map-side partial aggregation already protects plain COUNT(*).',
    },
    rule: { kind: 'PRESENCE' },
  },
  {
    key: 'sql.guards-nulls-and-types',
    roundKind: 'SQL',
    label: 'Guards NULLs and types defensively',
    lookFor:
      'COALESCE where NULL would silently drop rows or poison sums; NULLIF on denominators; explicit CAST/TRY_CAST when join keys differ in type; knows COUNT(col) skips NULLs.',
    anchors: {
      E4: 'AVG over a LEFT JOIN that leaves NULLs, so users with no purchases vanish from the average.',
      E5: 'Adds COALESCE when the interviewer points at the NULL rows.',
      E6: 'Calls out "customer_id is VARCHAR in orders and BIGINT in the dimension: TRY_CAST, and count the rows that fail" before joining.',
    },
    rule: { kind: 'PRESENCE' },
  },
  {
    key: 'sql.controls-join-fan-out',
    roundKind: 'SQL',
    label: 'Controls join fan-out',
    lookFor:
      'Checks each join\'s cardinality; collapses the many side (MIN, DISTINCT, pre-aggregate) before joining; uses half-open intervals on SCD2 joins so one fact matches one version.',
    anchors: {
      E4: 'Joins impressions to clicks directly, so an impression clicked twice counts twice and CTR can exceed 1.',
      E5: 'Notices double counting when the numbers look off and patches it with COUNT(DISTINCT).',
      E6: 'Says "clicks are many per impression: take the first click per impression first" and checks COUNT(*) = COUNT(DISTINCT order_id) as a guard.',
    },
    rule: { kind: 'PRESENCE' },
  },
  {
    key: 'sql.fluent-window-functions',
    roundKind: 'SQL',
    label: 'Fluent with window functions',
    lookFor:
      'Picks ROW_NUMBER vs RANK vs DENSE_RANK by the tie rule asked for; LAG/LEAD for gaps; states the frame (ROWS vs RANGE) when it matters; knows ORDER BY inside a window defaults to a RANGE frame.',
    anchors: {
      E4: 'Uses ROW_NUMBER for a "top 3 with ties" question and silently drops tied rows.',
      E5: 'Chooses the right ranking function but uses ROWS BETWEEN 6 PRECEDING for a 7-day window over data with missing days.',
      E6: 'Asks how ties should behave, picks the function from the answer, and explains why a RANGE frame on dates is right when days can be missing.',
    },
    rule: { kind: 'PRESENCE' },
  },
  {
    key: 'sql.verifies-without-execution',
    roundKind: 'SQL',
    label: 'Verifies the query without running it',
    lookFor:
      'Walks two or three hand-made rows through the query (first row of a partition, ties, empty window, last incomplete period) and states an invariant the result must satisfy.',
    anchors: {
      E4: 'Says "that should work" and moves on.',
      E5: 'Traces the happy path for one user.',
      E6: 'Traces the edge rows and states a check: "new + retained + resurrected must equal today\'s DAU; retained + churned must equal yesterday\'s".',
    },
    rule: { kind: 'PRESENCE' },
  },
];
