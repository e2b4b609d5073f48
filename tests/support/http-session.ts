import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '@/lib/realtime/contract';

/** A cookie jar over fetch: what a browser keeps between requests, for talking to the real server. */
export class HttpSession {
  private readonly cookies = new Map<string, string>();

  constructor(readonly baseUrl: string) {}

  setCookie(name: string, value: string): void {
    this.cookies.set(name, value);
  }

  /** A second browser profile holding the same cookies (e.g. the same user after a server restart). */
  cloneFor(baseUrl: string): HttpSession {
    const clone = new HttpSession(baseUrl);
    for (const [name, value] of this.cookies) clone.setCookie(name, value);
    return clone;
  }

  cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  async fetch(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0) headers.set('cookie', this.cookieHeader());
    const response = await fetch(new URL(path, this.baseUrl), { ...init, headers, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const separator = pair?.indexOf('=') ?? -1;
      if (!pair || separator <= 0) continue;
      const name = pair.slice(0, separator).trim();
      const value = pair.slice(separator + 1).trim();
      if (value === '' || /max-age=0|expires=thu, 01 jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }

  /** next-auth's credentials flow, as its client library performs it: CSRF token, then the callback POST. */
  /** next-auth's credentials flow; `fromIp` sends it as X-Forwarded-For (a server started with TRUST_PROXY=true). */
  async signIn(email: string, password: string, { fromIp }: { fromIp?: string } = {}): Promise<{ ok: boolean; error?: string }> {
    const headers: Record<string, string> = fromIp ? { 'x-forwarded-for': fromIp } : {};
    const csrf = (await (await this.fetch('/api/auth/csrf', { headers })).json()) as { csrfToken: string };
    const response = await this.fetch('/api/auth/callback/credentials', {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded', 'x-auth-return-redirect': '1' },
      body: new URLSearchParams({ email, password, csrfToken: csrf.csrfToken, json: 'true', callbackUrl: '/' }),
    });
    const body = (await response.json()) as { url: string };
    const error = new URL(body.url, this.baseUrl).searchParams.get('error');
    return error ? { ok: false, error } : { ok: true };
  }

  hasSessionCookie(): boolean {
    return [...this.cookies.keys()].some((name) => name.endsWith('next-auth.session-token'));
  }

  /**
   * A real socket.io client carrying this session's cookies, as the browser's would. By default it gives up
   * when the connection drops; `reconnect` makes it retry as the browser's does (quickly, for tests).
   */
  connectSocket({ reconnect = false }: { reconnect?: boolean } = {}): Socket<ServerToClientEvents, ClientToServerEvents> {
    return io(this.baseUrl, {
      transports: ['websocket'],
      extraHeaders: { cookie: this.cookieHeader() },
      reconnection: reconnect,
      reconnectionDelay: 100,
      reconnectionDelayMax: 500,
      forceNew: true,
    });
  }
}
