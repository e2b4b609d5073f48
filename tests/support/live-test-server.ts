import { afterAll, beforeAll, expect } from 'vitest';
import type { Db } from '@/lib/db';
import { HttpSession } from './http-session';
import { RoomClient } from './room-client';
import { startServer, type RunningServer } from './start-server';
import { withMigratedTestDatabase } from './test-database';

export const TEST_AUTH_SECRET = 'integration-test-secret-that-is-long-enough';

export interface LiveTestServer {
  /** A client on the server's own database, for arranging data and checking what was stored. */
  readonly db: Db;
  readonly server: RunningServer;
  /** A cookie jar signed in as `account` through next-auth, as a browser would be. */
  signIn(account: { email: string; password: string }): Promise<HttpSession>;
  /** A real socket.io client signed in as `account`; closed after the file's tests. */
  connect(account: { email: string; password: string }): Promise<RoomClient>;
}

/**
 * The setup of an integration file that talks to a real server: a migrated database of its own, the
 * production server on it (port 0), and everything closed and dropped after the file's tests.
 */
export function withLiveTestServer(env: Record<string, string> = {}): LiveTestServer {
  // Registered first, so its after-hook (the drop) runs last: once the server below has stopped.
  const database = withMigratedTestDatabase();
  let server: RunningServer | undefined;
  const clients: RoomClient[] = [];

  beforeAll(async () => {
    server = await startServer({ env: { DATABASE_URL: database.url, NEXTAUTH_SECRET: TEST_AUTH_SECRET, ...env } });
  });

  afterAll(async () => {
    for (const client of clients) client.close();
    await server?.stop();
  });

  return {
    get db() {
      return database.db;
    },
    get server() {
      if (!server) throw new Error('withLiveTestServer: used before its beforeAll ran');
      return server;
    },
    async signIn(account) {
      const session = new HttpSession(this.server.baseUrl);
      expect(await session.signIn(account.email, account.password)).toEqual({ ok: true });
      return session;
    },
    async connect(account) {
      const client = await RoomClient.connect(await this.signIn(account));
      clients.push(client);
      return client;
    },
  };
}
