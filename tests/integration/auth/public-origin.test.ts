import { request as httpRequest } from 'node:http';
import { describe, expect, it } from 'vitest';
import { registerUser } from '@/lib/auth/register-user';
import { buildSignUpInput } from '../../factories/user-factory';
import type { HttpSession } from '../../support/http-session';
import { withLiveTestServer } from '../../support/live-test-server';

// With no NEXTAUTH_URL, the links next-auth hands the browser (sign-out's return, OAuth callbacks, the providers
// list) must point at the server the browser is using, not at next-auth's fallback of localhost:3000. Forwarded
// headers count only behind a trusted proxy, and a forged Host changes nothing but its own response.

const direct = withLiveTestServer();
const proxied = withLiveTestServer({ TRUST_PROXY: 'true' });

interface Providers {
  credentials: { signinUrl: string; callbackUrl: string };
}

/** A GET with a Host header of our choosing (fetch will not send one). */
function getWithHost(port: number, path: string, host: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest({ host: '127.0.0.1', port, path, headers: { ...headers, host } }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on('error', reject);
    request.end();
  });
}

/** next-auth's client sign-out: its CSRF token, then the POST whose answer names where the browser goes next. */
async function signOut(session: HttpSession): Promise<string> {
  const { csrfToken } = (await (await session.fetch('/api/auth/csrf')).json()) as { csrfToken: string };
  const response = await session.fetch('/api/auth/signout', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-auth-return-redirect': '1' },
    body: new URLSearchParams({ csrfToken, callbackUrl: '/sign-in', json: 'true' }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { url: string }).url;
}

describe('the origin of next-auth links without NEXTAUTH_URL', () => {
  it('is the host and port the browser used', async () => {
    const { baseUrl, port } = direct.server;
    const providers = (await (await fetch(`${baseUrl}/api/auth/providers`)).json()) as Providers;
    expect(providers.credentials.signinUrl).toBe(`${baseUrl}/api/auth/signin/credentials`);
    expect(providers.credentials.callbackUrl).toBe(`${baseUrl}/api/auth/callback/credentials`);
    const byAddress = (await (await fetch(`http://127.0.0.1:${port}/api/auth/providers`)).json()) as Providers;
    expect(byAddress.credentials.callbackUrl).toBe(`http://127.0.0.1:${port}/api/auth/callback/credentials`);
  });

  it('sends a signed-out user to this server’s sign-in page', async () => {
    const account = buildSignUpInput();
    await registerUser(direct.db, account);
    const session = await direct.signIn(account);
    expect(await signOut(session)).toBe(`${direct.server.baseUrl}/sign-in`);
    expect(session.hasSessionCookie()).toBe(false);
  });

  it('ignores forwarded headers from a client that is not a trusted proxy, and refuses a Host that is not a host name', async () => {
    const { baseUrl, port } = direct.server;
    const forged = await fetch(`${baseUrl}/api/auth/providers`, { headers: { 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' } });
    expect(((await forged.json()) as Providers).credentials.signinUrl).toBe(`${baseUrl}/api/auth/signin/credentials`);

    // A Host header is the client's to choose: it shapes that response's links and nobody else's.
    const otherHost = await getWithHost(port, '/api/auth/providers', 'mockloop.example:8443');
    expect((JSON.parse(otherHost.body) as Providers).credentials.signinUrl).toBe('http://mockloop.example:8443/api/auth/signin/credentials');
    const next = (await (await fetch(`${baseUrl}/api/auth/providers`)).json()) as Providers;
    expect(next.credentials.signinUrl).toBe(`${baseUrl}/api/auth/signin/credentials`);

    for (const host of ['evil.example/path', 'user@evil.example', 'evil.example:1:2']) {
      const refused = await getWithHost(port, '/api/auth/providers', host);
      expect(refused.status, host).toBe(400);
      expect(JSON.parse(refused.body), host).toEqual({ code: 'INVALID_INPUT', message: 'The Host header is missing or is not a host name.' });
    }
  });

  it('behind a trusted proxy is the one the proxy forwards, scheme included', async () => {
    const { baseUrl, port } = proxied.server;
    const viaProxy = await fetch(`${baseUrl}/api/auth/providers`, { headers: { 'x-forwarded-host': 'mock.example.com', 'x-forwarded-proto': 'https' } });
    expect(((await viaProxy.json()) as Providers).credentials.callbackUrl).toBe('https://mock.example.com/api/auth/callback/credentials');
    // A proxy that names no scheme: this server speaks plain HTTP.
    const noScheme = await getWithHost(port, '/api/auth/providers', `localhost:${port}`);
    expect((JSON.parse(noScheme.body) as Providers).credentials.callbackUrl).toBe(`${baseUrl}/api/auth/callback/credentials`);
  });
});
