import type { Signal } from '../signal-types';

export const PYTHON_ETL_SIGNALS: Signal[] = [
  {
    key: 'python.asks-input-size-and-frequency',
    roundKind: 'PYTHON_ETL',
    label: 'Asks input size and update frequency',
    lookFor:
      'Asks how big the input is, whether it arrives as a file or a stream, how often, and whether it is ordered, and lets the answer shape the design (generator vs list, batch vs incremental).',
    anchors: {
      E4: 'Assumes the sample is the input and loads it into a list.',
      E5: 'Asks the size, but the answer does not change what they write.',
      E6: 'Asks size, cadence and ordering; says "hourly files of ~50 GB, so I stream lines and keep only per-user state in memory".',
    },
    rule: { kind: 'TIMED', withinSeconds: 120 },
  },
  {
    key: 'python.agrees-contract-first',
    roundKind: 'PYTHON_ETL',
    label: 'Agrees the input/output contract before coding',
    lookFor:
      'Before the main loop: the output shape, what counts as malformed, and the bad-input policy (skip and count, dead-letter, or fail the batch), confirmed with the interviewer.',
    anchors: {
      E4: 'Discovers mid-code that some lines have no pipe and adds a try/except that swallows everything.',
      E5: 'Asks what to do with bad lines once the first one breaks the parser.',
      E6: 'Opens with "I\'ll return records plus counts of rejects by reason; a reject rate over a threshold should fail the job rather than publish a partial table."',
    },
    rule: { kind: 'ORDERED', before: 'python.chooses-right-structures', whenPairAbsent: 'NOT_MET' },
  },
  {
    key: 'python.chooses-right-structures',
    roundKind: 'PYTHON_ETL',
    label: 'Chooses the right data structures',
    lookFor:
      'dict / defaultdict / Counter / set for O(1) lookups, OrderedDict or a heap for eviction; no repeated linear scans; can state the time and memory cost.',
    anchors: {
      E4: 'Checks "if event_id in seen_list" inside the loop: quadratic without noticing.',
      E5: 'Uses a dict and a Counter correctly but cannot say how memory grows.',
      E6: 'Picks the structure from the access pattern and states the bound: "one entry per open user, evicted on the terminal state, so memory tracks concurrent users, not events".',
    },
    rule: { kind: 'PRESENCE' },
  },
  {
    key: 'python.streams-with-bounded-memory',
    roundKind: 'PYTHON_ETL',
    label: 'Streams with bounded memory',
    lookFor:
      'Generators over lines instead of read().splitlines(); regexes compiled once at module level; state with an eviction rule so memory does not grow with the input.',
    anchors: {
      E4: 'Reads the whole file into a list and compiles the regex inside the loop.',
      E5: 'Compiles once and iterates lazily, but keeps an ever-growing set of seen ids.',
      E6: 'Yields records, keeps only state inside a stated horizon, and says what happens to input older than that horizon.',
    },
    rule: { kind: 'PRESENCE' },
  },
  {
    key: 'python.handles-dirty-input',
    roundKind: 'PYTHON_ETL',
    label: 'Handles dirty and adversarial input',
    lookFor:
      'Empty lines, wrong types, duplicated or out-of-order events, unknown actions, deep nesting, key collisions, empty containers: each handled on purpose and counted, not crashed on or silently dropped.',
    anchors: {
      E4: 'Handles the one malformed line shown in the sample and nothing else.',
      E5: 'Handles malformed lines and type errors; misses out-of-order or duplicate events.',
      E6: 'Lists the failure classes before coding and decides each one, e.g. "a key containing a dot collides with a nested path: raise rather than overwrite".',
    },
    rule: { kind: 'PRESENCE' },
  },
  {
    key: 'python.tests-by-hand',
    roundKind: 'PYTHON_ETL',
    label: 'Tests their own code by hand',
    lookFor:
      'Traces the sample through the code line by line and names the unit tests they would write, edge cases first.',
    anchors: {
      E4: 'Declares it done; the interviewer finds the off-by-one.',
      E5: 'Traces the sample input and fixes a bug they find.',
      E6: 'Traces the sample, then names three edge-case tests (empty input, duplicate event, event after the terminal state) with expected outputs.',
    },
    rule: { kind: 'PRESENCE' },
  },
  {
    key: 'python.reviewable-code',
    roundKind: 'PYTHON_ETL',
    label: 'Writes code that would pass review',
    lookFor:
      'Type hints, small functions named by what they do, constants for magic values, no hidden global state, errors that say what failed.',
    anchors: {
      E4: 'One 60-line function with single-letter names and a bare except.',
      E5: 'Readable and typed, with a few magic numbers and a catch-all except.',
      E6: 'Reads like production code: transition table as data, a result type, narrow exceptions, and a short note on where it would be logged or alerted.',
    },
    rule: { kind: 'PRESENCE' },
  },
  {
    key: 'python.discusses-100x-scale',
    roundKind: 'PYTHON_ETL',
    label: 'Discusses 100x scale unprompted',
    lookFor:
      'Names the bottleneck (CPU, memory, I/O or network) and what moves: single loop to Spark/Beam map, in-memory dict to keyed state or an external KV store, file batches to a Kafka consumer; and what that costs in correctness.',
    anchors: {
      E4: '"We could use Spark" when asked, without saying what changes in the code.',
      E5: 'Explains mapPartitions over the parser and Redis for state when prompted.',
      E6: 'Unprompted: "the parser is CPU-bound and embarrassingly parallel; the validator is not, because state is per user, so partition by user_id and keep state keyed, and accept at-least-once delivery with idempotent output."',
    },
    rule: { kind: 'PRESENCE' },
  },
];
