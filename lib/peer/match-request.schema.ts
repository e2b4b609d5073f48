import { z } from 'zod';
import { roundKindSchema } from '@/lib/rounds/round-kind.schema';
import { PEER_LEVELS } from './peer-level';

const peerLevelSchema = z.enum(PEER_LEVELS, { error: 'Choose a level.' });

/** Longest slot one may offer: a window is an offer of availability, not a standing subscription. */
export const MAX_SLOT_MINUTES = 8 * 60;

const slotWindow = z
  .object({
    kind: z.literal('slot'),
    start: z.iso.datetime({ offset: true, error: 'Enter a valid start time.' }),
    minutes: z.number().int().min(15, 'Offer at least 15 minutes.').max(MAX_SLOT_MINUTES, `Offer at most ${MAX_SLOT_MINUTES / 60} hours.`),
  })
  .strict();

export const matchRequestSchema = z
  .object({
    roundKinds: z
      .array(roundKindSchema)
      .min(1, 'Choose at least one round.')
      .max(6)
      .transform((kinds) => [...new Set(kinds)]),
    level: peerLevelSchema,
    window: z.discriminatedUnion('kind', [z.object({ kind: z.literal('now') }).strict(), slotWindow]),
  })
  .strict();

export type MatchRequestInput = z.input<typeof matchRequestSchema>;
export type MatchRequestPayload = z.output<typeof matchRequestSchema>;
