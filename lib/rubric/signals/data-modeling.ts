import type { Signal } from '../signal-types';

export const DATA_MODELING_SIGNALS: Signal[] = [
  {
    key: 'modeling.states-grain',
    roundKind: 'DATA_MODELING',
    label: 'States the grain before any table',
    lookFor:
      'Says in one sentence what one row of the central fact table represents ("one row per served impression"; "one row per order line per day") before drawing a table, and keeps it consistent with the keys chosen later.',
    anchors: {
      E4: 'Starts listing columns; the grain emerges by accident and mixes impressions with clicks.',
      E5: 'States a grain early but it conflicts with the keys ("per user per ad per hour" next to an impression_id).',
      E6: 'States the grain, checks it against the business questions ("spend by hour needs impression grain; billing rolls up from there"), and names the aggregate tables that sit above it.',
    },
    rule: { kind: 'TIMED', withinSeconds: 120 },
  },
  {
    key: 'modeling.clarifies-access-patterns',
    roundKind: 'DATA_MODELING',
    label: 'Clarifies who reads the model and how',
    lookFor:
      'Asks which questions, dashboards and consumers the model serves, how fresh, and how often queries change, before choosing between a star schema and a wide table.',
    anchors: {
      E4: 'Builds a star schema because that is what data warehouses have.',
      E5: 'Asks who the consumers are, then designs without using the answer.',
      E6: '"Advertiser dashboards run fixed high-concurrency queries; analysts explore. So a star for analysts and a wide daily table for the dashboard, rebuilt from the star."',
    },
    rule: { kind: 'ORDERED', before: 'modeling.compares-star-and-obt', whenPairAbsent: 'MET' },
  },
  {
    key: 'modeling.chooses-fact-type',
    roundKind: 'DATA_MODELING',
    label: 'Chooses the fact table type deliberately',
    lookFor:
      'Transactional for discrete events, periodic snapshot for state at a cadence, accumulating snapshot for a funnel with known milestones; says which each table is and why.',
    anchors: {
      E4: 'Every table is an event log; funnel questions need five self-joins.',
      E5: 'Names transactional and periodic snapshot facts correctly; does not consider an accumulating snapshot for the order lifecycle.',
      E6: 'Uses an accumulating snapshot for the order lifecycle (one row per order, one date column per milestone, updated in place), explains the update cost and why the event log still stays as the source.',
    },
    rule: { kind: 'PRESENCE' },
  },
  {
    key: 'modeling.ties-history-to-question',
    roundKind: 'DATA_MODELING',
    label: 'Ties history to a business question',
    lookFor:
      'Before picking an SCD type for an attribute, names the business question that needs its history (or says none does).',
    anchors: {
      E4: 'Makes every dimension Type 2 "to be safe".',
      E5: 'Chooses SCD types sensibly, then justifies them when asked.',
      E6: '"Revenue by the region the customer was in when they bought needs region history, so Type 2; nobody asks for an old phone number, so Type 1."',
    },
    rule: { kind: 'ORDERED', before: 'modeling.defends-scd-choice', whenPairAbsent: 'NOT_MET' },
  },
  {
    key: 'modeling.defends-scd-choice',
    roundKind: 'DATA_MODELING',
    label: 'Defends the SCD type per attribute',
    lookFor:
      'Type 1 vs Type 2 per attribute with effective/expiry dates and a current flag; a stated convention for the open-ended row; how facts look up the version valid at event time.',
    anchors: {
      E4: 'Knows the SCD type names but not how a fact joins to the right version.',
      E5: 'Designs a correct Type 2 table; leaves the expiry convention (NULL vs 9999-12-31, inclusive vs exclusive) unstated.',
      E6: 'Stamps the surrogate key valid at event time onto the fact at load, so readers never do range joins, and states the half-open interval convention.',
    },
    rule: { kind: 'PRESENCE' },
  },
  {
    key: 'modeling.compares-star-and-obt',
    roundKind: 'DATA_MODELING',
    label: 'Names a rejected alternative and why',
    lookFor:
      'Names at least one alternative design (star vs one big table, snapshot vs event log, bridge vs array column) and the concrete cost that ruled it out.',
    anchors: {
      E4: 'Presents one design as the only possible one.',
      E5: 'Mentions OBT as an option without saying when it wins.',
      E6: '"OBT would be fastest for the dashboard, but a change to an advertiser\'s vertical would rewrite a year of partitions; so the OBT is a derived, rebuildable layer, not the source."',
    },
    rule: { kind: 'PRESENCE' },
  },
  {
    key: 'modeling.resolves-many-to-many',
    roundKind: 'DATA_MODELING',
    label: 'Resolves many-to-many without inflating metrics',
    lookFor:
      'A bridge table (group key to members) for ad-to-segment or chat-to-participant relations, with a weighting factor so totals do not multiply.',
    anchors: {
      E4: 'Puts a segment_id on the fact and duplicates the fact row per segment; revenue triples.',
      E5: 'Uses a bridge table; does not notice summed revenue across segments exceeds the total.',
      E6: 'Adds a weight (1/segment count) and says when to use weighted totals vs unweighted per-segment impact, and that the two answer different questions.',
    },
    rule: { kind: 'PRESENCE' },
  },
  {
    key: 'modeling.isolates-volatile-attributes',
    roundKind: 'DATA_MODELING',
    label: 'Isolates rapidly changing attributes',
    lookFor:
      'Moves fast-changing, low-cardinality attributes (loyalty tier, income band) of a huge dimension into a mini-dimension keyed on the value combination, with the key carried on the fact.',
    anchors: {
      E4: 'Type 2 on every attribute of a 500M-row user dimension; the table grows by millions of rows a day.',
      E5: 'Recognises the growth problem and suggests Type 1 for the volatile attributes, losing their history.',
      E6: 'Mini-dimension of band combinations (a few thousand rows), its key stamped on each fact, so history is kept on the fact and the big dimension stays stable.',
    },
    rule: { kind: 'PRESENCE' },
  },
  {
    key: 'modeling.plans-late-arriving-data',
    roundKind: 'DATA_MODELING',
    label: 'Plans for late-arriving facts and dimensions',
    lookFor:
      'Late facts land in the partition of their event date (or a processing date plus event date) and are merged idempotently; early facts with no dimension row get an inferred member that is completed later; backfills are partition overwrites.',
    anchors: {
      E4: 'Assumes all data arrives on time.',
      E5: 'Re-processes the affected partitions when late data arrives, without saying how readers are protected.',
      E6: 'Inferred dimension members for unknown ads, MERGE on the natural event id, atomic partition overwrite, and a "final after N days" flag so consumers know when a day stops moving.',
    },
    rule: { kind: 'PRESENCE' },
  },
  {
    key: 'modeling.designs-physical-layout',
    roundKind: 'DATA_MODELING',
    label: 'Designs the physical layout for scale',
    lookFor:
      'Partition columns chosen by how data is written and pruned (ds, hour), clustering or bucketing by the common join key, columnar format and compression, retention per layer.',
    anchors: {
      E4: 'No partitioning discussed.',
      E5: 'Partitions by ds; does not discuss file sizes or retention.',
      E6: 'Partitions by ds and hour, buckets by ad_key for the attribution join, keeps raw 90 days and aggregates for years, and estimates rows per day to justify it.',
    },
    rule: { kind: 'PRESENCE' },
  },
];
