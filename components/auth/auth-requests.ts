// next-auth v4's own endpoints, called the way its browser client (next-auth/react) calls them: a CSRF token from
// /api/auth/csrf, then a form POST that answers JSON when asked with `json=true`. Its client would cost every page
// 12 KB of gzip for these three requests.

export type SignInOutcome = { ok: true } | { ok: false; error: string };

const UNREACHABLE = 'Could not reach mockloop. Check your connection and try again.';

async function fetchCsrfToken(): Promise<string> {
  const response = await fetch('/api/auth/csrf', { cache: 'no-store' });
  if (!response.ok) throw new Error(`csrf: ${response.status}`);
  const { csrfToken } = (await response.json()) as { csrfToken?: string };
  if (!csrfToken) throw new Error('csrf: no token');
  return csrfToken;
}

/** POSTs a next-auth form and returns the URL it would have redirected to. */
async function postAuthForm(path: string, fields: Record<string, string>): Promise<{ response: Response; url: URL }> {
  const body = new URLSearchParams({ ...fields, csrfToken: await fetchCsrfToken(), json: 'true' });
  const response = await fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body });
  const { url } = (await response.json()) as { url: string };
  return { response, url: new URL(url, window.location.origin) };
}

/** Email and password: on success the session cookie is set and the caller navigates where it wants. */
export async function signInWithCredentials(email: string, password: string, callbackUrl: string): Promise<SignInOutcome> {
  try {
    const { response, url } = await postAuthForm('/api/auth/callback/credentials', { email, password, callbackUrl });
    // next-auth reports a refused sign-in as ?error=<message> on the URL it answers with.
    const error = url.searchParams.get('error');
    if (response.ok && !error) return { ok: true };
    return { ok: false, error: error ?? UNREACHABLE };
  } catch {
    return { ok: false, error: UNREACHABLE };
  }
}

/** An OAuth provider: next-auth answers with the provider's authorization URL, which the browser then opens. */
export async function startOAuthSignIn(providerId: string, callbackUrl: string): Promise<void> {
  const { url } = await postAuthForm(`/api/auth/signin/${encodeURIComponent(providerId)}`, { callbackUrl });
  window.location.assign(url);
}

/**
 * Ends the session (next-auth clears its cookie) and opens `callbackUrl`. If the request fails, next-auth's own
 * sign-out page takes over: it asks once more, with a form that needs no script.
 */
export async function signOut(callbackUrl: string): Promise<void> {
  try {
    const { url } = await postAuthForm('/api/auth/signout', { callbackUrl });
    window.location.assign(url);
  } catch {
    // A full page load on purpose: it is next-auth's page, not one of the app's routes.
    window.location.assign(new URL('/api/auth/signout', window.location.origin));
  }
}
