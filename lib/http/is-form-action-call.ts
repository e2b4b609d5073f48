// A server action is a public endpoint: anyone can call a form action with other arguments than React's
// useActionState passes (the previous state and the submitted FormData). Reading fields off something that is not
// a form would throw a TypeError, which Next answers with a 500. The action throws this error instead. Next still
// answers a throw with a 500, but keeps an error's own digest in the response body, and the custom server turns a
// response carrying this digest into a 400 (server/http/answer-invalid-action-calls.ts).

export const INVALID_ACTION_CALL_DIGEST = 'MOCKLOOP_INVALID_ACTION_CALL';
export const INVALID_ACTION_CALL_MESSAGE = 'This form could not be read. Reload the page and try again.';

/** Whether a form action was called the way React's useActionState calls it. */
export function isFormActionCall(previous: unknown, form: unknown): form is FormData {
  return typeof previous === 'object' && previous !== null && form instanceof FormData;
}

/** Throws the error the server answers with a 400 unless the call carries a previous state and a form. */
export function assertFormActionCall(previous: unknown, form: unknown): asserts form is FormData {
  if (isFormActionCall(previous, form)) return;
  throw Object.assign(new Error(INVALID_ACTION_CALL_MESSAGE), { digest: INVALID_ACTION_CALL_DIGEST });
}
