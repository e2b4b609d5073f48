import { z } from 'zod';

import { AppError } from '../errors';
import { getRoundFormat } from './round-formats';
import { ROUND_KIND_LABELS, type RoundKind, roundKindSchema } from './round-kind';

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

function roundOf(kind: RoundKind): LoopRound {
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

export const customLoopKindsSchema = z
  .array(roundKindSchema)
  .min(1, 'Pick at least one round.')
  .max(MAX_LOOP_ROUNDS, `A loop has at most ${MAX_LOOP_ROUNDS} rounds.`)
  .superRefine((kinds, ctx) => {
    for (const kind of new Set(kinds)) {
      if (kinds.filter((k) => k === kind).length > MAX_ROUNDS_PER_KIND) {
        ctx.addIssue({
          code: 'custom',
          message: `At most ${MAX_ROUNDS_PER_KIND} ${ROUND_KIND_LABELS[kind]} rounds per loop.`,
        });
      }
    }
  });

/** Builds a loop from rounds in the order given; throws INVALID_INPUT when the list is not allowed. */
export function buildCustomLoop(kinds: readonly RoundKind[]): LoopTemplate {
  const parsed = customLoopKindsSchema.safeParse(kinds);
  if (!parsed.success) {
    const messages = parsed.error.issues.map((issue) => issue.message);
    throw new AppError('INVALID_INPUT', messages[0] ?? 'Invalid rounds.', { fieldErrors: { kinds: messages } });
  }
  return {
    key: 'CUSTOM',
    title: 'Custom loop',
    description: parsed.data.map((kind) => ROUND_KIND_LABELS[kind]).join(' → '),
    rounds: parsed.data.map(roundOf),
  };
}

export const peerSwapKindsSchema = z
  .array(roundKindSchema)
  .min(1, 'Pick at least one round.')
  .max(MAX_LOOP_ROUNDS / 2, `Peer practice has at most ${MAX_LOOP_ROUNDS / 2} kinds of round (each is played twice).`)
  .refine((kinds) => new Set(kinds).size === kinds.length, 'Pick each kind of round once: it is played twice, once each way.');

/**
 * Peer practice: each chosen kind becomes two consecutive rounds, the creator interviewing the first and the
 * partner the second. Every round gets its own questions (create-session never repeats one in a session), so
 * whoever interviews second cannot have just seen their problems from the candidate's chair.
 */
export function buildPeerSwapLoop(kinds: readonly RoundKind[]): LoopTemplate {
  const parsed = peerSwapKindsSchema.safeParse(kinds);
  if (!parsed.success) {
    const messages = parsed.error.issues.map((issue) => issue.message);
    throw new AppError('INVALID_INPUT', messages[0] ?? 'Invalid rounds.', { fieldErrors: { kinds: messages } });
  }
  return {
    key: 'PEER_SWAP',
    title: 'Peer practice: take turns',
    description: parsed.data.map((kind) => `${ROUND_KIND_LABELS[kind]} ×2`).join(' → '),
    rounds: parsed.data.flatMap((kind) => [
      { ...roundOf(kind), interviewer: 'CREATOR' as const },
      { ...roundOf(kind), interviewer: 'PARTNER' as const },
    ]),
  };
}
