import type { Question } from '../question-types';

export const DATA_MODELING_QUESTIONS: Question[] = [
  {
    slug: 'modeling-ad-delivery',
    roundKind: 'DATA_MODELING',
    title: 'Ad delivery data model',
    difficulty: 'HARD',
    candidateView: {
      prompt: `The ads team wants a warehouse model for ad delivery. It must answer, among others:

- Impressions, clicks and revenue by advertiser, campaign, ad and placement (feed, stories, reels), by hour.
- Revenue by the **country the user was in at the time** of the impression.
- Performance by **audience segment**, where one ad targets several segments.
- Performance by user demographic bands (age band, income band, loyalty tier), which change often.

Scale: ~20B impressions/day, ~2B users, ~8M active ads. Advertiser dashboards and analysts both read it.

Design the model: tables, keys, grain, and how it is partitioned.`,
    },
    interviewerView: {
      solution: `**Grain first.** Central fact: **one row per served impression** (impression_id is unique). Hourly partitions are a storage choice, not the grain: "one row per user per ad per hour" would contradict an impression_id column and lose frequency information.

**Facts**
- \`fact_ad_impression\`: transactional, one row per impression.
- \`fact_ad_click\`: transactional, one row per click, carrying \`impression_id\`. Clicks arrive minutes to days after the impression, so they are **not** a boolean updated in place on the impression row (that would rewrite hourly partitions continually).
- \`agg_ad_delivery_hourly\`: derived aggregate at (ad, placement, country, hour) for dashboards; rebuildable.

\`\`\`sql
-- one row per served impression
CREATE TABLE fact_ad_impression (
  impression_id      BIGINT,          -- minted by the ad server, carried through retries
  ad_key             BIGINT,          -- dim_ad version valid at serve time
  user_key           BIGINT,          -- dim_user version valid at serve time (country history)
  demo_band_key      INT,             -- mini-dimension row for the user's bands at serve time
  placement_key      SMALLINT,
  segment_group_key  BIGINT,          -- bridge to the audience segments the ad targeted
  served_ts          TIMESTAMP,
  cost_usd           DECIMAL(18,6)    -- what the advertiser is charged for this impression
)
PARTITIONED BY (ds VARCHAR, hour TINYINT);

-- one row per click; joins to the impression it came from
CREATE TABLE fact_ad_click (
  click_id       BIGINT,
  impression_id  BIGINT,
  ad_key         BIGINT,              -- copied from the impression so click-only queries need no join
  clicked_ts     TIMESTAMP,
  cost_usd       DECIMAL(18,6)        -- CPC billing
)
PARTITIONED BY (ds VARCHAR);

-- SCD2: a user's country changes rarely and revenue must follow the country at serve time
CREATE TABLE dim_user (
  user_key        BIGINT,             -- surrogate, one per version
  user_id         BIGINT,             -- natural key
  country_code    CHAR(2),
  valid_from      DATE,
  valid_to        DATE,               -- exclusive; '9999-12-31' on the current row
  is_current      BOOLEAN
);

-- mini-dimension: one row per combination of fast-changing bands, not per user
CREATE TABLE dim_demo_band (
  demo_band_key   INT,
  age_band        VARCHAR(8),
  income_band     VARCHAR(16),
  loyalty_tier    VARCHAR(8)
);

-- ad hierarchy flattened: ad -> ad set -> campaign -> advertiser
CREATE TABLE dim_ad (
  ad_key          BIGINT,
  ad_id           BIGINT,
  ad_set_id       BIGINT,
  campaign_id     BIGINT,
  campaign_objective VARCHAR,
  advertiser_id   BIGINT,
  advertiser_vertical VARCHAR,
  valid_from      DATE,
  valid_to        DATE,
  is_current      BOOLEAN
);

-- many-to-many: an ad targets several segments
CREATE TABLE bridge_segment_group (
  segment_group_key BIGINT,
  segment_id        BIGINT,
  weight            DECIMAL(9,8)      -- 1 / number of segments in the group
);
\`\`\`

**Decisions to defend**
- **SCD types:** country on \`dim_user\` is Type 2 because "revenue by country at impression time" needs history; name/email-type attributes are Type 1 (no question needs their history). Objective/vertical on \`dim_ad\` Type 2 (advertisers change objective mid-flight and reports by objective must not move retroactively).
- **Mini-dimension:** bands change weekly for hundreds of millions of users; Type 2 on \`dim_user\` would add millions of versions a day. A few thousand band combinations instead, with the key stamped on the fact at load: history lives on the fact.
- **Bridge with weight:** summing revenue across segments without the weight multiplies revenue by the segment count; weighted sums reconcile to the total, unweighted per-segment sums answer "revenue touched by segment" and must be labelled as such.
- **Star for analysts, wide aggregate for dashboards:** a one-big-table at impression grain would duplicate dimension columns across 20B rows/day and need rewriting when an advertiser's vertical is corrected. The rejected alternative is named with that cost.
- **Physical:** partition by ds/hour (how data lands and how most queries prune), bucket/cluster impressions and clicks by \`impression_id\` for the attribution join, columnar with ZSTD, raw facts retained 90+ days, aggregates for years.
- **Surrogate keys stamped at load** (the version valid at served_ts), so readers never do range joins against SCD2 tables.`,
      hints: [
        'Say in one sentence what one row of your main fact table is.',
        'Is a click a property of an impression, or its own event? When does it arrive?',
        'What happens to "revenue by segment" if you sum across segments?',
        'How many rows does dim_user gain per day if loyalty tier is Type 2?',
      ],
      probes: [
        {
          level: 'E4',
          prompt: 'Write the query for yesterday\'s CTR by placement.',
          lookFor: 'Impressions by placement, clicks joined via impression_id (deduped per impression), LEFT JOIN so unclicked impressions count; partition filters on both facts with the click window reaching the next day.',
        },
        {
          level: 'E5',
          prompt: 'What changes if we need cross-device attribution: a click on mobile attributed to a conversion on desktop?',
          lookFor: 'A device dimension and an identity bridge (device_id to person_id) with validity dates from the identity graph; conversions attributed at person grain; care with shared devices (fan-out) and identity merges restating history.',
        },
        {
          level: 'E6',
          prompt: 'How do you handle late-arriving data, for both facts and dimensions?',
          lookFor: 'Late facts MERGE on impression_id into the partition of their event date (or processing ds with event_ds column) and restate aggregates; facts arriving before their dimension row get an inferred member (placeholder key) updated when the dimension lands; partition overwrites are atomic; a finality horizon is published.',
        },
      ],
      signalKeys: [
        'modeling.states-grain',
        'modeling.clarifies-access-patterns',
        'modeling.chooses-fact-type',
        'modeling.ties-history-to-question',
        'modeling.defends-scd-choice',
        'modeling.compares-star-and-obt',
        'modeling.resolves-many-to-many',
        'modeling.isolates-volatile-attributes',
        'modeling.plans-late-arriving-data',
        'modeling.designs-physical-layout',
      ],
      twists: [
        {
          key: 'late-arriving-clicks',
          title: 'Clicks arrive days late',
          prompt: 'A client bug delayed 3% of clicks by up to 72 hours. Billing for those days has already been sent. What does your model do?',
          strongAnswer:
            'Keeps facts partitioned by the event date and MERGEs late clicks into the days they belong to (upsert on a deterministic id, with a watermark column), rebuilding only the touched partitions. Billing that already went out is corrected with adjustment rows inside an agreed restatement window, never by editing sent invoices.',
          probesSignalKey: 'modeling.plans-late-arriving-data',
        },
        {
          key: 'segment-double-count',
          title: 'Segment revenue exceeds total revenue',
          prompt: 'The segment dashboard shows $1.4B of revenue yesterday; finance says the total was $600M. Explain and fix.',
          strongAnswer:
            'Recognises metric inflation from a many-to-many join: an ad targets several segments, so joining revenue to segments repeats each impression once per segment. Resolves it with a bridge table that carries a weight (1 / number of segments), or presents segment numbers as overlapping and never sums them into a total.',
          probesSignalKey: 'modeling.resolves-many-to-many',
        },
        {
          key: 'ninety-day-backfill',
          title: 'A 90-day backfill',
          prompt: 'A bug mis-assigned placements for 90 days. How do you backfill 1.8 trillion impressions without breaking dashboards?',
          strongAnswer:
            'Rebuilds only what the bug touched: recomputes the affected date partitions into staging, checks row counts and revenue against the current ones, then overwrites partitions atomically so dashboards never read half-written data. Estimates the run time and throttles it so the daily jobs keep their SLA.',
          probesSignalKey: 'modeling.designs-physical-layout',
        },
      ],
    },
  },
  {
    slug: 'modeling-marketplace-orders',
    roundKind: 'DATA_MODELING',
    title: 'Marketplace orders and fulfilment',
    difficulty: 'HARD',
    candidateView: {
      prompt: `Design the warehouse model for a marketplace where buyers order items from sellers.

An order has one or more line items, possibly from different sellers. Each line item goes through **placed → paid → shipped → delivered**, and may be **cancelled** or **returned**. Sellers can move to a different region, and their commission tier changes monthly.

The business asks:
- Gross merchandise value (GMV) by category and seller region, daily.
- How long each step of fulfilment takes, and where line items get stuck.
- Seller commission owed per month.
- Daily count of active listings per category.`,
    },
    interviewerView: {
      solution: `**Grains (stated before tables):**
- \`fact_order_line_event\`: transactional, one row per status change of a line item (the immutable source).
- \`fact_order_line_fulfilment\`: **accumulating snapshot**, one row per line item with a timestamp per milestone, updated as milestones arrive.
- \`fact_listing_daily\`: **periodic snapshot**, one row per listing per day, for "active listings".

\`\`\`sql
CREATE TABLE fact_order_line_fulfilment (
  order_line_id     BIGINT,           -- grain: one row per order line
  order_id          BIGINT,
  buyer_key         BIGINT,
  seller_key        BIGINT,           -- seller version at placement time (region history)
  product_key       BIGINT,
  placed_ts         TIMESTAMP,
  paid_ts           TIMESTAMP,
  shipped_ts        TIMESTAMP,
  delivered_ts      TIMESTAMP,
  cancelled_ts      TIMESTAMP,
  returned_ts       TIMESTAMP,
  current_status    VARCHAR,
  quantity          INT,
  gross_usd         DECIMAL(18,2)
)
PARTITIONED BY (placed_ds VARCHAR);  -- a row lives in the partition of its placement date

CREATE TABLE fact_listing_daily (
  listing_id   BIGINT,
  seller_key   BIGINT,
  category_key INT,
  is_active    BOOLEAN,
  price_usd    DECIMAL(18,2)
)
PARTITIONED BY (ds VARCHAR);          -- grain: one row per listing per day

CREATE TABLE dim_seller (
  seller_key       BIGINT,
  seller_id        BIGINT,
  region           VARCHAR,           -- Type 2: GMV by region at time of sale
  valid_from       DATE,
  valid_to         DATE,              -- exclusive
  is_current       BOOLEAN
);

CREATE TABLE dim_seller_commission_tier (  -- monthly tier, kept apart from dim_seller
  seller_id        BIGINT,
  month_start      DATE,
  commission_tier  VARCHAR,
  commission_rate  DECIMAL(6,5)
);
\`\`\`

**Decisions to defend**
- **Line item, not order, is the grain**: an order spans sellers and categories; order-level facts cannot attribute GMV to a seller region without allocation.
- **Accumulating snapshot** answers "time from paid to shipped" and "stuck in shipped" with one scan; the event fact stays as the auditable source and lets the snapshot be rebuilt. Cost: updates to old partitions (a line placed 40 days ago gets \`returned_ts\`), handled with MERGE on order_line_id within placed_ds partitions.
- **Region Type 2** because GMV by region at sale time is asked for; **commission tier as its own monthly table** (or mini-dimension) because it changes monthly for every seller and would multiply \`dim_seller\` versions; commission owed = line GMV times the rate of the sale month.
- **Periodic snapshot for listings**: "active listings on a day" is a state question; deriving it from listing events each time needs a full history scan.
- **Rejected alternative:** one order-status table with only the current status (Type 1). Cheap, but loses step durations and cannot answer "where did it get stuck last quarter".
- **GMV definition** is stated (placed vs paid, before or after cancellations/returns), since finance and product often mean different things.`,
      hints: [
        'What is one row: an order, a line item, or a status change?',
        'Which fact type answers "how long between paid and shipped" with one row per item?',
        'If commission tier is Type 2 on the seller dimension, how many versions per seller per year?',
      ],
      probes: [
        {
          level: 'E4',
          prompt: 'Write the query for median hours from paid to shipped by category last week.',
          lookFor: 'Uses the accumulating snapshot, filters paid_ts in range and shipped_ts not null, approx_percentile of the difference, joins product to category.',
        },
        {
          level: 'E5',
          prompt: 'A return can arrive 90 days after placement. What does that do to your partitions and to reported GMV?',
          lookFor: 'Updates reach back 90 days of placed_ds partitions (MERGE cost, compaction); reports separate gross and net GMV; net for a day stays provisional until the return window closes.',
        },
        {
          level: 'E6',
          prompt: 'Finance wants monthly commission numbers that never change after close, while product wants corrected history. Reconcile both.',
          lookFor: 'Snapshot the closed month (immutable ledger table with as-of date) and post adjustments in the next period, while the analytical model is restated; names who signs off and how differences are reported.',
        },
      ],
      signalKeys: [
        'modeling.states-grain',
        'modeling.chooses-fact-type',
        'modeling.ties-history-to-question',
        'modeling.defends-scd-choice',
        'modeling.isolates-volatile-attributes',
        'modeling.compares-star-and-obt',
        'modeling.plans-late-arriving-data',
      ],
      twists: [
        {
          key: 'late-returns',
          title: 'Returns 90 days later',
          prompt: 'Returns start landing up to 90 days after the order. Finance already reported last quarter\'s GMV. What happens in your model?',
          strongAnswer:
            'Records returns as their own dated events (or as a milestone on an accumulating snapshot of the line item), so the quarter finance reported stays as reported while net GMV restates. States which number finance closes on and how late adjustments flow into the open period.',
          probesSignalKey: 'modeling.plans-late-arriving-data',
        },
        {
          key: 'new-status-schema-drift',
          title: 'A new status appears upstream',
          prompt: 'The fulfilment service starts emitting a new status, "out_for_delivery", without telling you. What breaks?',
          strongAnswer:
            'Sees that a hard-coded status list or fixed snapshot columns would drop or miscount the new status. Wants unknown values quarantined with an alert, a status dimension that can grow, a contract with the fulfilment team so a new status is announced first, and a decision on whether the snapshot needs a new milestone column.',
          probesSignalKey: 'modeling.chooses-fact-type',
        },
        {
          key: 'seller-region-backdated',
          title: 'A backdated region change',
          prompt: 'A seller\'s region change is recorded three weeks after it happened. Which tables change and what do reports show?',
          strongAnswer:
            'Uses SCD Type 2 for region because revenue by region at the time of sale is the business question: closes the old version and opens the new one at the real effective date, re-points the facts of those three weeks to the right version, reruns the affected aggregates, and tells report owners that the numbers moved.',
          probesSignalKey: 'modeling.defends-scd-choice',
        },
      ],
    },
  },
  {
    slug: 'modeling-group-messaging',
    roundKind: 'DATA_MODELING',
    title: 'Messaging engagement model',
    difficulty: 'MEDIUM',
    candidateView: {
      prompt: `Design the analytics model for a messaging app with one-to-one and group chats (up to 250 members). Members join and leave groups.

Questions to support:
- Messages sent per day by chat type, country and app version.
- Daily and monthly messaging users; the share of users who send in a group vs only one-to-one.
- For each group, how many of its members read a message within an hour.
- Engagement of users by their **membership count** (users in 0, 1-5, 6+ groups) over time.

Scale: ~100B messages/day. Message content is out of scope (privacy); metadata only.`,
    },
    interviewerView: {
      solution: `**Grains**
- \`fact_message_sent\`: transactional, one row per message sent (message_id).
- \`fact_message_receipt\`: transactional, one row per message per recipient read (can be ~50x the sends in big groups: estimate it before committing to it).
- \`fact_user_messaging_daily\`: periodic snapshot, one row per user per day with messages sent by chat type, groups belonged to, app version used.
- \`bridge_chat_membership\`: chat to members, with validity intervals (members join and leave).

\`\`\`sql
CREATE TABLE fact_message_sent (
  message_id      BIGINT,
  chat_key        BIGINT,
  sender_key      BIGINT,
  app_version_key INT,
  sent_ts         TIMESTAMP,
  recipient_count SMALLINT           -- members at send time, so fan-out questions need no bridge join
)
PARTITIONED BY (ds VARCHAR);

CREATE TABLE bridge_chat_membership (
  chat_key    BIGINT,
  user_key    BIGINT,
  joined_ts   TIMESTAMP,
  left_ts     TIMESTAMP             -- NULL while still a member
);

CREATE TABLE fact_user_messaging_daily (  -- grain: one row per user per day
  user_key            BIGINT,
  sent_1to1           INT,
  sent_group          INT,
  group_memberships   SMALLINT,      -- state at end of day, to bucket users by membership count
  country_code        CHAR(2),
  primary_app_version VARCHAR
)
PARTITIONED BY (ds VARCHAR);
\`\`\`

**Decisions to defend**
- **Membership is many-to-many and time-bound:** a bridge with validity intervals answers "who could read this message"; stamping \`recipient_count\` on the send fact avoids the bridge for most questions.
- **Receipts:** a per-recipient read fact at 100B sends and large groups is enormous; alternatives are sampling, storing per-message aggregates (reads within 1h as a count), or keeping receipts for groups only. Pick by the question ("share of members who read within an hour" needs only per-message counts).
- **Daily user snapshot** makes DAU/MAU, membership-bucket engagement and one-to-one vs group shares a single-table scan; MAU is computed from distinct users over the snapshot (or from a cumulative activity table), never by summing DAU.
- **Country and app version** are per-event attributes (users travel and upgrade), so they are stamped on the fact rather than looked up in a current-state user dimension.
- **Privacy:** no content, user keys pseudonymised, deletion requests propagate to facts (delete by user_key, which partitions by ds make expensive: name it).`,
      hints: [
        'How does your model know who was in a group when a message was sent?',
        'Estimate the row count of a per-recipient read table before you commit to it.',
        'Which table answers "users in 6+ groups" for a date six months ago?',
      ],
      probes: [
        {
          level: 'E4',
          prompt: 'How do you compute MAU from your model, and why can it not be summed from DAU?',
          lookFor: 'Distinct users over 30 days from the daily snapshot or a cumulative table; distinct counts are not additive.',
        },
        {
          level: 'E5',
          prompt: 'A user deletes their account. What do you delete or anonymise, and how expensive is it?',
          lookFor: 'Identifies every fact keyed by the user, partition rewrites across the retention window, batching deletions, and a tombstone/propagation process with an SLA.',
        },
        {
          level: 'E6',
          prompt: 'Product wants per-recipient read latency for all chats. Is that worth it? Make the case either way.',
          lookFor: 'Quantifies rows and storage (sends times average recipients), proposes per-message aggregates or sampling, ties the cost to the decisions the data would drive, and offers a time-boxed experiment.',
        },
      ],
      signalKeys: [
        'modeling.states-grain',
        'modeling.chooses-fact-type',
        'modeling.resolves-many-to-many',
        'modeling.clarifies-access-patterns',
        'modeling.compares-star-and-obt',
        'modeling.designs-physical-layout',
      ],
      twists: [
        {
          key: 'duplicate-message-events',
          title: 'Duplicate delivery on retry',
          prompt: 'Clients retry sends on flaky networks and the logging pipeline is at-least-once: 0.5% of messages are logged twice. Where do you fix it?',
          strongAnswer:
            'Fixes it at the identifier: the client mints a message id and reuses it on retry, and staging deduplicates on it (keep the first) before the fact table, so counts and everything downstream never see the copy. Tracks the duplicate rate as a data-quality metric rather than hiding it.',
          probesSignalKey: 'modeling.plans-late-arriving-data',
        },
        {
          key: 'hot-group-chat',
          title: 'A hot group',
          prompt: 'A few broadcast channels have 100k members. What does that do to your bridge and receipt tables and their joins?',
          strongAnswer:
            'Sees that fanning each message out to every member multiplies rows in the receipt and membership bridges. Keeps the message fact at one row per message, keeps per-recipient receipts only where a question needs them (or pre-aggregates them), and uses weights or group-level counts so per-group metrics do not inflate.',
          probesSignalKey: 'modeling.resolves-many-to-many',
        },
      ],
    },
  },
];
