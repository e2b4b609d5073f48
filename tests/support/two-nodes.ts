import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect } from 'vitest';
import type { Db } from '@/lib/db';
import { HttpSession } from './http-session';
import { REDIS_URL } from './redis-availability';
import { RoomClient } from './room-client';
import { startServer, type RunningServer } from './start-server';
import { withMigratedTestDatabase } from './test-database';

// Two production server processes on one fresh database and the machine's Redis, for the tests of what crosses
// nodes. Call inside a `describe` (it registers the hooks): both nodes start before its tests, one after the other
// (two cores, each start-up CPU-bound), and must both drain cleanly, Redis included, after them. A key prefix of
// its own keeps parallel runs apart.

export const TWO_NODES_SECRET = 'integration-test-secret-that-is-long-enough';

export interface TwoNodes {
  readonly nodeA: RunningServer;
  readonly nodeB: RunningServer;
  readonly db: Db;
  /** The database's URL, for starting one more server on it. */
  readonly databaseUrl: string;
  readonly redisKeyPrefix: string;
  /** Signs in on node A; the cookie is valid on every node (one NEXTAUTH_SECRET), so `on` picks the node. */
  connect(account: { email: string; password: string }, on: RunningServer): Promise<RoomClient>;
}

export function withTwoNodes(): TwoNodes {
  const database = withMigratedTestDatabase();
  const redisKeyPrefix = `mockloop-test-${randomBytes(6).toString('hex')}`;
  const clients: RoomClient[] = [];
  let nodeA: RunningServer | undefined;
  let nodeB: RunningServer | undefined;

  beforeAll(async () => {
    const env = { DATABASE_URL: database.url, NEXTAUTH_SECRET: TWO_NODES_SECRET, REDIS_URL, REDIS_KEY_PREFIX: redisKeyPrefix };
    nodeA = await startServer({ env });
    nodeB = await startServer({ env });
  });

  afterAll(async () => {
    for (const client of clients) client.close();
    expect(await Promise.all([nodeA?.stop(), nodeB?.stop()])).toEqual([0, 0]);
  });

  const started = (node: RunningServer | undefined): RunningServer => {
    if (!node) throw new Error('the two nodes start in beforeAll');
    return node;
  };

  return {
    get nodeA() {
      return started(nodeA);
    },
    get nodeB() {
      return started(nodeB);
    },
    get db() {
      return database.db;
    },
    get databaseUrl() {
      return database.url;
    },
    redisKeyPrefix,
    async connect(account, on) {
      const session = new HttpSession(started(nodeA).baseUrl);
      expect(await session.signIn(account.email, account.password)).toEqual({ ok: true });
      const client = await RoomClient.connect(on === nodeA ? session : session.cloneFor(on.baseUrl));
      clients.push(client);
      return client;
    },
  };
}
