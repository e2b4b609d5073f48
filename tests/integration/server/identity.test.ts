import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerUser } from '@/lib/auth/register-user';
import { buildSignUpInput } from '../../factories/user-factory';
import { HttpSession } from '../../support/http-session';
import { startServer, type RunningServer } from '../../support/start-server';
import { withMigratedTestDatabase } from '../../support/test-database';

const SECRET = 'integration-test-secret-that-is-long-enough';

const database = withMigratedTestDatabase();
let server: RunningServer;
const account = buildSignUpInput();

beforeAll(async () => {
  await registerUser(database.db, account);
  server = await startServer({ env: { DATABASE_URL: database.url, NEXTAUTH_SECRET: SECRET } });
});

afterAll(async () => {
  await server?.stop();
});

function connectOutcome(session: HttpSession): Promise<{ connected: boolean; error?: string; whoami?: unknown }> {
  const socket = session.connectSocket();
  return new Promise((resolve) => {
    socket.on('connect', () => {
      socket.emit('auth:whoami', (ack) => {
        socket.close();
        resolve({ connected: true, whoami: ack });
      });
    });
    socket.on('connect_error', (error) => {
      socket.close();
      resolve({ connected: false, error: error.message });
    });
  });
}

describe('one identity for pages, routes and sockets', () => {
  it('signs in through next-auth and is known to server components and the socket handshake', async () => {
    const session = new HttpSession(server.baseUrl);
    expect(await session.signIn(account.email, account.password)).toEqual({ ok: true });
    expect(session.hasSessionCookie()).toBe(true);

    const home = await session.fetch('/');
    expect(home.status).toBe(200);
    expect(await home.text()).toContain(account.name);

    const apiSession = (await (await session.fetch('/api/auth/session')).json()) as { user: { email: string } };
    expect(apiSession.user.email).toBe(account.email);

    const socket = await connectOutcome(session);
    expect(socket).toMatchObject({ connected: true, whoami: { ok: true, data: { name: account.name } } });
  });

  it('reports a wrong password without setting a session', async () => {
    const session = new HttpSession(server.baseUrl);
    const result = await session.signIn(account.email, 'definitely not it');
    expect(result).toEqual({ ok: false, error: 'Wrong email or password.' });
    expect(session.hasSessionCookie()).toBe(false);
  });

  it('sends an anonymous visitor to the sign-in page', async () => {
    const response = await new HttpSession(server.baseUrl).fetch('/');
    expect(response.status).toBe(307);
    expect(response.headers.get('location')).toBe('/sign-in');
  });

  it('refuses an unauthenticated socket', async () => {
    expect(await connectOutcome(new HttpSession(server.baseUrl))).toEqual({ connected: false, error: 'UNAUTHENTICATED' });
  });

  it('refuses a socket with a forged session cookie', async () => {
    const forged = new HttpSession(server.baseUrl);
    forged.setCookie('next-auth.session-token', 'eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..forged.forged.forged');
    expect(await connectOutcome(forged)).toEqual({ connected: false, error: 'UNAUTHENTICATED' });
  });

  it('serves the sign-in page to anyone', async () => {
    const response = await fetch(`${server.baseUrl}/sign-in`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('Sign in to mockloop');
  });
});
