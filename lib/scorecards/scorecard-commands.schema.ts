import { z } from 'zod';
import { signalKeySchema } from '@/lib/rubric/signal-types';
import {
  LEVEL_ESTIMATES,
  MAX_NOTE_LENGTH,
  MAX_OVERRIDE_REASON_LENGTH,
  MAX_RATIONALE_LENGTH,
  RECOMMENDATIONS,
  SIGNAL_RATINGS,
  STAFF_BAR_CALLS,
  VERDICT_OVERRIDES,
} from './scorecard-vocabulary';

// Every scorecard write, whichever transport carries it (the room's socket, the debrief page's actions),
// is one of these commands. Each names only the fields it changes, so two autosaves of different fields
// never undo each other.

const id = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, 'malformed id');
const text = (max: number) => z.string().max(max, `at most ${max} characters`);

export const scorecardCommandSchema = z.discriminatedUnion('type', [
  /** "Observed now": the round's elapsed time at the moment the server receives it. First mark wins. */
  z.object({ type: z.literal('mark'), roundId: id, signalKey: signalKeySchema }),
  z.object({ type: z.literal('unmark'), roundId: id, signalKey: signalKeySchema }),
  z
    .object({
      type: z.literal('signal'),
      roundId: id,
      signalKey: signalKeySchema,
      rating: z.enum(SIGNAL_RATINGS).nullable().optional(),
      note: text(MAX_NOTE_LENGTH).optional(),
      noteShareable: z.boolean().optional(),
      override: z
        .object({
          verdict: z.enum(VERDICT_OVERRIDES),
          reason: z.string().trim().min(1, 'say why you override the judgement').max(MAX_OVERRIDE_REASON_LENGTH),
        })
        .nullable()
        .optional(),
    })
    .refine(
      (command) => ['rating', 'note', 'noteShareable', 'override'].some((field) => field in command),
      'nothing to save',
    ),
  z
    .object({
      type: z.literal('wrap-up'),
      roundId: id,
      recommendation: z.enum(RECOMMENDATIONS).nullable().optional(),
      levelEstimate: z.enum(LEVEL_ESTIMATES).nullable().optional(),
      strengths: text(MAX_NOTE_LENGTH).optional(),
      growthAreas: text(MAX_NOTE_LENGTH).optional(),
      problemsSolved: z.number().int().min(0).max(20).nullable().optional(),
    })
    .refine(
      (command) => ['recommendation', 'levelEstimate', 'strengths', 'growthAreas', 'problemsSolved'].some((field) => field in command),
      'nothing to save',
    ),
]);

export type ScorecardCommand = z.infer<typeof scorecardCommandSchema>;

export const loopDebriefInputSchema = z.object({
  staffBarCall: z.enum(STAFF_BAR_CALLS).nullable(),
  rationale: text(MAX_RATIONALE_LENGTH),
});

export type LoopDebriefInput = z.infer<typeof loopDebriefInputSchema>;
