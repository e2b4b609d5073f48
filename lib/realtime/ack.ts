import { toPublicError, type ErrorCode } from '@/lib/errors';

// Every client command is acknowledged with one of these two shapes.
export type Ack<T> = { ok: true; data: T } | { ok: false; code: ErrorCode | 'INTERNAL'; message: string };

export type AckCallback<T> = (ack: Ack<T>) => void;

/** An error as the refusal shape: an AppError's code and message, or a generic message for anything else. */
export function refusalOf(error: unknown): Ack<never> {
  const { code, message } = toPublicError(error);
  return { ok: false, code, message };
}
