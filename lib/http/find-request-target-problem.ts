// Next decodes a request's path to route it and throws (a 500) on %-encoding it cannot decode; a NUL or other
// control character decoded from the path reaches route handlers and the database, and PostgreSQL refuses a NUL
// in any text (a 500 again, from a search box's ?q=%00 too). No link or form of the app produces either, so the
// server answers such a request with a 400 before Next sees it. The query is otherwise left to the pages, which
// read it leniently.

const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;
const ENCODED_NUL = /%00/;

/** Why this request target (path and query) cannot be served, or null when it is fine. */
export function findRequestTargetProblem(target: string): string | null {
  const end = target.search(/[?#]/);
  const path = end === -1 ? target : target.slice(0, end);
  const query = end === -1 ? '' : target.slice(end);
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return 'The address has malformed %-encoding.';
  }
  if (CONTROL_CHARACTER.test(decoded)) return 'The address contains a control character.';
  return ENCODED_NUL.test(query) ? 'The address contains a NUL character.' : null;
}
