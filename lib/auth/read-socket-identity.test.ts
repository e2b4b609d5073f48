import { encode } from 'next-auth/jwt';
import { describe, expect, it } from 'vitest';
import { parseCookieHeader, readSocketIdentity } from './read-socket-identity';

const SECRET = 'unit-test-secret-of-at-least-thirty-two-chars';

describe('parseCookieHeader', () => {
  it('splits pairs, trims, decodes, and keeps the first of duplicate names', () => {
    expect(parseCookieHeader(' a=1; b=hello%20world ;a=2; broken; =x; c=%E0%A4%A')).toEqual({
      a: '1',
      b: 'hello world',
      c: '%E0%A4%A',
    });
    expect(parseCookieHeader(undefined)).toEqual({});
  });
});

describe('readSocketIdentity', () => {
  it('returns the user of a valid session cookie and null for a missing, forged or foreign-secret one', async () => {
    const token = await encode({ token: { sub: 'user-1', name: 'Ada', email: 'ada@example.test' }, secret: SECRET });
    const cookie = { cookie: `next-auth.session-token=${token}` };
    expect(await readSocketIdentity(cookie, SECRET, false)).toEqual({ id: 'user-1', name: 'Ada', email: 'ada@example.test' });
    expect(await readSocketIdentity({}, SECRET, false)).toBeNull();
    expect(await readSocketIdentity({ cookie: 'next-auth.session-token=forged' }, SECRET, false)).toBeNull();
    expect(await readSocketIdentity(cookie, `${SECRET}-rotated`, false)).toBeNull();
    // Behind TLS only the __Secure- cookie counts.
    expect(await readSocketIdentity(cookie, SECRET, true)).toBeNull();
  });
});
