import type { Question } from '../question-types';

export const SYSTEM_DESIGN_QUESTIONS: Question[] = [
  {
    slug: 'design-real-time-ad-spend',
    roundKind: 'SYSTEM_DESIGN',
    title: 'Real-time advertiser spend pipeline',
    difficulty: 'HARD',
    candidateView: {
      prompt: `Design the pipeline behind advertiser spend dashboards.

- Ingest **5M impression events per second** from web, mobile and servers in 200 countries.
- Advertisers see spend per campaign and country with **under 5 minutes** of latency.
- Spend must **never be double-counted**: it feeds billing.
- It must be possible to **reprocess the last 90 days within 4 hours** after a logic bug.

Walk through the architecture, the data flow and how you would operate it.`,
    },
    interviewerView: {
      solution: `**1. SLA and numbers first**
- 5M events/s x ~200 B = ~1 GB/s, ~86 TB/day, ~7.8 PB for 90 days before replication.
- Reprocessing 90 days (2,160 hours) in 4 hours is **540x live throughput** (~2.7B events/s). The live streaming job cannot do that; replay needs a batch path over stored raw data, sized separately.
- "Never double-counted" plus "under 5 minutes" means dashboards show provisional numbers; billing reads finalised, reconciled numbers.

**2. Architecture (Kappa for the live path over a medallion lakehouse)**

\`\`\`text
ad servers (mint impression_id at serve time, carried on every retry)
  -> Kafka/Scribe (partitioned by hash(impression_id); retention 7 days)
     -> Flink (event time)
          - dedup: keyed state on impression_id, TTL = retry window + allowed lateness
          - watermark from observed lateness (e.g. p99 ~ 2 min); later events -> side output
          - aggregate spend per (advertiser, campaign, country, minute), two-stage for hot advertisers
          - upsert the full minute aggregate into the serving store (overwrite, never increment)
     -> Bronze: raw events, append-only, Iceberg/Delta, partitioned by event ds/hour
Silver: deduped on impression_id, invalid/fraudulent traffic removed (batch, hourly)
Gold: daily/hourly spend per advertiser/campaign/country, joined to dim_advertiser; billing reads Gold
Serving: OLAP store (e.g. Druid/Pinot or an internal equivalent) for dashboards
\`\`\`

**3. Correctness: effectively-once**
- Delivery is at-least-once; duplicates come from producer retries and consumer restarts.
- The id must come from the **source** (the ad server), not be hashed from event fields in the pipeline: two genuine impressions of one ad to one user in the same millisecond would collide, and a pipeline-generated UUID differs between retries.
- Flink dedups within the horizon; the sinks are idempotent: minute aggregates keyed by (advertiser, campaign, country, minute) are **overwritten**, and Silver MERGEs on impression_id. Replays therefore converge to the same numbers.
- Daily reconciliation: streaming totals vs Gold from Silver; the difference is an alert, and billing uses Gold.

**4. Late data**
- Event-time windows with allowed lateness; events past it go to a side output that triggers restatement of the affected minutes from Bronze; a minute is marked final after the lateness horizon (e.g. 24 h for mobile offline uploads).
- Advertiser dashboards show spend in the advertiser's time zone: store UTC minutes, roll up per time zone in serving.

**5. Reprocessing**
- Replay reads **Bronze** (already on cheap storage for 90 days), not Kafka: a Spark job using the same transformation library as the Flink job (shared code, so no Lambda-style drift), sized for ~2.7B events/s (thousands of cores for 4 hours), writing to a staging table, reconciled, then swapped in by atomic partition overwrite.
- Keeping 90 days in Kafka (the pure Kappa option) is the rejected alternative: ~8 PB before replication on brokers, and a replay still could not run at 540x through one streaming job.

**6. Hot keys**
- Partitioning the topic by advertiser_id puts a top advertiser (several % of traffic) on one partition. Partition by impression_id instead and aggregate in two stages: per (advertiser, minute, subtask), then merge.

**7. Operations**
- Page on consumer lag in *seconds behind*, not message count; autoscale consumers; bounded buffers and a DLQ for unparseable events.
- Schema registry with backward-compatible rules at producers; a validation step quarantines bad batches before Silver.
- Streaming writes create small files: compaction every ~15 minutes to 128-512 MB files.
- Runbook entries: lag, dedup-state growth, reconciliation mismatch, late-data volume spike.`,
      hints: [
        'What does 5M events per second mean in bytes per day, and in bytes for 90 days?',
        'How fast must a 90-day replay run compared with live traffic?',
        'Where does the id you deduplicate on come from, and is it the same on a retry?',
        'What happens to one partition if you key the topic by advertiser?',
      ],
      probes: [
        {
          level: 'E4',
          prompt: 'Where can duplicates enter this pipeline?',
          lookFor: 'Producer retries, consumer restarts between processing and committing offsets, replays; each mapped to a defence.',
        },
        {
          level: 'E5',
          prompt: 'A Flink job restarts from a checkpoint 3 minutes old. What happens to the dashboard numbers?',
          lookFor: 'Events since the checkpoint are reprocessed; increments would double-count, overwrites of whole minute aggregates are idempotent; sink writes tied to checkpoints (two-phase commit) or upserts.',
        },
        {
          level: 'E6',
          prompt: 'Billing finds a 0.3% gap between the streaming numbers and Gold for one day. Walk me through the investigation and the permanent fix.',
          lookFor: 'Bounds the gap by minute and country, checks late-data side output volume and dedup TTL expiry, compares id sets, finds root cause, adds a reconciliation SLO and alert, and decides which number is the system of record.',
        },
      ],
      signalKeys: [
        'design.clarifies-sla',
        'design.estimates-before-architecture',
        'design.justifies-architecture',
        'design.idempotent-sink',
        'design.handles-late-data',
        'design.sizes-reprocessing',
        'design.partitions-for-hot-keys',
        'design.operational-runbook',
        'design.evolves-schema-safely',
      ],
      twists: [
        {
          key: 'duplicate-delivery-on-retry',
          title: 'Duplicate delivery on retry',
          prompt: 'A network blip makes 2% of mobile clients resend the last 5 minutes of impressions. What protects billing?',
          strongAnswer:
            'Treats delivery as at-least-once. The impression id is minted at serve time and reused on every resend, so the stream job drops repeats in keyed state whose TTL covers the retry window, and the sink overwrites whole minute aggregates instead of adding to them. Billing reads the reconciled tables deduplicated on that id, so a resend storm shows up as a spike in the dedup rate, not as extra spend.',
          probesSignalKey: 'design.idempotent-sink',
        },
        {
          key: 'ninety-day-backfill',
          title: 'A 90-day backfill',
          prompt: 'A pricing bug affected the last 90 days. Finance needs corrected numbers by the end of the day. Go.',
          strongAnswer:
            'Does the arithmetic first: 90 days in one working day is hundreds of times the live rate, so the live job cannot simply replay it. Reads the raw Bronze layer with a batch job that shares the streaming transformation code, writes to staging, reconciles against the old numbers, then swaps partitions atomically. Names the cluster size and hours, and tells finance which days land first.',
          probesSignalKey: 'design.sizes-reprocessing',
        },
        {
          key: 'hot-advertiser',
          title: 'A hot key',
          prompt: 'A Super Bowl campaign makes one advertiser 15% of all traffic for two hours. What breaks first?',
          strongAnswer:
            'Sees that keying the topic or the aggregation by advertiser puts 15% of traffic on one partition and one task, so lag and checkpoint time blow up there first. Partitions by impression id and aggregates in two stages (per subtask, then merged per advertiser), or salts the hot key; alerts on per-partition lag and skew, not only the total.',
          probesSignalKey: 'design.partitions-for-hot-keys',
        },
        {
          key: 'upstream-schema-drift',
          title: 'Upstream schema drift',
          prompt: 'The iOS team renames cost_micros to cost_usd_micros in a release, with no notice. What happens, and what should have happened?',
          strongAnswer:
            'Without a contract the old field arrives empty and iOS spend silently drops to zero. A schema registry with compatibility rules refuses the breaking change at the producer; a validation step before Silver quarantines batches whose schema changed and pages someone. A rename ships as add the new field, write both, move readers, then retire the old one.',
          probesSignalKey: 'design.evolves-schema-safely',
        },
      ],
    },
  },
  {
    slug: 'design-cdc-user-profiles-lakehouse',
    roundKind: 'SYSTEM_DESIGN',
    title: 'Replicate sharded user profiles into the warehouse',
    difficulty: 'HARD',
    candidateView: {
      prompt: `User profiles live in a sharded MySQL fleet (4,000 shards, ~3B rows, ~50k updates/s at peak). Analysts currently use a nightly full dump that takes 9 hours and loads the primary databases.

Design a replacement that:
- keeps a warehouse copy of profiles **fresh within 15 minutes**,
- gives analysts **history** of selected attributes (country, account status) for point-in-time analysis,
- propagates **account deletions** for privacy compliance within the legal deadline,
- does not add meaningful load to the production databases.`,
    },
    interviewerView: {
      solution: `**Clarify:** freshness target (15 min), which attributes need history, deletion deadline (e.g. 30 days end to end), whether schema changes on the MySQL side are coordinated.

**Estimates:** 50k changes/s x ~1 KB row image = ~50 MB/s, ~4 TB/day of change events; the current table is ~3B rows x ~1 KB = ~3 TB.

**Architecture**

\`\`\`text
MySQL shards --binlog--> CDC connectors (Debezium-style, one per shard group)
  -> Kafka topic per table, keyed by primary key (order preserved per row)
  -> Bronze: raw change events (op, before, after, binlog position, commit ts), append-only
  -> Silver:
       users_current   MERGE on user_id every 5-10 min (latest change by binlog position wins)
       users_history   SCD2 for country/status: close the open row, open a new one
  -> Gold: analyst-facing views; deletes applied to every table
\`\`\`

**Key decisions**
- **Log-based CDC over polling:** reads the binlog, so no query load on primaries, sees every intermediate change and **hard deletes**. \`updated_at\` polling misses deletes and rows updated twice between polls, and adds read load. Polling is acceptable only for sources without a log.
- **Bootstrap:** snapshot each shard from a replica at a recorded binlog position, then stream from that position, so no change is lost or double-applied.
- **Ordering and idempotency:** order by (shard, binlog file, position) per key; the MERGE keeps the change with the highest position, so replays and duplicates converge.
- **History:** SCD2 only for attributes someone needs historically (country, status); Type 1 for the rest, which keeps the history table small.
- **Deletes:** tombstones flow to Silver; a deletion job removes the user from current, history and derived tables (partition rewrites batched daily), with an audit log proving completion before the deadline.
- **Schema changes:** CDC carries schema; a registry with compatibility rules; an unexpected column type change quarantines the batch instead of corrupting Silver.
- **Small files:** micro-batch MERGEs every few minutes create many files; schedule compaction.

**Rejected alternatives:** keeping the nightly dump from replicas (still 9 hours stale, no deletes between dumps), dual writes from the application (inconsistent on partial failure).`,
      hints: [
        'What does polling on updated_at miss?',
        'How do you get the 3B existing rows in without losing changes made during the copy?',
        'How do you apply a change twice without corrupting the table?',
      ],
      probes: [
        {
          level: 'E4',
          prompt: 'How does an analyst find a user\'s country on a given date?',
          lookFor: 'Joins users_history on user_id with valid_from <= date < valid_to.',
        },
        {
          level: 'E5',
          prompt: 'One shard\'s connector was down for 6 hours and the binlog was purged. What now?',
          lookFor: 'Re-snapshot that shard from a replica at a new binlog position and reconcile; history for the gap is lost (intermediate changes), so mark it; alert on binlog retention vs connector lag.',
        },
        {
          level: 'E6',
          prompt: 'Legal says deletions must reach every derived table in 7 days, including ML feature tables owned by other teams. How do you make that hold across the org?',
          lookFor: 'Lineage-driven deletion: a central deletion log every pipeline must consume, contract and SLA per owning team, automated verification scans, escalation path; explains cost of rewriting partitioned data and batching.',
        },
      ],
      signalKeys: [
        'design.clarifies-sla',
        'design.estimates-before-architecture',
        'design.prefers-log-based-cdc',
        'design.idempotent-sink',
        'design.evolves-schema-safely',
        'design.operational-runbook',
        'design.justifies-architecture',
      ],
      twists: [
        {
          key: 'hard-deletes',
          title: 'Hard deletes',
          prompt: 'Product discovers that 2M deleted accounts still show up in the warehouse from the old dump process. How does your design prevent that?',
          strongAnswer:
            'Explains that polling on updated_at never sees a row that no longer exists, which is how the dump leaked deletions. Log-based CDC reads delete events from the binlog without loading the primaries; the warehouse applies them with a MERGE that removes or tombstones the row, propagates to derived tables, and a periodic count against the source proves it.',
          probesSignalKey: 'design.prefers-log-based-cdc',
        },
        {
          key: 'column-type-change',
          title: 'Upstream schema drift',
          prompt: 'A DBA changes status from TINYINT to VARCHAR on half the shards during a rolling migration. What happens?',
          strongAnswer:
            'Expects two shapes of one column while the migration rolls, so the connector either fails or writes mixed types. Wants the change coordinated through a schema contract or registry (new column, backfill, switch readers), rows that fail validation quarantined before Silver with an alert, and never a silent cast.',
          probesSignalKey: 'design.evolves-schema-safely',
        },
        {
          key: 'replayed-binlog',
          title: 'Duplicate delivery on replay',
          prompt: 'A connector restarts and replays 20 minutes of binlog. Show that the tables end up correct.',
          strongAnswer:
            'Shows the apply is idempotent: every change carries its binlog position or a row version, and the MERGE keeps only the newer version, so a replayed change matches what is stored or loses to it. History rows are keyed by (id, change position), so they are not written twice either.',
          probesSignalKey: 'design.idempotent-sink',
        },
      ],
    },
  },
  {
    slug: 'design-creator-engagement-counters',
    roundKind: 'SYSTEM_DESIGN',
    title: 'Live engagement counters for creators',
    difficulty: 'MEDIUM',
    candidateView: {
      prompt: `Creators want a live dashboard showing likes, comments, shares and unique viewers for each of their posts, updated within **1 minute**, plus daily totals that are exact.

- ~2M engagement events per second at peak, heavily skewed: a viral post can get 200k events per second.
- Unlikes and deleted comments must reduce the counts.
- The daily numbers feed the creator monetisation programme.

Design it.`,
    },
    interviewerView: {
      solution: `**Clarify:** live numbers can be approximate, daily numbers exact; retention of per-post history; which unique-viewer definition (per day? lifetime?).

**Estimates:** 2M events/s x ~150 B = 300 MB/s, ~26 TB/day. One viral post at 200k/s exceeds what a single partition/task comfortably handles.

**Architecture**

\`\`\`text
clients/servers -> Kafka (partitioned by hash(event_id), not post_id)
  -> stream job:
       stage 1: pre-aggregate per (post_id, 10 s window, subtask)   -- spreads hot posts across tasks
       stage 2: merge per (post_id, minute); unique viewers as HyperLogLog sketches (mergeable)
       sink: upsert per (post_id, minute) into a serving store (overwrite, idempotent)
  -> raw events to the lake (Bronze), partitioned by ds/hour
batch (daily): exact counts and exact distinct viewers from Bronze, deduped on event_id,
               with unlikes/deletes applied; this is what monetisation reads
\`\`\`

**Key decisions**
- **Lambda-shaped on purpose:** fast approximate path plus an exact batch path, because the two consumers need different guarantees. The cost is two code paths; mitigate with a shared event-interpretation library and a daily reconciliation of the live numbers against batch. Kappa alone would need exact distinct counts in streaming state (memory per viral post) for a requirement only the daily numbers have.
- **Hot keys:** partitioning by post_id would pin a viral post to one task; two-stage aggregation is the fix. Caching reads for viral posts in the serving layer handles the read side.
- **Unlikes / deletes** are events with negative weight keyed by the original event id, so they cancel exactly in batch; in streaming they subtract, which can go briefly negative with reordering (clamp in display).
- **Idempotency:** overwrite minute buckets; batch overwrites whole ds partitions.
- **Operations:** lag alerting, skew dashboards (top posts by event rate), compaction of small files from the raw sink, a reconciliation threshold that blocks the monetisation export if live vs batch diverge unexpectedly.`,
      hints: [
        'What happens to the task that owns a viral post?',
        'Can unique viewers be added across minutes? What structure can be merged?',
        'Do the live dashboard and monetisation need the same guarantees?',
      ],
      probes: [
        {
          level: 'E4',
          prompt: 'Why not just increment a counter in a database row per post?',
          lookFor: 'Write contention on hot rows, retries double-increment (not idempotent), no history; aggregation before the write fixes both.',
        },
        {
          level: 'E5',
          prompt: 'How exact is HyperLogLog, and when is that not good enough?',
          lookFor: 'About 1-2% standard error at typical sizes; fine for live display, not for payouts; the batch path computes exact distincts for monetisation.',
        },
        {
          level: 'E6',
          prompt: 'A bot network inflates one creator\'s views by 10x for an hour. What should the system and the team do?',
          lookFor: 'Integrity signals feed a filter in Silver and the monetisation batch; live counters may show inflated numbers briefly, restated later; payout holds and appeals; a metric for filtered volume per creator with alerting.',
        },
      ],
      signalKeys: [
        'design.clarifies-sla',
        'design.estimates-before-architecture',
        'design.justifies-architecture',
        'design.partitions-for-hot-keys',
        'design.idempotent-sink',
        'design.handles-late-data',
        'design.operational-runbook',
      ],
      twists: [
        {
          key: 'viral-post',
          title: 'A hot key',
          prompt: 'A post goes viral: 300k events per second for 20 minutes. Which component fails first in your design?',
          strongAnswer:
            'Names the task that owns the post, when events are partitioned by post id, as the first to fall behind. Partitions by event id, pre-aggregates per short window and subtask before merging per post, keeps unique viewers in mergeable sketches, caches the hot read, and alerts on per-key skew.',
          probesSignalKey: 'design.partitions-for-hot-keys',
        },
        {
          key: 'late-unlikes',
          title: 'Late-arriving retractions',
          prompt: 'Unlikes from offline phones arrive 2 days late. Monetisation for that day has been paid. What happens?',
          strongAnswer:
            'Keeps the approximate live path apart from the exact daily numbers. Late retractions are applied by reprocessing the affected day from raw events, keyed to the original event id so they cancel exactly, and a restatement policy settles a day already paid through an adjustment in the next payout rather than by rewriting history quietly.',
          probesSignalKey: 'design.handles-late-data',
        },
      ],
    },
  },
];
