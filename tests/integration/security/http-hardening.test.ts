import { randomBytes } from 'node:crypto';
import { io } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import { registerUser } from '@/lib/auth/register-user';
import { createInvite } from '@/lib/sessions/create-invite';
import { createSession } from '@/lib/sessions/create-session';
import { buildSignUpInput } from '../../factories/user-factory';
import { HttpSession } from '../../support/http-session';
import { withLiveTestServer } from '../../support/live-test-server';
import { socketHandshake } from '../../support/socket-handshake';
import { RoomClient } from '../../support/room-client';
import { callServerAction, findServerActionId } from '../../support/server-action';

// The server's defences as a browser (or an attacker's page) meets them: headers on every response, cross-site
// writes and websockets refused, rate limits on sign-in, invites and socket traffic, and the session cookie's
// attributes over plain HTTP, behind a TLS proxy and with an https public URL.

const live = withLiveTestServer({
  TRUST_PROXY: 'true',
  SIGN_IN_MAX_ATTEMPTS_PER_IP: '1000',
  SIGN_UP_MAX_ATTEMPTS_PER_IP: '2',
  INVITE_MAX_ATTEMPTS_PER_USER: '3',
  SOCKET_MAX_EVENTS_PER_SECOND: '5',
  SOCKET_MAX_EVENTS_PER_USER_PER_SECOND: '8',
  SOCKET_MAX_CONNECTIONS_PER_IP_PER_MINUTE: '3',
});
const PUBLIC_URL = 'https://mock.example.com';
const tls = withLiveTestServer({ NEXTAUTH_URL: PUBLIC_URL });
const EVIL = 'https://evil.example';

async function signedUp(name = 'Sec Tester') {
  const input = buildSignUpInput({ name });
  const user = await registerUser(live.db, input);
  return { ...input, id: user.id };
}

const handshake = socketHandshake;

function sessionCookieLine(response: Response): string {
  const line = response.headers.getSetCookie().find((cookie) => /next-auth\.session-token=/.test(cookie));
  if (!line) throw new Error('no session cookie was set');
  return line;
}

/** next-auth's credentials flow by hand, with extra headers (a proxy's) on both requests. */
async function signInWith(session: HttpSession, account: { email: string; password: string }, headers: Record<string, string>): Promise<Response> {
  const csrf = (await (await session.fetch('/api/auth/csrf', { headers })).json()) as { csrfToken: string };
  return session.fetch('/api/auth/callback/credentials', {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded', 'x-auth-return-redirect': '1' },
    body: new URLSearchParams({ ...account, csrfToken: csrf.csrfToken, json: 'true', callbackUrl: '/' }),
  });
}

