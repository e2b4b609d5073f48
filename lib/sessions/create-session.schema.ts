import { z } from 'zod';
import { LOOP_TEMPLATE_KEYS } from '@/lib/rounds/loop-templates';
import { roundKindSchema } from '@/lib/rounds/round-kind.schema';
import type { FormState } from '@/lib/http/form-state';

export const createSessionSchema = z
  .object({
    title: z.string().trim().min(1, 'Give the session a title.').max(120, 'Use at most 120 characters.'),
    template: z.enum(LOOP_TEMPLATE_KEYS, { error: 'Choose a format.' }),
    /** SINGLE_ROUND: exactly one kind. CUSTOM: the rounds in order. Ignored by the fixed templates. */
    roundKinds: z.array(roundKindSchema).default([]),
    /** Optional hand-picked question ids per round position; rounds left out get questions picked for them. */
    questionIds: z.record(z.string().regex(/^\d+$/), z.array(z.string().min(1).max(64)).max(5)).default({}),
    scheduledAt: z.iso
      .datetime({ offset: true, error: 'Enter a valid date and time.' })
      .optional()
      .transform((value) => (value ? new Date(value) : undefined))
      .refine((value) => !value || value.getTime() > Date.now() - 60_000, 'Choose a time in the future.'),
  })
  .refine((input) => input.template !== 'SINGLE_ROUND' || input.roundKinds.length === 1, {
    message: 'Choose the round to practise.',
    path: ['roundKinds'],
  });

export type CreateSessionInput = z.input<typeof createSessionSchema>;

/** What the create-session form sends back on a refusal, to refill it. */
export interface CreateSessionValues {
  title: string;
  template: string;
  singleRoundKind: string;
  customRoundKinds: string[];
  /** What the datetime-local field held (the reader's local time), to refill it. */
  scheduledLocal: string;
}

export type CreateSessionState = FormState<CreateSessionValues>;
