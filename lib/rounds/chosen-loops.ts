import { z } from 'zod';
import { AppError } from '../errors';
import { MAX_LOOP_ROUNDS, MAX_ROUNDS_PER_KIND, roundOf, type LoopTemplate } from './loop-templates';
import { ROUND_KIND_LABELS, type RoundKind } from './round-kind';
import { roundKindSchema } from './round-kind.schema';

// Loops built from the rounds a user picked, checked here; the fixed templates are in loop-templates.ts, which the
// session form reads in the browser.

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
