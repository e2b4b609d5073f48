import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { encode } from 'next-auth/jwt';
import type { Db } from '@/lib/db';
import { createSessionBetween } from '../../factories/session-factory';
import { PROJECT_ROOT, startServer, type RunningServer } from '../../support/start-server';
import type { BenchTargetName } from './bench-clients';
import type { WorkerPair } from './load-worker';

// The three servers the room benchmark drives, each in its own process so its CPU and memory are its own:
// mockloop's production server (one node, or several sharing rooms through Redis), Hocuspocus and the
// y-websocket reference server (both in memory, as their documentation starts them).

export interface RunningTarget {
  name: BenchTargetName;
  /** What the clients connect to: one URL per node (only mockloop runs several). */
  urls: string[];
  /** One process per node. */
  pids: number[];
  stop(): Promise<void>;
}

export interface MockloopNodes {
  count: number;
  /** Required when count > 1: the nodes share rooms through it. */
  redisUrl?: string;
}

export interface MockloopFixture {
  databaseUrl: string;
  secret: string;
  /** One interviewer/candidate pair per session, each with the round editor's document and session cookies (and, seeded with boards, the round's board). */
  pairs: WorkerPair[];
}

export interface SeedOptions {
  /**
   * Sessions of one system-design round, whose board is on from the start, so each pair also gets the round's
   * BOARD document (`board`) for the drawing load. Its editor is the same kind of document as the SQL drill's.
   */
  withBoards?: boolean;
}

const SEED_CONCURRENCY = 8;

/**
 * Sessions for `pairCount` pairs: users are inserted directly and signed in by minting the session token the
 * app would set (what is measured is the room, not password hashing at sign-in).
 */
export async function seedMockloopPairs(db: Db, databaseUrl: string, pairCount: number, options: SeedOptions = {}): Promise<MockloopFixture> {
  const sessionInput = options.withBoards
    ? { template: 'SINGLE_ROUND', roundKinds: ['SYSTEM_DESIGN'] }
    : { template: 'SQL_VELOCITY_DRILL' };
  const secret = randomBytes(32).toString('hex');
  const runId = randomBytes(4).toString('hex');
  const users = Array.from({ length: pairCount * 2 }, (_, index) => ({
    id: `bench-${runId}-${index}`,
    name: `${index % 2 === 0 ? 'Interviewer' : 'Candidate'} ${Math.floor(index / 2)}`,
    email: `bench-${runId}-${index}@example.test`,
  }));
  await db.user.createMany({ data: users });
  const cookieFor = async (user: (typeof users)[number]) => {
    const token = await encode({ token: { sub: user.id, name: user.name, email: user.email }, secret, maxAge: 24 * 60 * 60 });
    return `next-auth.session-token=${token}`;
  };

  const pairs: WorkerPair[] = new Array(pairCount);
  let next = 0;
  await Promise.all(
    Array.from({ length: SEED_CONCURRENCY }, async () => {
      for (let index = next++; index < pairCount; index = next++) {
        const interviewer = users[index * 2]!;
        const candidate = users[index * 2 + 1]!;
        const sessionId = await createSessionBetween(db, interviewer.id, candidate, { title: `Bench ${index}`, ...sessionInput });
        const documents = await db.document.findMany({
          where: { sessionId, kind: { in: ['ROUND_EDITOR', 'BOARD'] }, round: { position: 0 } },
          select: { id: true, kind: true },
        });
        const editor = documents.find((document) => document.kind === 'ROUND_EDITOR');
        const board = documents.find((document) => document.kind === 'BOARD');
        if (!editor || (options.withBoards && !board)) throw new Error(`session ${sessionId} lacks its round's editor or board`);
        pairs[index] = {
          room: editor.id,
          ...(options.withBoards ? { board: board!.id } : {}),
          sessionId,
          cookies: [await cookieFor(interviewer), await cookieFor(candidate)],
        };
      }
    }),
  );
  return { databaseUrl, secret, pairs };
}

/** `launcher` prefixes each server's command (pinned mode: `taskset -c N`, which execs node under the same pid). */
export async function startTarget(name: BenchTargetName, fixture: MockloopFixture, nodes: MockloopNodes = { count: 1 }, launcher: string[] = []): Promise<RunningTarget> {
  if (name === 'mockloop') {
    const shared =
      nodes.count > 1 ? { REDIS_URL: nodes.redisUrl, REDIS_KEY_PREFIX: `mockloop-bench-${randomBytes(4).toString('hex')}` } : {};
    const servers: RunningServer[] = [];
    // One after the other: each start-up is CPU-bound.
    for (let node = 0; node < nodes.count; node += 1) {
      servers.push(
        await startServer({
          env: {
            DATABASE_URL: fixture.databaseUrl,
            NEXTAUTH_SECRET: fixture.secret,
            // Every simulated client comes from 127.0.0.1: the per-IP connection limit would otherwise refuse them.
            SOCKET_MAX_CONNECTIONS_PER_IP_PER_MINUTE: '1000000',
            ...shared,
          },
          // e.g. "--cpu-prof --cpu-prof-dir=.data/bench/profiles" to see where the server spends its time under load.
          nodeArgs: process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean),
          launcher,
        }),
      );
    }
    return {
      name,
      urls: servers.map((server) => server.baseUrl),
      pids: servers.map((server) => server.process.pid!),
      stop: async () => void (await Promise.all(servers.map((server) => server.stop()))),
    };
  }
  const script = path.join(PROJECT_ROOT, 'tests/bench/targets', `${name}-server.ts`);
  const [command, ...args] = [...launcher, process.execPath, '--import', 'tsx', script];
  const child = spawn(command!, args, {
    cwd: PROJECT_ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /ready on port (\d+)/.exec(output);
      if (match) resolve(Number(match[1]));
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then(() => reject(new Error(`${name} exited before it was ready:\n${output}`)));
  });
  return {
    name,
    urls: [`ws://127.0.0.1:${port}`],
    pids: [child.pid!],
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
