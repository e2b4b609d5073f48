import type { Question } from '../question-types';

// Markdown fences are spelled via FENCE so code blocks stay readable inside template literals.
// Backslashes in the Python regexes are doubled: a template literal would otherwise eat them.
const FENCE = '```';

export const PYTHON_ETL_QUESTIONS: Question[] = [
  {
    slug: 'python-parse-server-logs',
    roundKind: 'PYTHON_ETL',
    title: 'Parse semi-structured server logs',
    difficulty: 'MEDIUM',
    candidateView: {
      prompt: `Application servers write lines like these:

${FENCE}text
2024-01-15T08:32:01Z | user=12345 | action=view | item_id=abc99 | latency_ms=142
2024-01-15T08:32:05Z | user=12345 | action=purchase | item_id=abc99 | amount=29.99
2024-01-15T08:32:07Z | MALFORMED LINE NO PIPE
2024-01-15T08:32:10Z | user=67890 | action=view | item_id=xyz01 | latency_ms=88
${FENCE}

Every valid line has a timestamp, a user and an action; the remaining \`key=value\` fields vary by action.

Write a function that turns an iterable of lines into records (dicts) ready to load into a table, with \`user_id\` as an int and \`latency_ms\` / \`amount\` as numbers. Malformed lines must be skipped **and counted**.`,
    },
    interviewerView: {
      solution: `**Shape:** one compiled header regex with named groups, a second regex for the variable tail, typed conversion of known fields, a generator so memory stays flat, and reject counts by reason.

${FENCE}python
import re
from collections import Counter
from typing import Iterable, Iterator

HEADER = re.compile(
    r"^(?P<ts>\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z)\\s*\\|"
    r"\\s*user=(?P<user_id>\\d+)\\s*\\|"
    r"\\s*action=(?P<action>[a-z_]+)"
    r"(?P<tail>(?:\\s*\\|\\s*\\w+=[^|\\s]+)*)\\s*$"
)
FIELD = re.compile(r"(\\w+)=([^|\\s]+)")
NUMERIC_FIELDS = {"latency_ms": int, "amount": float}


def parse_log_lines(lines: Iterable[str], rejects: Counter) -> Iterator[dict]:
    """Yields one record per valid line; counts every skipped line in rejects by reason."""
    for raw in lines:
        line = raw.strip()
        if not line:
            rejects["blank"] += 1
            continue
        header = HEADER.match(line)
        if header is None:
            rejects["bad_header"] += 1
            continue
        record = {
            "ts": header["ts"],
            "user_id": int(header["user_id"]),
            "action": header["action"],
        }
        try:
            for key, value in FIELD.findall(header["tail"]):
                convert = NUMERIC_FIELDS.get(key)
                record[key] = convert(value) if convert else value
        except ValueError:
            rejects["bad_value"] += 1
            continue
        yield record


# Usage when a list is really wanted:
# rejects = Counter(); records = list(parse_log_lines(open(path), rejects))
${FENCE}

**What to look for**
- Regexes compiled once at module level, named groups, no \`split('|')\` chains that break on a value containing a space.
- Anchored match (\`^...$\`), so a line with trailing garbage is rejected rather than half-parsed.
- Malformed input is counted by reason; a strong candidate adds "fail the batch if rejects exceed X%", because a format change upstream would otherwise silently empty the table.
- A generator, not a list: the same code works for a 50 GB file.
- Known numeric fields converted; unknown keys kept as strings (or routed to a map column) rather than dropped.

**At 100x:** parsing is CPU-bound and embarrassingly parallel: \`mapPartitions\` in Spark or a Beam \`ParDo\`, reading files in splits; the reject counts become accumulators/metrics; late schema changes go through a schema registry rather than code edits.`,
      hints: [
        'Which parts of the line are always there, and which vary?',
        'If the file were 50 GB, what in your code would run out of memory first?',
        'How would you know tomorrow that 30% of lines started failing?',
      ],
      probes: [
        {
          level: 'E4',
          prompt: 'A value contains an escaped pipe (\\|). What breaks and how do you handle it?',
          lookFor: 'Recognises the tokenisation assumption; either extends the value pattern for escapes or rejects the line deliberately, with a count.',
        },
        {
          level: 'E5',
          prompt: 'The same logs now arrive as a Kafka stream at 200k lines per second. What changes?',
          lookFor: 'Same pure parse function inside a consumer; partitions mapped to workers; rejects to a dead-letter topic with the raw line; metrics for reject rate; at-least-once with downstream dedup on a line hash or request id.',
        },
        {
          level: 'E6',
          prompt: 'Twelve services write these logs and each adds fields on its own. How do you stop this parser from becoming a bottleneck for every team?',
          lookFor: 'Moves to a producer-side schema (structured logging with a registry and compatibility rules), keeps the regex parser only as a legacy path, owns a migration plan; quantifies what the current breakages cost.',
        },
      ],
      signalKeys: [
        'python.asks-input-size-and-frequency',
        'python.agrees-contract-first',
        'python.streams-with-bounded-memory',
        'python.handles-dirty-input',
        'python.discusses-100x-scale',
      ],
    },
  },
  {
    slug: 'python-flatten-nested-json',
    roundKind: 'PYTHON_ETL',
    title: 'Flatten nested JSON events',
    difficulty: 'MEDIUM',
    candidateView: {
      prompt: `Events arrive as nested JSON, for example:

${FENCE}json
{
  "user": {"id": 123, "address": {"city": "NYC", "zip": "10001"}},
  "items": [{"sku": "A1", "qty": 2}, {"sku": "B3", "qty": 1}],
  "coupon": null,
  "total": 49.99
}
${FENCE}

Write \`flatten(event)\` that returns a single-level dict suitable for loading into a relational table, with keys such as \`user.address.city\` and \`items.0.sku\`.
Some producers send very deeply nested payloads.`,
    },
    interviewerView: {
      solution: `**Shape:** walk the tree with a path prefix; lists indexed by position; a depth cap below which the subtree is kept as a JSON string; explicit handling of empty containers and key collisions. An explicit stack avoids Python's recursion limit on hostile input.

${FENCE}python
import json
from typing import Any

MAX_DEPTH = 8


def flatten(event: dict[str, Any], sep: str = ".", max_depth: int = MAX_DEPTH) -> dict[str, Any]:
    flat: dict[str, Any] = {}
    pending: list[tuple[str, Any, int]] = [("", event, 0)]
    while pending:
        path, node, depth = pending.pop()
        is_container = isinstance(node, (dict, list))
        if is_container and node and depth < max_depth:
            children = node.items() if isinstance(node, dict) else enumerate(node)
            for key, child in children:
                child_path = f"{path}{sep}{key}" if path else str(key)
                pending.append((child_path, child, depth + 1))
            continue
        if path in flat:
            # a literal key "user.id" next to {"user": {"id": ...}}: refuse to overwrite silently
            raise ValueError(f"flattened key collision: {path!r}")
        # empty containers and over-deep subtrees keep their content as JSON text
        flat[path] = json.dumps(node, sort_keys=True) if is_container else node
    return flat
${FENCE}

For the sample: \`user.id\`, \`user.address.city\`, \`user.address.zip\`, \`items.0.sku\`, \`items.0.qty\`, \`items.1.sku\`, \`items.1.qty\`, \`coupon\` (None), \`total\`.

**What to look for**
- **Depth cap with a defined fallback** (JSON string), not silent truncation. Note: parsed JSON cannot contain cycles, so the cap protects against pathological depth and column explosion, not cycles; a candidate who says "cycle guard" should be asked when a cycle could occur (only with in-memory objects).
- **Empty \`{}\` / \`[]\`** otherwise vanish, so the column disappears from some rows; **\`null\`** must be kept as None, not dropped.
- **Key collisions** between a dotted literal key and a nested path.
- **Lists:** positional columns (\`items.0.sku\`) explode the schema for long arrays. The better relational answer for repeated items is a child table (one row per item, keyed by event id) or an array column; raise it.
- Types preserved (ints stay ints), so downstream schema inference works.

**At 100x:** flattening is per-record and parallel; the real problem is schema: thousands of dynamic columns. Propose a fixed projection of known fields plus a map/JSON column for the rest, and schema-drift alerts when new paths appear.`,
      hints: [
        'What should happen to a list of line items: more columns or more rows?',
        'What does your function return for {"a": {}}? And for {"a.b": 1, "a": {"b": 2}}?',
        'How deep can Python recurse before it fails?',
      ],
      probes: [
        {
          level: 'E4',
          prompt: 'Return items as a separate list of rows (one per item) keyed by an event id instead of positional columns.',
          lookFor: 'Splits the event into a parent record and child records carrying the parent key; explains why that is the relational shape.',
        },
        {
          level: 'E5',
          prompt: 'Producers keep adding fields; the warehouse table has 2,000 columns, mostly NULL. What do you do?',
          lookFor: 'Promote a curated set of fields to columns by usage, keep the remainder in a map/JSON column, and alert on new paths so promotion is a decision, not an accident.',
        },
        {
          level: 'E6',
          prompt: 'A producer renames user.id to user.user_id in a release. Nobody told you. What happens end to end, and what process would have stopped it?',
          lookFor: 'Silent NULLs in user.id and a new column: metrics drop without errors; proposes schema registry with compatibility checks at produce time, a validation job that blocks writes to the cleansed tier on schema deltas, and a data contract owned with the producer team.',
        },
      ],
      signalKeys: [
        'python.agrees-contract-first',
        'python.handles-dirty-input',
        'python.chooses-right-structures',
        'python.tests-by-hand',
        'python.discusses-100x-scale',
      ],
    },
  },
  {
    slug: 'python-checkout-sequence-validator',
    roundKind: 'PYTHON_ETL',
    title: 'Validate checkout event sequences',
    difficulty: 'HARD',
    candidateView: {
      prompt: `A checkout funnel emits events \`{"event_id": str, "user_id": int, "action": str, "ts": float}\`. A valid journey is:

${FENCE}text
cart_add (one or more) → checkout_start → payment_submitted → order_confirmed
${FENCE}

Given a batch of events for many users (not sorted), report per user:
- the out-of-order or missing-step transitions (e.g. \`payment_submitted\` with no \`checkout_start\` before it),
- the state they ended in (so stuck journeys can be counted).

The event stream is delivered at-least-once.`,
    },
    interviewerView: {
      solution: `**Shape:** transitions as data, explicit per-user state, events ordered per user, duplicates dropped by \`event_id\` before validation (at-least-once delivery means a retried \`payment_submitted\` is not a user error).

${FENCE}python
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Iterable

START = "START"
NEXT_ALLOWED: dict[str, frozenset[str]] = {
    START: frozenset({"cart_add"}),
    "cart_add": frozenset({"cart_add", "checkout_start"}),
    "checkout_start": frozenset({"payment_submitted"}),
    "payment_submitted": frozenset({"order_confirmed"}),
    # a confirmed order ends the journey; a new basket may begin after it
    "order_confirmed": frozenset({"cart_add"}),
}


@dataclass
class JourneyReport:
    user_id: int
    state: str = START
    violations: list[tuple[str, str, float]] = field(default_factory=list)  # (from, action, ts)
    duplicates: int = 0


def validate_journeys(events: Iterable[dict]) -> dict[int, JourneyReport]:
    by_user: dict[int, list[dict]] = defaultdict(list)
    for event in events:
        by_user[event["user_id"]].append(event)

    reports: dict[int, JourneyReport] = {}
    for user_id, user_events in by_user.items():
        report = JourneyReport(user_id)
        seen_ids: set[str] = set()
        # ties on ts are broken by event_id only to make the output deterministic
        for event in sorted(user_events, key=lambda e: (e["ts"], e["event_id"])):
            if event["event_id"] in seen_ids:
                report.duplicates += 1
                continue
            seen_ids.add(event["event_id"])
            action = event["action"]
            if action in NEXT_ALLOWED.get(report.state, frozenset()):
                report.state = action
            else:
                # state stays put: one bad event should not cascade into a chain of violations
                report.violations.append((report.state, action, event["ts"]))
        reports[user_id] = report
    return reports
${FENCE}

Stuck journeys are the reports whose \`state\` is \`checkout_start\` or \`payment_submitted\` (a user who ends on \`cart_add\` has abandoned a cart, which is normal, not an error).

**What to look for**
- **Transition table as data**, not nested ifs: adding a step (e.g. \`address_entered\`) is a one-line change.
- **Ordering**: the input is unsorted; sort per user (O(n log n) per user), and ask whether client timestamps can be trusted (clock skew) or a sequence number exists.
- **Duplicates vs violations**: without dedup, a retried event is reported as an invalid self-transition.
- **Unknown actions** fall through to a violation via \`.get(..., frozenset())\` rather than a KeyError.
- Policy on an invalid event (state does not advance) stated and justified.

**At 100x / streaming:** key by \`user_id\` (Flink keyed state or Kafka partitioning by user), keep state = (current step, small set of recent event ids with a TTL), and a timer per user that emits "stuck" after N minutes in a non-terminal step. Stateless workers with Redis holding state are an alternative with a network hop per event; keyed state in the stream processor is cheaper and checkpointed.`,
      hints: [
        'How would you represent which actions are legal after each action?',
        'The batch is unsorted. What must be true before you walk a user\'s events?',
        'The stream is at-least-once. What does a retried payment_submitted look like to your validator?',
      ],
      probes: [
        {
          level: 'E4',
          prompt: 'Add the count of users stuck at each step, and the median time they have been stuck.',
          lookFor: 'Uses the final state and last event ts per user; Counter over states; handles users with no stuck state.',
        },
        {
          level: 'E5',
          prompt: 'Events now arrive as a stream, up to 10 minutes out of order. How does the validator change?',
          lookFor: 'Buffers per user until a watermark passes (event time minus allowed lateness), then validates in order; bounded buffers; late events beyond the watermark go to a side output.',
        },
        {
          level: 'E6',
          prompt: 'Finance wants "orders confirmed without a payment" alerted within a minute, with no false alarms from retries or reordering. Design it.',
          lookFor: 'Keyed streaming state per user/order with dedup on event_id, a short wait for reordering before alerting, alert routing and suppression, replay-safe idempotent alert ids, and a daily batch reconciliation to measure missed and false alerts.',
        },
      ],
      signalKeys: [
        'python.chooses-right-structures',
        'python.handles-dirty-input',
        'python.reviewable-code',
        'python.tests-by-hand',
        'python.discusses-100x-scale',
      ],
    },
  },
  {
    slug: 'python-dedupe-retried-events',
    roundKind: 'PYTHON_ETL',
    title: 'Drop duplicate deliveries with bounded memory',
    difficulty: 'MEDIUM',
    candidateView: {
      prompt: `A producer retries sends on timeout, so the same event (same \`event_id\`) can be delivered again up to **10 minutes** after the first copy. Events are **roughly** in time order: any event can be up to **5 minutes** late.

${FENCE}python
# each event: {"event_id": str, "event_ts": int (epoch seconds), "payload": dict}
def dedupe(events: Iterable[dict]) -> Iterator[dict]: ...
${FENCE}

Emit each \`event_id\` once. The stream is unbounded, so memory must stay bounded.`,
    },
    interviewerView: {
      solution: `**Shape:** remember ids only for a horizon (retry window + lateness), evict in arrival order against an event-time cutoff, and route anything older than the horizon somewhere explicit instead of guessing.

${FENCE}python
from collections import OrderedDict
from typing import Callable, Iterable, Iterator

RETRY_WINDOW_S = 600
MAX_LATENESS_S = 300
HORIZON_S = RETRY_WINDOW_S + MAX_LATENESS_S


def dedupe(
    events: Iterable[dict],
    on_too_late: Callable[[dict], None] = lambda event: None,
) -> Iterator[dict]:
    remembered: OrderedDict[str, int] = OrderedDict()  # event_id -> event_ts, oldest arrival first
    newest_ts: int | None = None
    for event in events:
        event_id, ts = event["event_id"], event["event_ts"]
        newest_ts = ts if newest_ts is None else max(newest_ts, ts)
        cutoff = newest_ts - HORIZON_S

        # arrival order is close to event-time order, so the front is where expired ids sit
        while remembered:
            oldest_id, oldest_ts = next(iter(remembered.items()))
            if oldest_ts >= cutoff:
                break
            remembered.popitem(last=False)

        if ts < cutoff:
            on_too_late(event)          # cannot prove it is not a duplicate: let the caller decide
            continue
        if event_id in remembered:
            continue
        remembered[event_id] = ts
        yield event
${FENCE}

**Memory:** ids within ~15 minutes of traffic. At 10k events/s that is ~9M ids: roughly 1 GB in CPython, which is the number to say out loud before proposing a different store.

**What to look for**
- Derives the horizon from the two numbers given rather than picking one.
- Eviction keyed on **event time** (a watermark from the max seen), not wall-clock time, so replays behave the same as live runs.
- A deliberate policy for events older than the horizon (side output), not silently emitting or dropping them.
- O(1) amortised per event; no scanning of the whole set.
- Knows this is a best-effort first line: the **sink must still be idempotent** (upsert on event_id) because the dedup state is lost on restart unless checkpointed.

**Trade-offs to discuss:** a Bloom filter cuts memory ~10x but its false positives drop real events, which is unacceptable for billing and fine for, say, view counters; a KV store (Redis with TTL) survives restarts but adds a network round trip per event.`,
      hints: [
        'For how long must you remember an id? Which two numbers in the prompt decide it?',
        'How do you find the ids that have expired without scanning them all?',
        'What do you do with an event that is older than everything you still remember?',
      ],
      probes: [
        {
          level: 'E4',
          prompt: 'What is the memory footprint at 10,000 events per second?',
          lookFor: 'Multiplies rate by horizon (~9M ids) and by per-entry size; knows CPython dict/str overhead is ~100 bytes per entry.',
        },
        {
          level: 'E5',
          prompt: 'The process restarts. What happens to duplicates across the restart?',
          lookFor: 'State lost, so duplicates within the horizon leak; checkpoint state (Flink keyed state), or rely on an idempotent sink keyed by event_id as the real guarantee.',
        },
        {
          level: 'E6',
          prompt: 'Scale to 5M events/s across 500 workers for a billing stream. Design the dedup end to end.',
          lookFor: 'Partition by event_id hash so each id has one owner; keyed state with TTL = horizon in RocksDB, checkpointed; idempotent MERGE at the sink; rejects Bloom filters for billing; measures duplicates leaked with a batch reconciliation.',
        },
      ],
      signalKeys: [
        'python.asks-input-size-and-frequency',
        'python.streams-with-bounded-memory',
        'python.chooses-right-structures',
        'python.handles-dirty-input',
        'python.discusses-100x-scale',
      ],
    },
  },
];
