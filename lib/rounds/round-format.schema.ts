import { z } from 'zod';
import type { RoundFormat } from './round-formats';
import { roundKindSchema } from './round-kind.schema';

/** Checks a format copied into a stored round (which may predate this build) before the app relies on it. */
export const roundFormatSchema: z.ZodType<RoundFormat> = z.object({
  version: z.number().int().positive(),
  kind: roundKindSchema,
  durationMinutes: z.number().int().positive(),
  maxQuestions: z.number().int().positive(),
  perQuestionBudgetMinutes: z.number().positive(),
  editor: z.object({
    mode: z.literal('PLAIN_TEXT'),
    hasAutocomplete: z.boolean(),
    canExecute: z.boolean(),
  }),
  firstTwoMinutes: z.object({
    expectation: z.string().min(1),
    signalKey: z.string().min(1),
  }),
});
