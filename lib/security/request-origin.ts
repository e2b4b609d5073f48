import type { IncomingHttpHeaders } from 'node:http';

// Cross-site request forgery and cross-site websocket hijacking are both a browser on another site sending
// our cookies with a request it made. Browsers name the site that made a request (Origin, Sec-Fetch-Site) and
// scripts cannot forge either, so a request a browser marks as coming from elsewhere is refused.

export interface OriginPolicy {
  /** The public URL (NEXTAUTH_URL), when configured: its origin is ours. */
  publicUrl?: string;
  /** Behind our own proxy, the host the browser used is in X-Forwarded-Host. */
  trustProxy: boolean;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function first(value: string | string[] | undefined): string | undefined {
  const raw = Array.isArray(value) ? value[0] : value;
  return raw?.split(',')[0]?.trim() || undefined;
}

/** The hosts (host[:port]) this server answers as: the Host header (or the proxy's), and the public URL's. */
function ownHosts(headers: IncomingHttpHeaders, policy: OriginPolicy): Set<string> {
  const hosts = new Set<string>();
  const host = (policy.trustProxy ? first(headers['x-forwarded-host']) : undefined) ?? first(headers.host);
  if (host) hosts.add(host.toLowerCase());
  if (policy.publicUrl) hosts.add(new URL(policy.publicUrl).host.toLowerCase());
  return hosts;
}

/**
 * Whether a browser says this request came from another site. A request with neither header (curl, a server,
 * socket.io's Node client) is not a browser's, so it carries no ambient cookies it did not choose to send.
 */
export function isCrossSiteRequest(headers: IncomingHttpHeaders, policy: OriginPolicy): boolean {
  const fetchSite = first(headers['sec-fetch-site']);
  if (fetchSite === 'cross-site' || fetchSite === 'same-site') return true;
  const origin = first(headers.origin);
  if (origin === undefined) return false;
  // "null": a sandboxed frame, a data: URL or a redirect chain through another origin.
  if (origin === 'null') return true;
  let originHost: string;
  try {
    originHost = new URL(origin).host.toLowerCase();
  } catch {
    return true;
  }
  return !ownHosts(headers, policy).has(originHost);
}

/** A state-changing request (any method but GET/HEAD/OPTIONS) that a browser says another site made. */
export function isCrossSiteMutation(method: string | undefined, headers: IncomingHttpHeaders, policy: OriginPolicy): boolean {
  return !SAFE_METHODS.has((method ?? 'GET').toUpperCase()) && isCrossSiteRequest(headers, policy);
}

/**
 * Whether a server action names an Origin other than the host it reached us at. Next compares the two itself (with
 * X-Forwarded-Host, which the server always sets) and aborts such an action with a 500; the server answers 403 first.
 * This differs from isCrossSiteRequest only for the public URL reached through another host (a proxy that rewrites
 * Host without TRUST_PROXY), where route handlers work but Next's actions cannot.
 */
export function isServerActionOriginMismatch(headers: IncomingHttpHeaders): boolean {
  const origin = first(headers.origin);
  if (origin === undefined) return false;
  try {
    return new URL(origin).host !== first(headers['x-forwarded-host']);
  } catch {
    return true;
  }
}
