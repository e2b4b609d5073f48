/**
 * Whether a form action was called the way React's useActionState calls it: the previous state (an object) and the
 * submitted FormData. Anyone can call an action with other arguments; the action then refuses, instead of reading
 * fields off something that is not a form and answering 500.
 */
export function isFormActionCall(previous: unknown, form: unknown): form is FormData {
  return typeof previous === 'object' && previous !== null && form instanceof FormData;
}

/** What a form action tells a caller that sent something other than its form. */
export const NOT_A_FORM_MESSAGE = 'This form could not be read. Reload the page and try again.';