describe('security headers', () => {
  it('puts the policy on pages, route handlers, static files and socket.io, with a fresh nonce on every inline script', async () => {
    const anonymous = new HttpSession(live.server.baseUrl);
    const signIn = await anonymous.fetch('/sign-in');
    const html = await signIn.text();
    const policy = signIn.headers.get('content-security-policy') ?? '';
    const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
    // At least 128 bits of base64: a nonce that can be guessed protects nothing.
    expect(nonce).toMatch(/^[A-Za-z0-9+/_-]{22,}={0,2}$/);
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag, tag).toContain(`nonce="${nonce}"`);
    const again = await anonymous.fetch('/sign-in');
    expect(again.headers.get('content-security-policy')).not.toContain(nonce);

    const staticPath = /\/_next\/static\/[^"]+\.js/.exec(html)?.[0];
    expect(staticPath).toMatch(/^\/_next\/static\/.+\.js$/);
    for (const path of ['/sign-in', '/api/health', '/api/auth/csrf', staticPath!, '/sessions', '/no-such-page']) {
      const response = await anonymous.fetch(path);
      expect(response.headers.get('content-security-policy'), path).toMatch(/frame-ancestors 'none'.*$/);
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(response.headers.get('referrer-policy'), path).toBe('strict-origin-when-cross-origin');
      // The call may use camera and microphone from our own origin (issue 22); nothing else may.
      expect(response.headers.get('permissions-policy'), path).toContain('camera=(self), microphone=(self), geolocation=()');
      expect(response.headers.get('strict-transport-security'), path).toBeNull();
    }
    const polling = await anonymous.fetch('/socket.io/?EIO=4&transport=polling');
    expect(polling.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('sends no referrer from an invite page, and HSTS once the browser talks TLS', async () => {
    const anonymous = new HttpSession(live.server.baseUrl);
    expect((await anonymous.fetch('/invite/not-a-real-token')).headers.get('referrer-policy')).toBe('no-referrer');
    const overTls = await anonymous.fetch('/sign-in', { headers: { 'x-forwarded-proto': 'https' } });
    expect(overTls.headers.get('strict-transport-security')).toBe('max-age=31536000');
  });
});

describe('cross-site request forgery', () => {
  it('refuses a server action posted from another site (Origin or Sec-Fetch-Site), and runs it from our own', async () => {
    const account = await signedUp();
    const session = await live.signIn(account);
    const actionId = findServerActionId('app/sessions/new/actions.ts', 'createSessionAction');
    const form = (title: string) => {
      const data = new FormData();
      data.append('title', title);
      data.append('template', 'SQL_VELOCITY_DRILL');
      return data;
    };
    const tag = randomBytes(4).toString('hex');
    const forged = await callServerAction(session, '/sessions/new', actionId, [{ status: 'idle', attempt: 0 }, form(`forged ${tag}`)], { origin: EVIL });
    expect(forged.status).toBe(403);
    expect(forged.text).toContain('Cross-site requests may not change anything here.');
    const fetchMetadata = await callServerAction(session, '/sessions/new', actionId, [{ status: 'idle', attempt: 0 }, form(`forged ${tag}`)], {
      origin: '',
      'sec-fetch-site': 'cross-site',
    });
    expect(fetchMetadata.status).toBe(403);
    expect(await live.db.interviewSession.count({ where: { title: `forged ${tag}` } })).toBe(0);

    const own = await callServerAction(session, '/sessions/new', actionId, [{ status: 'idle', attempt: 0 }, form(`own ${tag}`)]);
    // A fetch-called action answers 200 and names its redirect in a header.
    expect(own.status).toBe(200);
    expect(await live.db.interviewSession.count({ where: { title: `own ${tag}` } })).toBe(1);
  });

  it('refuses an action whose origin our guard accepts for route handlers but that is not the host Next compares it with', async () => {
    // The public URL passes the cross-site guard; Next would compare the Origin with the Host and abort the action
    // with a 500, so the server answers 403 first (issue 19: no 5xx for a request the client got wrong).
    const input = buildSignUpInput({ name: 'Tls Tester' });
    await registerUser(tls.db, input);
    const session = await tls.signIn(input);
    const tag = randomBytes(4).toString('hex');
    const data = new FormData();
    data.append('title', `next check ${tag}`);
    data.append('template', 'SQL_VELOCITY_DRILL');
    const actionId = findServerActionId('app/sessions/new/actions.ts', 'createSessionAction');
    const response = await callServerAction(session, '/sessions/new', actionId, [{ status: 'idle', attempt: 0 }, data], { origin: PUBLIC_URL });
    expect(response.status).toBe(403);
    expect(response.text).toContain('This action was sent from another address than the one this server was reached at.');
    expect(await tls.db.interviewSession.count({ where: { title: `next check ${tag}` } })).toBe(0);
  });

  it('refuses cross-site posts to route handlers, and next-auth wants its CSRF token even from our own origin', async () => {
    const account = await signedUp();
    const anonymous = new HttpSession(live.server.baseUrl);
    for (const path of ['/api/auth/callback/credentials', '/api/auth/signout', '/api/health', `/sessions/x/report/export`]) {
      const response = await anonymous.fetch(path, { method: 'POST', headers: { origin: EVIL }, body: 'x=1' });
      expect(response.status, path).toBe(403);
    }
    const noToken = await anonymous.fetch('/api/auth/callback/credentials', {
      method: 'POST',
      headers: { origin: live.server.baseUrl, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email: account.email, password: account.password, json: 'true' }),
    });
    expect(`${noToken.status} ${noToken.headers.get('location')} ${await noToken.text()}`).toContain('csrf=true');
    expect(anonymous.hasSessionCookie()).toBe(false);
    // The control: the same sign-in with next-auth's token works.
    expect(await anonymous.signIn(account.email, account.password)).toEqual({ ok: true });
  });

  it('refuses a websocket opened by another site, even with a valid session cookie', async () => {
    const session = await live.signIn(await signedUp());
    const cookie = session.cookieHeader();
    const ip = { 'x-forwarded-for': `198.51.100.${Math.floor(Math.random() * 200) + 1}` };
    expect(await handshake(live.server.baseUrl, { ...ip, cookie, origin: EVIL })).not.toBe('connected');
    expect(await handshake(live.server.baseUrl, { ...ip, cookie, origin: live.server.baseUrl })).toBe('connected');
    // No Origin: not a browser; the cookie it chose to send still decides.
    expect(await handshake(live.server.baseUrl, { ...ip, cookie })).toBe('connected');
    const polling = await fetch(`${live.server.baseUrl}/socket.io/?EIO=4&transport=polling`, { headers: { cookie, origin: EVIL } });
    expect(polling.status).toBe(403);
  });
});

describe('rate limits', () => {
  it('locks sign-in over HTTP after repeated failures, with when to retry', async () => {
    const account = await signedUp();
    const session = new HttpSession(live.server.baseUrl);
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect(await session.signIn(account.email, 'wrong password!')).toMatchObject({ ok: false });
    }
    const locked = await session.signIn(account.email, account.password);
    expect(locked.ok).toBe(false);
    expect(locked.error).toMatch(/^Too many sign-in attempts\. Try again in \d+ minutes?\.$/);
    expect(session.hasSessionCookie()).toBe(false);
  });

  it('limits sign-ups per address, with when to retry', async () => {
    const visitor = new HttpSession(live.server.baseUrl);
    const actionId = findServerActionId('app/sign-up/actions.ts', 'signUpAction');
    const signUp = (ip: string) => {
      const { name, email, password } = buildSignUpInput({ name: 'Many Accounts' });
      const data = new FormData();
      for (const [field, value] of Object.entries({ name, email, password })) data.append(field, value);
      return callServerAction(visitor, '/sign-up', actionId, [{ status: 'idle' }, data], { 'x-forwarded-for': ip });
    };
    expect((await signUp('198.18.0.1')).text).toContain('"status":"registered"');
    expect((await signUp('198.18.0.1')).text).toContain('"status":"registered"');
    const limited = await signUp('198.18.0.1');
    expect(limited.text).toMatch(/Too many sign-up attempts\. Try again in 15 minutes\./);
    expect((await signUp('198.18.0.2')).text).toContain('"status":"registered"');
  });

  it('limits invite redemptions per user, with when to retry, then refuses even a valid link', async () => {
    const host = await signedUp('Invite Host');
    const guest = await signedUp('Invite Guest');
    const { id: sessionId } = await createSession(live.db, host.id, { title: 'Rate limited invite', template: 'SQL_VELOCITY_DRILL' });
    const invite = await createInvite(live.db, sessionId, host.id, {});
    const session = await live.signIn(guest);
    const actionId = findServerActionId('app/invite/[token]/actions.ts', 'joinInviteAction');
    const redeem = (token: string) => callServerAction(session, `/invite/${token}`, actionId, [token, { status: 'idle' }, new FormData()]);
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const guess = randomBytes(24).toString('base64url');
      expect((await redeem(guess)).text).toContain('This invite link is not valid');
    }
    const limited = await redeem(invite.token);
    expect(limited.text).toContain('Too many invite attempts. Try again in 15 minutes.');
    expect(await live.db.sessionMember.count({ where: { sessionId, userId: guest.id } })).toBe(0);
  });

  it('limits socket events per user across sockets, so more sockets buy no more messages', async () => {
    const session = await live.signIn(await signedUp());
    // Each socket from its own address, so this test does not spend the per-address connection budget.
    const clients = await Promise.all(
      [1, 2, 3].map(async (n) => {
        const socket = io(live.server.baseUrl, {
          transports: ['websocket'],
          extraHeaders: { cookie: session.cookieHeader(), 'x-forwarded-for': `192.0.2.${n}` },
          reconnection: false,
          forceNew: true,
        });
        await new Promise<void>((resolve, reject) => {
          socket.once('connect', () => resolve());
          socket.once('connect_error', reject);
        });
        return socket;
      }),
    );
    try {
      // 4 pings per socket: under the per-socket limit (5), over the per-user limit (8) in total.
      const acks = await Promise.all(
        clients.flatMap((socket) => [1, 2, 3, 4].map(() => new Promise<{ ok: boolean; code?: string }>((resolve) => socket.emit('clock:ping', resolve)))),
      );
      expect(acks.filter((ack) => ack.ok)).toHaveLength(8);
      expect(acks.filter((ack) => !ack.ok).map((ack) => ack.code)).toEqual(['RATE_LIMITED', 'RATE_LIMITED', 'RATE_LIMITED', 'RATE_LIMITED']);
    } finally {
      for (const socket of clients) socket.close();
    }
  });

  it('limits socket handshakes per client address', async () => {
    const session = await live.signIn(await signedUp());
    const headers = { cookie: session.cookieHeader(), 'x-forwarded-for': '203.0.113.7' };
    const outcomes: string[] = [];
    for (let attempt = 0; attempt < 4; attempt += 1) outcomes.push(await handshake(live.server.baseUrl, headers));
    expect(outcomes).toEqual(['connected', 'connected', 'connected', 'RATE_LIMITED']);
    expect(await handshake(live.server.baseUrl, { ...headers, 'x-forwarded-for': '203.0.113.8' })).toBe('connected');
  });
});

