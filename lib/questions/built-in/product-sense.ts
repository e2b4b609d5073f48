import type { Question } from '../question-types';

export const PRODUCT_SENSE_QUESTIONS: Question[] = [
  {
    slug: 'product-dau-drop-tuesday',
    roundKind: 'PRODUCT_SENSE',
    title: 'DAU dropped 8% on Tuesday',
    difficulty: 'MEDIUM',
    candidateView: {
      prompt: `The daily dashboard shows **DAU down 8% on Tuesday 2024-01-09** compared with Monday. Leadership asks what happened.

Available tables:

\`\`\`sql
fact_daily_active(user_id BIGINT, platform VARCHAR, app_version VARCHAR, country_code CHAR(2), ds VARCHAR)
-- one row per user per platform per active day
\`\`\`

Walk through your investigation. For each step, say what you expect to find and the query you would run.`,
    },
    interviewerView: {
      solution: `**Frame (first two minutes):** DAU = distinct users with a qualifying activity per UTC day. Guardrail context: sessions per DAU and crash rate. Before analysis: is 8% outside normal variance? A Tuesday vs Monday comparison is the wrong baseline; compare with previous Tuesdays.

**Layer 1: is the data trustworthy?** Hypothesis: the Tuesday partition is incomplete or an event definition changed.

\`\`\`sql
SELECT ds, COUNT(DISTINCT user_id) AS dau, COUNT(*) AS user_platform_rows
FROM fact_daily_active
WHERE ds BETWEEN '2023-12-12' AND '2024-01-10'
GROUP BY ds
ORDER BY ds;
\`\`\`
Plus pipeline metadata: partition landing time, upstream row counts per hour, logging-service incidents. A drop confined to some hours with zero rows is a pipeline gap, not users.

**Layer 2: where is the drop?** Hypothesis: it is localised. Predict: a client bug shows on one platform/app version; a regional event shows in one country across platforms.

\`\`\`sql
SELECT platform, app_version, ds, COUNT(DISTINCT user_id) AS dau
FROM fact_daily_active
WHERE ds IN ('2024-01-02', '2024-01-09')           -- Tuesday vs the Tuesday before
GROUP BY platform, app_version, ds;
\`\`\`
Repeat by country. If Android on the newest version carries the drop: crash, login, or push-notification failure in that release.

**Layer 3: what happened?** Release calendar (Android release Monday night?), experiment ramps, outages (internal status, Downdetector), holidays in large markets, competitor launches.

**Layer 4: is it the metric?** Day-of-week shape and the same week last year:

\`\`\`sql
WITH daily AS (
  SELECT CAST(ds AS DATE) AS day, COUNT(DISTINCT user_id) AS dau
  FROM fact_daily_active
  WHERE ds BETWEEN '2023-01-01' AND '2023-12-31'
  GROUP BY CAST(ds AS DATE)
)
SELECT day_of_week(day) AS dow, AVG(dau) AS avg_dau
FROM daily
GROUP BY day_of_week(day)
ORDER BY dow;
\`\`\`
(The DAU per day must be computed first: the fact table has no dau column to average.)

**Recommendation format:** "If it is the Android release: roll back, add crash-free sessions as a release-gate guardrail, and annotate the dashboard. If it is a logging gap: backfill and mark Tuesday as restated. If it is a holiday in India: no action, add holiday annotations to the alerting baseline."`,
      hints: [
        'Is Monday the right baseline for a Tuesday?',
        'Before blaming users, what could make the number wrong?',
        'If it were an app bug, what would the platform split look like? If it were a holiday?',
      ],
      probes: [
        {
          level: 'E4',
          prompt: 'The drop is entirely Android version 412. What next?',
          lookFor: 'Checks crash rate, login success and notification delivery for that version; release notes; whether users are opening the app but failing to log activity (instrumentation) vs not opening it.',
        },
        {
          level: 'E5',
          prompt: 'Everything looks normal by platform and country, but DAU is still down 8%. Now what?',
          lookFor: 'Checks definition/instrumentation change (a qualifying event removed), dedup or identity pipeline changes (users merged), bot-filter changes; compares with an independent source (server logs).',
        },
        {
          level: 'E6',
          prompt: 'How would you make sure the next drop like this is detected and explained within an hour, not a day?',
          lookFor: 'Hourly DAU with seasonality-aware anomaly detection, automatic segment decomposition (which dimension explains the delta), data-quality checks that flag partial partitions before dashboards update, and a runbook owned by someone.',
        },
      ],
      signalKeys: [
        'product.defines-north-star-and-guardrails',
        'product.checks-integrity-first',
        'product.segments-population',
        'product.states-hypothesis-first',
        'product.specifies-query',
        'product.checks-internal-external-events',
        'product.checks-metric-mechanics',
        'product.recommends-conditional-actions',
      ],
    },
  },
  {
    slug: 'product-comments-drop-wow',
    roundKind: 'PRODUCT_SENSE',
    title: 'Comments fell 10% week over week',
    difficulty: 'HARD',
    candidateView: {
      prompt: `Total comments on feed posts fell **10% week over week**. Nothing is obviously broken. You own the engagement data for feed.

Investigate: how do you find out whether this is real, what caused it, and what the team should do?

You may assume tables for comments, reactions, posts, daily active users, experiments (assignment per user) and app releases.`,
    },
    interviewerView: {
      solution: `**Frame:** North Star for feed engagement (e.g. meaningful interactions per DAU); comments are a component. Guardrails: DAU, time spent, integrity (spam comments removed). Define the metric exactly: total comments vs comments per DAU; which surfaces (feed only, or also groups/reels).

**Layer 1: data integrity.** Logging changes in the comment composer, pipeline delays on the last day, schema drift in the comment event, spam-filter changes (removed comments excluded?). Query: comments per hour for both weeks, and the ratio of logged comment events to comments stored server-side.

**Layer 2: population.** Platform, app version, country, user tenure, and **surface** (feed vs groups vs video). Hypotheses:
- one app version: composer bug;
- one country: holiday or outage;
- creators' posts only: ranking change showing fewer comment-prone posts.

**Layer 3: events.** Launches and experiment ramps in the week. Key substitution hypothesis: a **Reactions-on-comments or quick-reply launch**. If true: the drop concentrates in the treatment arm, reactions per user rose, and total interactions are flat.

\`\`\`sql
WITH arm AS (
  SELECT user_id, variant
  FROM experiment_assignment
  WHERE experiment_name = 'comment_reactions_v2' AND ds = '2024-03-10'
),
per_user AS (
  SELECT c.user_id, COUNT(*) AS comments
  FROM comments c
  WHERE c.ds BETWEEN '2024-03-04' AND '2024-03-10'
  GROUP BY c.user_id
)
SELECT a.variant,
       COUNT(*) AS users,
       AVG(COALESCE(p.comments, 0)) AS comments_per_user
FROM arm a
LEFT JOIN per_user p ON p.user_id = a.user_id
GROUP BY a.variant;
\`\`\`

**Layer 4: metric mechanics.** Last week might have been inflated (a major news event or holiday), so compare with the 4-week trend and the same week last year. Check the denominator: if DAU rose with low-engagement new users, comments per DAU fall while existing users' behaviour is unchanged (mix shift): compute the metric for a fixed cohort of users active in both weeks.

**Recommendation:** if substitution, report comments + comment reactions together and re-baseline goals; if composer bug, fix and add comment-send success rate as a release guardrail; if mix shift, report per-cohort metrics; if last week was the outlier, no action.`,
      hints: [
        'Could a launch make users comment less while engaging just as much?',
        'Was last week normal?',
        'What happens to per-user metrics when many new, light users join?',
      ],
      probes: [
        {
          level: 'E4',
          prompt: 'What is the first query you would run, and why that one?',
          lookFor: 'An integrity check (hourly volume both weeks, or client vs server counts) justified by "rule out the data before the product".',
        },
        {
          level: 'E5',
          prompt: 'The drop is only among users in the treatment arm of a new quick-reactions experiment. Should the team roll it back?',
          lookFor: 'Looks at total interactions, recipients\' experience (comments received matter to posters: do posters return less?), long-term retention; decision depends on the North Star, not on comments alone.',
        },
        {
          level: 'E6',
          prompt: 'Leadership wants comments as a team goal for next half. Do you agree?',
          lookFor: 'Argues for a goal that captures the intent (meaningful conversations per DAU) with comments as a component, names how a comment goal can be gamed (low-quality prompts, spam), proposes guardrails and a review cadence.',
        },
      ],
      signalKeys: [
        'product.defines-north-star-and-guardrails',
        'product.checks-integrity-first',
        'product.segments-population',
        'product.states-hypothesis-first',
        'product.specifies-query',
        'product.checks-internal-external-events',
        'product.checks-metric-mechanics',
        'product.recommends-conditional-actions',
      ],
    },
  },
  {
    slug: 'product-marketplace-metrics-framework',
    roundKind: 'PRODUCT_SENSE',
    title: 'Metrics for a peer-to-peer marketplace',
    difficulty: 'MEDIUM',
    candidateView: {
      prompt: `You are the first data engineer on a peer-to-peer marketplace (people listing second-hand items for local buyers). The team asks you to:

1. Define how success is measured.
2. Design the core tables and pipelines needed to report those metrics daily.
3. Say which metric you would watch most closely in the first week after a "Make an offer" button launches.`,
    },
    interviewerView: {
      solution: `**North Star:** weekly completed transactions (or weekly GMV). Defend the choice: GMV rewards high-priced items and may hide declining liquidity; completed transactions reflect matched buyers and sellers. Either is fine if defended.

**Leading metrics:** new listings per day and listing quality (photos, price), search-to-listing-view CTR, message rate per listing view, seller response time, share of listings with a first message within 24 h (liquidity).

**Guardrails (unprompted):** buyer dispute/scam-report rate, seller churn, time to first response, p50 search latency, share of listings removed for policy.

**Decision rule for launches:** ship if the North Star or a validated leading metric improves and no guardrail degrades beyond a pre-agreed threshold; scam reports are a veto.

**Data model sketch:**
- \`fact_listing_event\` (created, edited, price-changed, sold, removed), \`fact_listing_daily\` periodic snapshot (active listings, price) per listing per day.
- \`fact_message\` (buyer-seller conversation events), \`fact_offer\` (new: offer made/accepted/declined/countered).
- \`fact_transaction\` (one row per completed sale; completion is often inferred from "marked sold" and is noisy: say so).
- Dimensions: user (buyer/seller roles, Type 2 on location), category, geography.

**"Make an offer" first week:** offer acceptance rate and time-to-transaction are the feature metrics, but the one to watch is **completed transactions per listing view** in the experiment arms (is the funnel converting better?), with guardrails: message volume (did offers replace conversations that built trust?), scam reports (lowballing and fraud patterns), seller churn (sellers annoyed by lowball offers).`,
      hints: [
        'What single number best reflects buyers and sellers successfully trading?',
        'What could go wrong for sellers when buyers can make offers?',
        'How would you know a leading metric actually predicts the North Star?',
      ],
      probes: [
        {
          level: 'E4',
          prompt: 'How do you know a transaction completed when payment happens offline?',
          lookFor: 'Proxies ("marked sold", conversation ended with meetup, ratings), their biases, and a labelled sample to calibrate.',
        },
        {
          level: 'E5',
          prompt: 'Offers raise transactions 3% but seller churn rises 1%. Ship?',
          lookFor: 'Quantifies the long-term cost of churn (lost listings, liquidity spiral) vs the gain, segments who churns, proposes mitigations (offer floors) and a longer holdout.',
        },
        {
          level: 'E6',
          prompt: 'Two teams define "active listing" differently and their dashboards disagree by 12%. What do you do?',
          lookFor: 'Drives one certified definition through a metrics layer with an owner and a change process, quantifies both definitions\' differences, migrates dashboards, and documents the decision.',
        },
      ],
      signalKeys: [
        'product.defines-north-star-and-guardrails',
        'product.names-leading-metrics',
        'product.weighs-metric-trade-offs',
        'product.recommends-conditional-actions',
        'product.checks-metric-mechanics',
      ],
    },
  },
  {
    slug: 'product-notification-volume-cut',
    roundKind: 'PRODUCT_SENSE',
    title: 'Cutting push notification volume',
    difficulty: 'HARD',
    candidateView: {
      prompt: `The notifications team wants to send **30% fewer push notifications**, removing the ones predicted to be least valuable. They expect a small short-term engagement loss and a long-term gain from fewer users disabling notifications.

Design the measurement: metrics, experiment, the data you need, and how the launch decision will be made.`,
    },
    interviewerView: {
      solution: `**North Star for the decision:** long-term engaged users (e.g. DAU or sessions per user measured over weeks, not days). **Feature metrics:** notification open rate (will rise mechanically: fewer, better notifications; not a success metric on its own), notifications disabled / app uninstalled rate. **Guardrails:** DAU, time-sensitive notification delivery (messages, security alerts must not be cut), creator-side metrics (creators get fewer visits from notified followers).

**Experiment design**
- User-level randomisation; a **long-running holdout** (8-12 weeks) because the hypothesised benefit (fewer opt-outs) is slow and the cost (fewer visits) is immediate.
- Network effects: notifications are often about other users' actions; consider cluster randomisation or measuring creator-side effects separately.
- Pre-register the decision rule: ship if DAU over weeks 6-8 is not significantly below control (e.g. within -0.1% at 95%) and the opt-out rate is significantly lower; a veto on any drop in critical notification delivery.

**Data needed**
- \`fact_notification_sent\` (one row per notification: type, predicted value score, variant), \`fact_notification_outcome\` (delivered, opened, dismissed, within 24 h), daily per-user snapshot of notification permission state, experiment assignment, daily activity.
- Permission state changes come from the OS and arrive late or only at next app open: a measurement bias to name.

**Analysis pitfalls**
- Open rate rising is not success (denominator shrank).
- Novelty effects and seasonality: read the trend over time, not the cumulative average alone.
- Heterogeneity: heavy users may not care; light users' retention may depend on notifications: segment by prior engagement.

**Recommendation shape:** if long-term DAU is flat and opt-outs fall, ship and re-invest the notification budget; if DAU falls for light users only, ship for heavy users and tune the threshold for light users.`,
      hints: [
        'What will happen to the open rate mechanically when you send fewer notifications?',
        'How long must the experiment run to see the benefit the team hopes for?',
        'Who else is affected when a user gets fewer notifications about their friends?',
      ],
      probes: [
        {
          level: 'E4',
          prompt: 'Open rate went from 8% to 10%. Is the launch a success?',
          lookFor: 'No: ratio improved because low-value sends were removed; look at total opens, sessions and retention.',
        },
        {
          level: 'E5',
          prompt: 'After 2 weeks DAU is down 0.3% in treatment. The team wants to stop. What do you advise?',
          lookFor: 'Compares with the expected short-term cost, checks whether the gap is narrowing over time, looks at opt-out trends, recommends continuing to the pre-registered readout unless a guardrail veto triggers.',
        },
        {
          level: 'E6',
          prompt: 'How would you estimate the value of one notification so the team can set the 30% threshold rationally?',
          lookFor: 'Incremental sessions caused by a notification (from randomised sends or holdouts), against its cost in opt-out probability; converts both to a common unit (long-term DAU) and sets the threshold where marginal value is zero.',
        },
      ],
      signalKeys: [
        'product.defines-north-star-and-guardrails',
        'product.weighs-metric-trade-offs',
        'product.names-leading-metrics',
        'product.checks-metric-mechanics',
        'product.states-hypothesis-first',
        'product.recommends-conditional-actions',
      ],
    },
  },
];
