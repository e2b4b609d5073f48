// The custom server writes the caller's address into this header for every request it hands to Next (and
// overwrites any value a client sent), because route handlers cannot see the socket themselves.
export const CLIENT_IP_HEADER = 'x-mockloop-client-ip';

type HeaderBag = Headers | Record<string, string | string[] | undefined>;

export function clientIpFrom(headers: HeaderBag): string {
  const value = headers instanceof Headers ? headers.get(CLIENT_IP_HEADER) : headers[CLIENT_IP_HEADER];
  const ip = Array.isArray(value) ? value[0] : value;
  return ip && ip.length > 0 ? ip : 'unknown';
}

/** The address to attribute a request to: the socket's, or the first X-Forwarded-For hop behind a trusted proxy. */
export function resolveClientIp(remoteAddress: string | undefined, forwardedFor: string | undefined, trustProxy: boolean): string {
  if (trustProxy && forwardedFor) {
    const first = forwardedFor.split(',')[0]?.trim();
    if (first) return first;
  }
  return remoteAddress ?? 'unknown';
}
