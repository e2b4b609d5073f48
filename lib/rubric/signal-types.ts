import { z } from 'zod';
import { LEVELS } from './levels';

import { type RoundKind } from '../rounds/round-kind';
import { roundKindSchema } from '../rounds/round-kind.schema';

// A key is stored in every session's marks and scores. Renaming one orphans history, so keys are
// append-only: add a new key and retire the old one, never edit it. The prefix names the round so a
// key read out of context (a log line, a CSV export) still says where it belongs.
export const SIGNAL_KEY_PREFIXES: Record<RoundKind, string> = {
  SQL: 'sql',
  PYTHON_ETL: 'python',
  DATA_MODELING: 'modeling',
  SYSTEM_DESIGN: 'design',
  PRODUCT_SENSE: 'product',
  BEHAVIORAL: 'behavioral',
};

export const SIGNAL_KEY_PATTERN = /^[a-z]+\.[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const signalKeySchema = z
  .string()
  .regex(SIGNAL_KEY_PATTERN, 'signal keys look like "round.kebab-case-name"');

/**
 * How a mark on a signal is judged. A "mark" is the interviewer recording, at a moment in the round,
 * that the candidate showed the behaviour; only a signal's first mark counts.
 *
 * - TIMED: met when the first mark falls within `withinSeconds` of the round's start.
 * - ORDERED: met when the first mark comes strictly before the first mark of the signal `before`
 *   (same round). When `before` is never marked, `whenPairAbsent` decides: `MET` for orderings that
 *   hold trivially ("hypothesis before queries" with no query written), `NOT_MET` when the pair
 *   is the evidence the ordering needs.
 * - PRESENCE: met when marked at any time in the round.
 */
export const signalRuleSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('TIMED'),
    withinSeconds: z.number().int().positive(),
  }),
  z.object({
    kind: z.literal('ORDERED'),
    before: signalKeySchema,
    whenPairAbsent: z.enum(['MET', 'NOT_MET']),
  }),
  z.object({
    kind: z.literal('PRESENCE'),
  }),
]);

export type SignalRule = z.infer<typeof signalRuleSchema>;

export const levelSchema = z.enum(LEVELS);

export const signalSchema = z
  .object({
    key: signalKeySchema,
    roundKind: roundKindSchema,
    label: z.string().min(1),
    lookFor: z.string().min(1),
    anchors: z.object({
      E4: z.string().min(1),
      E5: z.string().min(1),
      E6: z.string().min(1),
    }),
    rule: signalRuleSchema,
  })
  .superRefine((signal, ctx) => {
    const prefix = `${SIGNAL_KEY_PREFIXES[signal.roundKind]}.`;
    if (!signal.key.startsWith(prefix)) {
      ctx.addIssue({ code: 'custom', path: ['key'], message: `must start with "${prefix}"` });
    }
    if (signal.rule.kind === 'ORDERED' && signal.rule.before === signal.key) {
      ctx.addIssue({ code: 'custom', path: ['rule', 'before'], message: 'cannot be ordered before itself' });
    }
  });

export type Signal = z.infer<typeof signalSchema>;
