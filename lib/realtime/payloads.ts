import { z } from 'zod';
import { matchRequestSchema } from '@/lib/peer/match-request.schema';
import { scorecardCommandSchema } from '@/lib/scorecards/scorecard-commands.schema';
import { TIMER_COMMANDS } from '@/lib/timer/round-clock';
import { decodeUpdate } from './update-encoding';

// Every client payload is parsed here before a handler sees it. Binary Yjs messages arrive as Buffer (Node)
// or Uint8Array/ArrayBuffer (browser); each is normalised to a Uint8Array and size-checked.

const id = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, 'malformed id');

export function binary(maxBytes: number) {
  return z
    .custom<Uint8Array>((value) => value instanceof Uint8Array || value instanceof ArrayBuffer, 'expected binary data')
    .transform((value) => (value instanceof Uint8Array ? value : new Uint8Array(value)))
    .refine((value) => value.byteLength > 0, 'empty update')
    .refine((value) => value.byteLength <= maxBytes, `larger than ${maxBytes} bytes`);
}

/**
 * A Yjs update sent as base64 text (see update-encoding.ts), decoded and size-checked. The text is kept beside the
 * bytes: relaying it as received spares encoding it again for every keystroke.
 */
export function base64Update(maxBytes: number) {
  return z
    .base64('expected a base64-encoded update')
    .max(Math.ceil(maxBytes / 3) * 4, `larger than ${maxBytes} bytes`)
    .transform((base64) => ({ base64, bytes: decodeUpdate(base64) }))
    .refine(({ bytes }) => bytes.byteLength > 0, 'empty update')
    .refine(({ bytes }) => bytes.byteLength <= maxBytes, `larger than ${maxBytes} bytes`);
}

export const sessionRefSchema = z.object({ sessionId: id });

export function buildDocumentPayloadSchemas(maxUpdateBytes: number) {
  const awarenessUpdate = base64Update(Math.min(maxUpdateBytes, 16_384));
  return {
    join: z.object({ sessionId: id, documentId: id, stateVector: binary(maxUpdateBytes).optional() }),
    update: z.object({
      sessionId: id,
      documentId: id,
      update: base64Update(maxUpdateBytes),
      clientUpdateId: z.string().min(8).max(64).regex(/^[A-Za-z0-9_-]+$/),
      awareness: awarenessUpdate.optional(),
    }),
    awareness: z.object({ sessionId: id, documentId: id, update: awarenessUpdate }),
    leave: z.object({ sessionId: id, documentId: id }),
  };
}

export type DocumentPayloadSchemas = ReturnType<typeof buildDocumentPayloadSchemas>;

export const timerCommandSchema = z.object({
  sessionId: id,
  roundId: id,
  command: z.enum(TIMER_COMMANDS),
  expectedVersion: z.number().int().min(0).optional(),
  extendByMs: z.number().int().positive().max(60 * 60 * 1000).optional(),
});

export type TimerCommandPayload = z.infer<typeof timerCommandSchema>;

export const roundRefSchema = z.object({ sessionId: id, roundId: id });

export const twistFireSchema = z.object({
  sessionId: id,
  roundId: id,
  roundQuestionId: id,
  twistKey: z.string().min(1).max(80).regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'malformed twist key'),
});

export const rubricSaveSchema = z.object({ sessionId: id, command: scorecardCommandSchema });

/** Owned by lib/peer (requestMatch parses its input with it too); listed here with the other payloads. */
export const matchRequestPayloadSchema = matchRequestSchema;

export const noPayloadSchema = z.undefined();
