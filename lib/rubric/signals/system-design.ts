import type { Signal } from '../signal-types';

export const SYSTEM_DESIGN_SIGNALS: Signal[] = [
  {
    key: 'design.clarifies-sla',
    roundKind: 'SYSTEM_DESIGN',
    label: 'Clarifies the SLA first',
    lookFor:
      'Asks end-to-end latency, peak throughput, durability and correctness guarantees (can a number ever be double-counted? restated?), and how far back reprocessing must reach and how fast.',
    anchors: {
      E4: 'Draws Kafka, Spark and a database, then asks what latency is needed.',
      E5: 'Asks latency and throughput; leaves correctness and reprocessing to be discovered.',
      E6: 'Pins all four and their conflicts: "under 5 minutes and never double-counted means dashboards show provisional numbers that billing later finalises; is that acceptable?"',
    },
    rule: { kind: 'TIMED', withinSeconds: 120 },
  },
  {
    key: 'design.estimates-before-architecture',
    roundKind: 'SYSTEM_DESIGN',
    label: 'Estimates load before choosing an architecture',
    lookFor:
      'Back-of-envelope numbers (events/s times bytes: GB/s, TB/day, retained PB, partitions and workers needed, replay speed) before picking components.',
    anchors: {
      E4: 'No numbers; "Kafka scales".',
      E5: 'Computes ingest bandwidth; does not carry it through to storage or replay.',
      E6: '"5M/s at ~200 B is 1 GB/s, ~86 TB/day, ~8 PB for 90 days before replication; replaying 90 days in 4 hours means 540x live rate, so replay cannot go through the live job."',
    },
    rule: { kind: 'ORDERED', before: 'design.justifies-architecture', whenPairAbsent: 'NOT_MET' },
  },
  {
    key: 'design.justifies-architecture',
    roundKind: 'SYSTEM_DESIGN',
    label: 'Justifies the architecture against alternatives',
    lookFor:
      'Chooses Lambda, Kappa or a medallion lakehouse (or a hybrid) from the stated requirements, names the rejected option and the specific trade-off (two codebases, replay cost, staleness between tiers).',
    anchors: {
      E4: '"We chose Kafka and Flink because they\'re scalable."',
      E5: 'Compares Lambda and Kappa in textbook terms.',
      E6: 'Ties the choice to this system\'s numbers: "Kappa for the live path, but the 90-day replay reads Bronze with the same transformation code in batch, because replaying from Kafka at 540x is not feasible."',
    },
    rule: { kind: 'PRESENCE' },
  },
  {
    key: 'design.idempotent-sink',
    roundKind: 'SYSTEM_DESIGN',
    label: 'Gets effectively-once from an idempotent sink',
    lookFor:
      'Accepts at-least-once delivery and makes writes idempotent: a deterministic event id assigned at the source, dedup in keyed state, MERGE/upsert or partition overwrite at the sink, aggregates written as overwrites not increments.',
    anchors: {
      E4: '"Kafka has exactly-once, so no duplicates."',
      E5: 'Dedups on an id at the sink; the id is generated in the pipeline so retries from the producer get new ids.',
      E6: 'Id minted where the impression is served and carried through retries; sink upserts the whole minute aggregate keyed by (advertiser, minute) so replays overwrite instead of adding.',
    },
    rule: { kind: 'PRESENCE' },
  },
  {
    key: 'design.handles-late-data',
    roundKind: 'SYSTEM_DESIGN',
    label: 'Handles event time and late data',
    lookFor:
      'Aggregates on event time with watermarks and allowed lateness sized from observed delay; a correction path for data later than that (side output, then batch restatement); a notion of when a window is final.',
    anchors: {
      E4: 'Aggregates on processing time; a mobile client that reconnects hours later puts spend in the wrong hour.',
      E5: 'Uses event-time windows with a watermark; data after the watermark is dropped.',
      E6: 'Watermark sized from the lateness distribution (p99), late events to a side output that restates the affected minutes, and a "final" flag after the lateness horizon.',
    },
    rule: { kind: 'PRESENCE' },
  },
  {
    key: 'design.sizes-reprocessing',
    roundKind: 'SYSTEM_DESIGN',
    label: 'Designs and sizes reprocessing',
    lookFor:
      'Explains how history is recomputed (from the durable log or the raw tier), how much capacity that needs for the required window, and how results are swapped in atomically without double counting.',
    anchors: {
      E4: '"We can just rerun the job."',
      E5: 'Replays from Kafka with the job in a historical mode; does not estimate the throughput needed.',
      E6: 'Sizes it, chooses batch over the raw tier for long ranges, writes to a staging location and swaps partitions atomically, and runs a reconciliation before publishing.',
    },
    rule: { kind: 'PRESENCE' },
  },
  {
    key: 'design.partitions-for-hot-keys',
    roundKind: 'SYSTEM_DESIGN',
    label: 'Partitions for hot keys',
    lookFor:
      'Chooses partition keys that spread load (event id, or entity plus salt) rather than a skewed business key; two-stage aggregation for heavy hitters; explains what ordering is lost.',
    anchors: {
      E4: 'Partitions the topic by advertiser_id without considering that one advertiser can be 5% of traffic.',
      E5: 'Spots the hot advertiser when asked and proposes more partitions.',
      E6: 'Partitions ingest by impression id, pre-aggregates per (advertiser, minute, shard) then merges, and notes that per-advertiser ordering is not needed because aggregation is commutative.',
    },
    rule: { kind: 'PRESENCE' },
  },
  {
    key: 'design.operational-runbook',
    roundKind: 'SYSTEM_DESIGN',
    label: 'Has an operational runbook',
    lookFor:
      'Backpressure (consumer lag as the paged metric, autoscaling, bounded queues, dead-letter queue), small-file compaction, data-quality checks and reconciliation, on-call alerts with thresholds.',
    anchors: {
      E4: 'Monitoring means "add dashboards".',
      E5: 'Names consumer lag and a DLQ.',
      E6: 'Pages on lag in minutes-behind (not messages), compacts to 128-512 MB files on a schedule, reconciles streaming totals against the batch tier daily, and says who acts on each alert.',
    },
    rule: { kind: 'PRESENCE' },
  },
  {
    key: 'design.prefers-log-based-cdc',
    roundKind: 'SYSTEM_DESIGN',
    label: 'Chooses the right change-capture method',
    lookFor:
      'Prefers log-based CDC (binlog/WAL) for operational databases: no extra load on the source and hard deletes are captured; knows when query-based polling on updated_at is acceptable and what it misses.',
    anchors: {
      E4: 'Nightly SELECT * dump of the production database.',
      E5: 'Polls on updated_at; does not realise hard deletes are missed.',
      E6: 'Log-based CDC with an initial snapshot plus binlog offset handover, ordering per primary key, and deletes propagated as tombstones for privacy deletion.',
    },
    rule: { kind: 'PRESENCE' },
  },
  {
    key: 'design.evolves-schema-safely',
    roundKind: 'SYSTEM_DESIGN',
    label: 'Evolves schemas safely',
    lookFor:
      'Schema registry with compatibility rules enforced at the producer, validation before data reaches the cleansed tier, a quarantine path, and a plan for renames and type changes.',
    anchors: {
      E4: 'Discovers schema changes when the job crashes.',
      E5: 'Uses a schema registry; has no plan for a breaking change that gets through.',
      E6: 'Backward-compatible rules at the registry, a validation step that quarantines a bad batch instead of writing it to Silver, and a contract with producer teams owned by someone named.',
    },
    rule: { kind: 'PRESENCE' },
  },
];
