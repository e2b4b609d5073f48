import type { RoundKind } from './round-kind';

// A session copies its format when it is created, so editing a number here never rewrites a past
// session. Bump this whenever a format changes so stored copies say which rules they ran under.
export const ROUND_FORMAT_VERSION = 1;

// A type alias, not an interface: it is stored as JSON, and Prisma's JSON input needs the implicit index signature.
export type RoundFormat = {
  version: number;
  kind: RoundKind;
  durationMinutes: number;
  maxQuestions: number;
  /** Pacing target for one question: the round's length spread evenly over its questions. */
  perQuestionBudgetMinutes: number;
  editor: { mode: 'PLAIN_TEXT'; hasAutocomplete: boolean; canExecute: boolean };
  firstTwoMinutes: {
    /** Candidate-facing wording of what a strong start looks like. */
    expectation: string;
    /** The TIMED signal that scores it. */
    signalKey: string;
  };
};

// Every round is practised the way the loop runs it: a plain-text editor with no completion and
// nothing to run, so the candidate has to reason about correctness and cost out loud.
const PLAIN_EDITOR = { mode: 'PLAIN_TEXT', hasAutocomplete: false, canExecute: false } as const;

function defineFormat(
  kind: RoundKind,
  durationMinutes: number,
  maxQuestions: number,
  firstTwoMinutes: RoundFormat['firstTwoMinutes'],
): RoundFormat {
  return {
    version: ROUND_FORMAT_VERSION,
    kind,
    durationMinutes,
    maxQuestions,
    perQuestionBudgetMinutes: durationMinutes / maxQuestions,
    editor: { ...PLAIN_EDITOR },
    firstTwoMinutes,
  };
}

// Durations: the syllabus fixes only SQL (up to five problems in 30 minutes, so 6 minutes each).
// It gives no length for the other rounds, so they use the standard 45-minute onsite slot.
// Question counts are ours, from the syllabus's shape of each round:
// - Python/ETL: its worked problems are medium/hard parsing and validation tasks that each end in a
//   100x-scale discussion, so two per slot (about 22 minutes each) rather than three.
// - Data modeling and system design: one open problem driven deep with scripted twists; a second
//   problem would cut the twists, which is where the Staff signal shows.
// - Product sense: a metric framework and an RCA are different skills, so two problems.
// - Behavioral: an SPSIL story takes about 2.5 minutes to tell (15+20+90+20+15 s) and the
//   architectural-defence probing after it takes far longer, so three stories.
const FORMATS: Record<RoundKind, RoundFormat> = {
  SQL: defineFormat('SQL', 30, 5, {
    expectation:
      'Before writing a line, say which partition key you will filter on (for example ds = \'2024-01-01\') and what one output row represents.',
    signalKey: 'sql.names-partition-filter',
  }),
  PYTHON_ETL: defineFormat('PYTHON_ETL', 45, 2, {
    expectation:
      'Ask what the expected input size and update frequency are (one file or a stream, megabytes or terabytes, hourly or continuous) before choosing an approach.',
    signalKey: 'python.asks-input-size-and-frequency',
  }),
  DATA_MODELING: defineFormat('DATA_MODELING', 45, 1, {
    expectation:
      'State the grain of the central fact table ("one row per ... per ...") before drawing any table.',
    signalKey: 'modeling.states-grain',
  }),
  SYSTEM_DESIGN: defineFormat('SYSTEM_DESIGN', 45, 1, {
    expectation:
      'Clarify the SLA: end-to-end latency, throughput, durability and correctness guarantees, and how far back reprocessing must reach.',
    signalKey: 'design.clarifies-sla',
  }),
  PRODUCT_SENSE: defineFormat('PRODUCT_SENSE', 45, 2, {
    expectation:
      'Define the North Star metric and the guardrail metrics before starting any analysis.',
    signalKey: 'product.defines-north-star-and-guardrails',
  }),
  BEHAVIORAL: defineFormat('BEHAVIORAL', 45, 3, {
    expectation:
      'Confirm which competency the question is testing (influence, conflict, mentorship, ownership ...) and pick the story that shows it before telling it.',
    signalKey: 'behavioral.confirms-competency',
  }),
};

/** The current format for a round kind; a fresh copy, safe to store in a session. */
export function getRoundFormat(kind: RoundKind): RoundFormat {
  return structuredClone(FORMATS[kind]);
}
