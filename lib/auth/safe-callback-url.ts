// Any placeholder origin works: only whether a value stays on it matters, and the result is a path.
const OWN_ORIGIN = 'http://mockloop.invalid';
// Browsers drop tabs and newlines from URLs and read a backslash as a slash, so `/\t/evil.example` or `/\evil.example`
// looks like a path here and lands off-site there. Such a value is never a link the app made; refuse it outright.
const CONTROL_OR_BACKSLASH = /[\u0000-\u001f\u007f\\]/;

/**
 * Where to send someone after signing in or up: a path on this site only. The value is parsed as a browser would
 * parse it against our own origin, and kept only if it stays there; what comes back is the parsed path (never
 * `//host`, which a browser would read as another site), so what was checked is what the browser follows.
 */
export function safeCallbackUrl(value: string | undefined): string {
  if (!value || !value.startsWith('/') || CONTROL_OR_BACKSLASH.test(value)) return '/';
  let url: URL;
  try {
    url = new URL(value, OWN_ORIGIN);
  } catch {
    return '/';
  }
  if (url.origin !== OWN_ORIGIN || url.pathname.startsWith('//')) return '/';
  return `${url.pathname}${url.search}${url.hash}`;
}
