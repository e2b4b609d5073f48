import { redirect, unstable_rethrow } from 'next/navigation';
import type { ZodType } from 'zod';
import { getCurrentUser, type CurrentUser } from '@/lib/auth/get-current-user';
import { safeCallbackUrl } from '@/lib/auth/safe-callback-url';
import { isAppError, toPublicError, type ErrorCode, type FieldErrors } from '@/lib/errors';
import type { FormState } from '@/lib/http/form-state';
import { assertFormActionCall } from '@/lib/http/is-form-action-call';
import type { Ack } from '@/lib/realtime/ack';
import { logger } from '@/lib/log';

// Every server action under app/ runs its work through authenticatedAction: check a form action's call shape, sign
// in, run, map an AppError to what the form shows and log anything else once. Our own few dozen lines rather than
// next-safe-action: nothing reaches the client bundle, no dependency, and it maps our one AppError (field errors and
// a form message) straight into the states the forms already keep, where a library's error shape needs an adapter.

/** What a signed-out caller gets: sent to sign in and back to a page, or (for a caller that shows acks) refused. */
export type SignedOut = { returnTo: string } | { refuse: string };

export type ActionFailure = { ok: false; code: ErrorCode | 'INTERNAL'; message: string; fieldErrors: FieldErrors };
/** How the work went, with the form's values (read once) for the state that refills the form. */
export type ActionOutcome<T, Values = undefined> = ({ ok: true; data: T } | ActionFailure) & { values: Values };

interface ActionSpec<Values> {
  /** What the action does, for the log line of an unexpected failure ("creating a session"). */
  label: string;
  signedOut: SignedOut;
  /**
   * A form action's (previous state, form), and how to read the form's fields. Any other call is a hand-made one,
   * answered 400 before anything else runs (lib/http/is-form-action-call.ts).
   */
  form?: { previous: unknown; form: unknown; read?: (form: FormData) => Values };
}

/** The sign-in page, bringing the user back to `returnTo` (a path on this site) afterwards. */
export function signInPath(returnTo: string): string {
  const path = safeCallbackUrl(returnTo);
  // Sign-in lands on the home page anyway.
  return path === '/' ? '/sign-in' : `/sign-in?callbackUrl=${encodeURIComponent(path)}`;
}

/** The signed-in user, or a redirect to sign in that comes back to `returnTo` (pages and actions alike). */
export async function requireUser(returnTo: string): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(signInPath(returnTo));
  return user;
}

/** An error as a form or an ack shows it; the unexpected goes to the log once, with its stack, and to the user as a generic message. */
export function failureOf(label: string, error: unknown): ActionFailure {
  if (!isAppError(error)) logger.error({ err: error }, `${label} failed`);
  const { code, message } = toPublicError(error);
  return { ok: false, code, message, fieldErrors: isAppError(error) ? (error.details.fieldErrors ?? {}) : {} };
}

/** Runs one action's work as the signed-in user and says how it went; it never throws but for a redirect or a hand-made form call. */
export async function authenticatedAction<T, Values = undefined>(
  spec: ActionSpec<Values>,
  work: (user: CurrentUser, values: Values) => Promise<T>,
): Promise<ActionOutcome<T, Values>> {
  let values = undefined as Values;
  if (spec.form) {
    assertFormActionCall(spec.form.previous, spec.form.form);
    if (spec.form.read) values = spec.form.read(spec.form.form);
  }
  const user = 'returnTo' in spec.signedOut ? await requireUser(spec.signedOut.returnTo) : await getCurrentUser();
  if (!user) return { ok: false, code: 'UNAUTHENTICATED', message: (spec.signedOut as { refuse: string }).refuse, fieldErrors: {}, values };
  try {
    return { ok: true, data: await work(user, values), values };
  } catch (error) {
    // A redirect() or notFound() inside the work is Next's control flow, not a failure.
    unstable_rethrow(error);
    return { ...failureOf(spec.label, error), values };
  }
}

/** Client input through its zod schema, or the given refusal (thrown, so the action answers it). */
export function parseOr<T>(schema: ZodType<T>, value: unknown, refusal: Error): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw refusal;
  return parsed.data;
}

/** A refused form submission as the form shows it: the message, field messages and what to refill. */
export function formErrorState<Values>(previous: { attempt: number }, failure: ActionFailure & { values: Values }): FormState<Values> {
  return { status: 'error', attempt: previous.attempt + 1, message: failure.message, fieldErrors: failure.fieldErrors, values: failure.values };
}

/** The outcome as an ack, for callers that show a refusal's code and message (the ack's own key order). */
export function ackOf<T>(outcome: ActionOutcome<T, unknown>): Ack<T> {
  return outcome.ok ? { ok: true, data: outcome.data } : { ok: false, code: outcome.code, message: outcome.message };
}
