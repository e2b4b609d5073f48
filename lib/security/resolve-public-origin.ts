import type { IncomingHttpHeaders } from 'node:http';

// With no NEXTAUTH_URL, the links next-auth builds (sign-out's return, OAuth callbacks, /api/auth/providers) take
// their origin from each request: the Host the browser used, or behind our own proxy X-Forwarded-Host/Proto. The
// custom server resolves it once here and writes the result into X-Forwarded-Host/Proto, overwriting what a client
// sent, so next-auth and Next read one answer and a client that is not our proxy cannot choose it.

export interface PublicOrigin {
  host: string;
  proto: 'http' | 'https';
}

// A DNS name, IPv4 address or bracketed IPv6 address, with an optional port: nothing that could carry a path,
// credentials or a second URL into the links built from it.
const HOST = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*\.?|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

function first(value: string | string[] | undefined): string | undefined {
  const raw = Array.isArray(value) ? value[0] : value;
  return raw?.split(',')[0]?.trim() || undefined;
}

/**
 * The origin this request reached us at, or null when its Host (or a trusted proxy's X-Forwarded-Host) is
 * missing or not a host name. Forwarded headers count only behind a trusted proxy (TRUST_PROXY); this server
 * itself speaks plain HTTP.
 */
export function resolvePublicOrigin(headers: IncomingHttpHeaders, trustProxy: boolean): PublicOrigin | null {
  const host = (trustProxy ? first(headers['x-forwarded-host']) : undefined) ?? first(headers.host);
  if (!host || host.length > 260 || !HOST.test(host)) return null;
  const proto = trustProxy && first(headers['x-forwarded-proto'])?.toLowerCase() === 'https' ? 'https' : 'http';
  return { host: host.toLowerCase(), proto };
}
