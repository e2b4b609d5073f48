import type { IncomingHttpHeaders } from 'node:http';
import { getToken } from 'next-auth/jwt';
import type { CurrentUser } from './get-current-user';

/** Parses a Cookie header into name → value (first occurrence wins, as browsers send the most specific first). */
export function parseCookieHeader(header: string | undefined): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const rawPart of (header ?? '').split(';')) {
    const part = rawPart.trim();
    const separator = part.indexOf('=');
    if (separator <= 0) continue;
    const name = part.slice(0, separator).trim();
    if (name in cookies) continue;
    const raw = part.slice(separator + 1).trim();
    try {
      cookies[name] = decodeURIComponent(raw);
    } catch {
      cookies[name] = raw;
    }
  }
  return cookies;
}

/**
 * The identity behind a socket.io handshake: the same next-auth session cookie the pages use, verified with
 * the same secret. Null when absent, expired or forged.
 */
export async function readSocketIdentity(headers: IncomingHttpHeaders, secret: string, secureCookie: boolean): Promise<CurrentUser | null> {
  const token = await getToken({
    req: { cookies: parseCookieHeader(headers.cookie), headers } as never,
    secret,
    secureCookie,
  });
  if (!token?.sub) return null;
  return { id: token.sub, name: token.name ?? '', email: token.email ?? '' };
}
