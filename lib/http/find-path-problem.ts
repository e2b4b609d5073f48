// Next decodes a request's path to route it and throws (a 500) on %-encoding it cannot decode; a NUL or other
// control character decoded from the path reaches route handlers and the database, which refuse it with a 500 too.
// No link the app makes contains either, so the server answers such a path with a 400 before Next sees it.

const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;

/** Why this request target's path cannot be served, or null when it is fine. */
export function findPathProblem(target: string): string | null {
  const end = target.search(/[?#]/);
  const path = end === -1 ? target : target.slice(0, end);
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return 'The address has malformed %-encoding.';
  }
  return CONTROL_CHARACTER.test(decoded) ? 'The address contains a control character.' : null;
}
