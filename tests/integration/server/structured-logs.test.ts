import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerUser } from '@/lib/auth/register-user';
import { createDbClient } from '@/lib/db';
import { startEmbeddedPostgres, type RunningEmbeddedPostgres } from '@/server/database/embedded-postgres';
import { buildSignUpInput } from '../../factories/user-factory';
import { HttpSession } from '../../support/http-session';
import { TEST_AUTH_SECRET } from '../../support/live-test-server';
import { RoomClient } from '../../support/room-client';
import { makeScratchDir } from '../../support/scratch-dir';
import { startServer, type RunningServer } from '../../support/start-server';

// The production server (`npm start`) logs one JSON object per line: a log collector can read the level, the
// message, the socket an unexpected failure happened on, and the failure's stack, without parsing prose.

let scratch: string;
let postgres: RunningEmbeddedPostgres | undefined;
let server: RunningServer;
let client: RoomClient | undefined;

/** The server's own JSON lines (Next may print plain lines of its own). */
function records(output: string): Record<string, unknown>[] {
  return output
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

beforeAll(async () => {
  scratch = await makeScratchDir('mockloop-logs-');
  // Its own PostgreSQL: the test stops it under the running server.
  postgres = await startEmbeddedPostgres({ dataDir: path.join(scratch, 'postgres'), port: 0 });
  server = await startServer({ env: { DATABASE_URL: postgres.url, NEXTAUTH_SECRET: TEST_AUTH_SECRET } });
});

afterAll(async () => {
  client?.socket.close();
  await server?.stop();
  await postgres?.stop();
  await rm(scratch, { recursive: true, force: true });
});

describe('the production server log', () => {
  it('writes its ready line as a JSON record with a level and the message text operators grep for', () => {
    const ready = records(server.output()).find((record) => String(record.msg).includes('ready on'));
    expect(ready).toMatchObject({
      level: 'info',
      msg: expect.stringMatching(/^\[mockloop\] ready on http:\/\/localhost:\d+ \(production, external PostgreSQL\)$/),
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      pid: server.process.pid,
    });
  });

  it('logs an unexpected socket failure as an error with the socket id and the stack', async () => {
    const db = createDbClient(postgres!.url);
    const account = buildSignUpInput();
    await registerUser(db, account);
    await db.$disconnect();
    const session = new HttpSession(server.baseUrl);
    expect(await session.signIn(account.email, account.password)).toEqual({ ok: true });
    client = await RoomClient.connect(session);

    // With PostgreSQL gone, joining fails with something no handler expects.
    await postgres!.stop();
    postgres = undefined;
    const refused = await client.request('session:join', { sessionId: 'cm0000000000000000000000' });
    expect(refused).toMatchObject({ ok: false, code: 'INTERNAL' });
    await server.waitForOutput('socket handler failed');

    const failure = records(server.output()).find((record) => record.msg === '[mockloop] socket handler failed');
    expect(failure).toMatchObject({
      level: 'error',
      socketId: client.socket.id,
      err: { type: expect.any(String), message: expect.any(String), stack: expect.stringMatching(/\n\s+at /) },
    });
  });
});
