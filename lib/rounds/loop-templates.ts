import { getRoundFormat } from './round-formats';
import { ROUND_KIND_LABELS, type RoundKind } from './round-kind';

export const MAX_LOOP_ROUNDS = 8;

// The built-in bank holds enough questions for every kind to run twice without a repeat; a third
// round of one kind would have to recycle questions inside a single loop.
export const MAX_ROUNDS_PER_KIND = 2;

export const LOOP_TEMPLATE_KEYS = ['E6_FULL_LOOP', 'SQL_VELOCITY_DRILL', 'SINGLE_ROUND', 'CUSTOM', 'PEER_SWAP'] as const;

export type LoopTemplateKey = (typeof LOOP_TEMPLATE_KEYS)[number];

export type LoopRound = {
  kind: RoundKind;
  questionCount: number;
  /** Peer sessions: who interviews this round. Unset: the session's interviewers run every round. */
  interviewer?: 'CREATOR' | 'PARTNER';
};

export type LoopTemplate = {
  key: LoopTemplateKey;
  title: string;
  description: string;
  rounds: LoopRound[];
};

/** A round of the kind at its format's full length. */
export function roundOf(kind: RoundKind): LoopRound {
  return { kind, questionCount: getRoundFormat(kind).maxQuestions };
}

// Velocity rounds first while the candidate is fresh; modeling before system design because the
// pipeline design leans on the tables just modeled; product sense next; behavioral last, where the
// candidate can draw on the day's technical choices for architectural-defence answers.
const FULL_LOOP_ORDER: readonly RoundKind[] = [
  'SQL',
  'PYTHON_ETL',
  'DATA_MODELING',
  'SYSTEM_DESIGN',
  'PRODUCT_SENSE',
  'BEHAVIORAL',
];

export const E6_FULL_LOOP: LoopTemplate = {
  key: 'E6_FULL_LOOP',
  title: 'Full Staff (E6) loop',
  description:
    'All six rounds in loop order: SQL velocity, Python/ETL, data modeling, system design, product sense, leadership.',
  rounds: FULL_LOOP_ORDER.map(roundOf),
};

export const SQL_VELOCITY_DRILL: LoopTemplate = {
  key: 'SQL_VELOCITY_DRILL',
  title: 'SQL velocity drill',
  description: 'Five SQL problems in 30 minutes in a plain-text editor: about 6 minutes each.',
  rounds: [roundOf('SQL')],
};

export function buildSingleRoundLoop(kind: RoundKind): LoopTemplate {
  const format = getRoundFormat(kind);
  return {
    key: 'SINGLE_ROUND',
    title: `${ROUND_KIND_LABELS[kind]} round`,
    description: `One ${ROUND_KIND_LABELS[kind]} round: ${format.durationMinutes} minutes, up to ${format.maxQuestions} question(s).`,
    rounds: [roundOf(kind)],
  };
}