describe('session cookie', () => {
  it('is HttpOnly and SameSite=Lax, and not Secure over plain HTTP', async () => {
    const account = await signedUp();
    const response = await signInWith(new HttpSession(live.server.baseUrl), account, {});
    const line = sessionCookieLine(response);
    expect(line).toMatch(/^next-auth\.session-token=/);
    expect(line).toMatch(/; HttpOnly/i);
    expect(line).toMatch(/; SameSite=Lax/i);
    expect(line).toMatch(/; Path=\//i);
    expect(line).not.toMatch(/; Secure/i);
  });

  it('is __Secure- and Secure when a trusted proxy says the browser used https, and still signs the user in and their socket', async () => {
    const account = await signedUp('Proxied User');
    const session = new HttpSession(live.server.baseUrl);
    const viaTls = { 'x-forwarded-proto': 'https' };
    const line = sessionCookieLine(await signInWith(session, account, viaTls));
    expect(line).toMatch(/^__Secure-next-auth\.session-token=.*; HttpOnly.*; Secure/i);
    expect(line).toMatch(/; SameSite=Lax/i);
    const home = await session.fetch('/', { headers: viaTls });
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('Proxied User');
    const headers = { cookie: session.cookieHeader(), 'x-forwarded-for': '192.0.2.77' };
    expect(await handshake(live.server.baseUrl, { ...headers, ...viaTls })).toBe('connected');
    // The same cookie over what the proxy calls plain HTTP is not a session (its name says TLS only).
    expect(await handshake(live.server.baseUrl, { ...headers, 'x-forwarded-for': '192.0.2.78' })).toBe('UNAUTHENTICATED');
  });

  it('is __Secure- and Secure with an https public URL, and the socket accepts it', async () => {
    const input = buildSignUpInput({ name: 'Public Url User' });
    await registerUser(tls.db, input);
    const session = new HttpSession(tls.server.baseUrl);
    const line = sessionCookieLine(await signInWith(session, input, {}));
    expect(line).toMatch(/^__Secure-next-auth\.session-token=.*; HttpOnly.*; Secure/i);
    expect(line).toMatch(/; SameSite=Lax/i);
    const client = await RoomClient.connect(session);
    try {
      expect(await client.data('auth:whoami')).toMatchObject({ name: 'Public Url User' });
    } finally {
      client.close();
    }
  });
});
