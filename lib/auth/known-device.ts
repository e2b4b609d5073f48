import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

// A browser that has signed in to an account before is a "known device" for it: its correct password passes
// the throttles a stranger's guesses put on the account or on a shared address (OWASP ASVS 2.2.1: a lockout
// must not be something anyone who knows an email can impose). The proof is a cookie set on each successful
// credentials sign-in: a random device id and an HMAC of it with the account's email, under the auth secret, so
// it cannot be forged or moved to another account. It holds no session: without the password it opens nothing.

export const KNOWN_DEVICE_COOKIE = 'mockloop.known-device';
/** Long enough to outlive a session (30 days), so the owner's usual browsers stay known between sign-ins. */
export const KNOWN_DEVICE_MAX_AGE_SECONDS = 400 * 24 * 60 * 60;

function macOf(secret: string, deviceId: string, email: string): Buffer {
  return createHmac('sha256', secret).update(`mockloop known device\0${deviceId}\0${email}`).digest();
}

/** The device id the cookie proves for this account, or null when it is absent, forged or another account's. */
export function recogniseKnownDevice(secret: string, cookieValue: string | undefined, email: string): string | null {
  const [deviceId, mac] = (cookieValue ?? '').split('.');
  if (!deviceId || !mac || !/^[\w-]{22}$/.test(deviceId)) return null;
  const expected = macOf(secret, deviceId, email);
  const given = Buffer.from(mac, 'base64url');
  return given.length === expected.length && timingSafeEqual(given, expected) ? deviceId : null;
}

/** The cookie value naming this browser a known device of the account (keeping its id when it had one). */
export function issueKnownDevice(secret: string, email: string, deviceId: string | null): string {
  const id = deviceId ?? randomBytes(16).toString('base64url');
  return `${id}.${macOf(secret, id, email).toString('base64url')}`;
}

/** The Set-Cookie line: sent only to next-auth's endpoints, never readable by scripts. */
export function knownDeviceCookieLine(value: string, isTls: boolean): string {
  const name = isTls ? `__Secure-${KNOWN_DEVICE_COOKIE}` : KNOWN_DEVICE_COOKIE;
  return `${name}=${value}; Path=/api/auth; Max-Age=${KNOWN_DEVICE_MAX_AGE_SECONDS}; HttpOnly; SameSite=Lax${isTls ? '; Secure' : ''}`;
}

/** The cookie's value from a request's cookies, under the name it was set with. */
export function knownDeviceCookieFrom(cookies: Record<string, string>, isTls: boolean): string | undefined {
  return cookies[isTls ? `__Secure-${KNOWN_DEVICE_COOKIE}` : KNOWN_DEVICE_COOKIE];
}
