import type { Signal } from '../signal-types';

export const PRODUCT_SENSE_SIGNALS: Signal[] = [
  {
    key: 'product.defines-north-star-and-guardrails',
    roundKind: 'PRODUCT_SENSE',
    label: 'Defines North Star and guardrails before analysis',
    lookFor:
      'Names the one metric that captures the product\'s goal and the guardrails that catch harm (cannibalisation, quality, latency, integrity), with exact definitions (numerator, denominator, window), before touching data.',
    anchors: {
      E4: 'Starts slicing the data; metrics are named only when asked.',
      E5: 'Names a North Star, and guardrails once prompted.',
      E6: 'Opens with "North Star: weekly buyers with a completed transaction; guardrails: dispute rate, seller churn, p50 search latency", each defined precisely, unprompted.',
    },
    rule: { kind: 'TIMED', withinSeconds: 120 },
  },
  {
    key: 'product.checks-integrity-first',
    roundKind: 'PRODUCT_SENSE',
    label: 'Rules out data problems before business causes',
    lookFor:
      'Before any segmentation or product story: pipeline delays, logging gaps, instrumentation or definition changes, schema drift, partial partitions.',
    anchors: {
      E4: 'Jumps to "users are leaving for a competitor".',
      E5: 'Checks the pipeline once a product hypothesis fails.',
      E6: 'First move: "is the Tuesday partition complete and did any logging or client release change the event?", with the landing-time and row-count check to prove it.',
    },
    rule: { kind: 'ORDERED', before: 'product.segments-population', whenPairAbsent: 'NOT_MET' },
  },
  {
    key: 'product.segments-population',
    roundKind: 'PRODUCT_SENSE',
    label: 'Localises the change by segment',
    lookFor:
      'Splits by platform, app version, geography, cohort (new vs existing), surface; uses the shape of the split (one version only, one country only) to discriminate between hypotheses.',
    anchors: {
      E4: 'Lists dimensions to slice by without saying what each result would mean.',
      E5: 'Slices by platform and country and finds where the drop is.',
      E6: 'Predicts what each slice would show under each hypothesis ("a bug shows on one app version; a holiday shows in one country, all platforms") and slices to discriminate.',
    },
    rule: { kind: 'PRESENCE' },
  },
  {
    key: 'product.states-hypothesis-first',
    roundKind: 'PRODUCT_SENSE',
    label: 'States the hypothesis before the query',
    lookFor:
      'Each analysis step starts with the hypothesis and the result that would confirm or refute it, then the query.',
    anchors: {
      E4: 'Runs queries to see what turns up.',
      E5: 'States hypotheses for some steps; others are fishing.',
      E6: '"If this is the Reactions launch substituting for comments, the drop is concentrated in users in the launch arm and reactions per user rose; here is the query."',
    },
    rule: { kind: 'ORDERED', before: 'product.specifies-query', whenPairAbsent: 'MET' },
  },
  {
    key: 'product.specifies-query',
    roundKind: 'PRODUCT_SENSE',
    label: 'Specifies the confirming query precisely',
    lookFor:
      'Writes or precisely describes the query: tables, partition range, grouping, the comparison baseline (same weekday last week, last year), and the threshold that counts as real.',
    anchors: {
      E4: '"I\'d look at the data."',
      E5: 'Describes the query in words with the right grouping.',
      E6: 'Writes it with a baseline of the same weekday in prior weeks and a noise band, so a 2% move is distinguishable from weekly variance.',
    },
    rule: { kind: 'PRESENCE' },
  },
  {
    key: 'product.checks-internal-external-events',
    roundKind: 'PRODUCT_SENSE',
    label: 'Checks launches and external events',
    lookFor:
      'Launch calendar and experiment ramps, app releases, outages, competitor launches, holidays and news events, and substitution by a related feature.',
    anchors: {
      E4: 'Does not consider launches.',
      E5: 'Checks the release calendar.',
      E6: 'Checks launches and experiment ramps, and asks whether a feature shipped that substitutes for the metric (Reactions for comments, Stories for feed posts).',
    },
    rule: { kind: 'PRESENCE' },
  },
  {
    key: 'product.checks-metric-mechanics',
    roundKind: 'PRODUCT_SENSE',
    label: 'Checks the metric\'s own mechanics',
    lookFor:
      'Seasonality and day-of-week effects, denominator and mix shifts (per-user rates diluted by new users), definition changes, regression to the mean.',
    anchors: {
      E4: 'Treats any week-over-week change as real.',
      E5: 'Checks day-of-week seasonality.',
      E6: 'Separates total volume from per-user rate and mix: "DAU grew 5% with low-engagement new users, so comments per DAU fell while total comments held".',
    },
    rule: { kind: 'PRESENCE' },
  },
  {
    key: 'product.recommends-conditional-actions',
    roundKind: 'PRODUCT_SENSE',
    label: 'Recommends actions per outcome',
    lookFor:
      'Ends with a decision: if hypothesis A holds do X, if B do Y, with owners and the monitoring that would show it worked.',
    anchors: {
      E4: 'Ends with a list of possible causes.',
      E5: 'Recommends one action for the most likely cause.',
      E6: '"If it is the Android release, roll back and add a crash-rate guardrail to the release gate; if it is substitution, report comments plus reactions as interactions and re-baseline the goal."',
    },
    rule: { kind: 'PRESENCE' },
  },
  {
    key: 'product.names-leading-metrics',
    roundKind: 'PRODUCT_SENSE',
    label: 'Names leading indicators',
    lookFor:
      'Metrics that move before the North Star and can be influenced by a team (listing creation rate, search-to-detail CTR), with the evidence that they predict it.',
    anchors: {
      E4: 'Only lagging totals.',
      E5: 'Names plausible leading metrics.',
      E6: 'Names leading metrics and how they would validate them as predictive (historical correlation across cohorts or experiments that moved both).',
    },
    rule: { kind: 'PRESENCE' },
  },
  {
    key: 'product.weighs-metric-trade-offs',
    roundKind: 'PRODUCT_SENSE',
    label: 'Sets decision rules when metrics conflict',
    lookFor:
      'States in advance how a launch decision is made when the North Star improves and a guardrail degrades: thresholds, exchange rates, or a veto guardrail.',
    anchors: {
      E4: 'Ships if the main metric goes up.',
      E5: 'Says it depends and would discuss with the PM.',
      E6: '"Ship if sessions per user rise and DAU is not down more than 0.1% at 95% confidence; notifications opted-out is a veto guardrail."',
    },
    rule: { kind: 'PRESENCE' },
  },
];
