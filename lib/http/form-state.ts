import type { FieldErrors } from '@/lib/errors';

// The states a form keeps between submissions (React's useActionState). They live in lib/, beside the schemas of
// the values they refill, so an action and its form share one type and components own none of it.

/** A form that refills what was typed: untouched, or refused with field messages and the values sent. */
export type FormState<Values> =
  | { status: 'idle'; attempt: number }
  | { status: 'error'; attempt: number; message: string; fieldErrors: FieldErrors; values: Values };

/** A one-button form (revoke, join): untouched, or refused with a message. */
export type ButtonFormState = { status: 'idle' } | { status: 'error'; message: string };
