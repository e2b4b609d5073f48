import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres, type RunningEmbeddedPostgres } from '@/server/database/embedded-postgres';
import { runServerToExit, startServer, type RunningServer } from '../../support/start-server';
import { makeScratchDir } from '../../support/scratch-dir';

const SECRET = 'integration-test-secret-that-is-long-enough';

describe('GET /api/health', () => {
  let scratch: string;
  let postgres: RunningEmbeddedPostgres;
  let server: RunningServer;

  // This test owns its PostgreSQL so that it can stop it under a running server.
  beforeAll(async () => {
    scratch = await makeScratchDir('mockloop-health-');
    postgres = await startEmbeddedPostgres({ dataDir: path.join(scratch, 'postgres'), port: 0 });
    // Behind a trusted proxy, so a request can come "from" another machine (X-Forwarded-For).
    server = await startServer({ env: { DATABASE_URL: postgres.url, NEXTAUTH_SECRET: SECRET, TRUST_PROXY: 'true' } });
  });

  afterAll(async () => {
    await server?.stop();
    await postgres?.stop();
    await rm(scratch, { recursive: true, force: true });
  });

  it('answers 200 ok while the database answers, 503 while it is down, and recovers when it returns', async () => {
    const up = await fetch(`${server.baseUrl}/api/health`);
    expect(up.status).toBe(200);
    expect(await up.json()).toEqual({
      status: 'ok',
      db: 'ok',
      realtime: { connectedSockets: 0, openDocuments: 0, pendingWrites: 0, isWriteDegraded: false, eventLoopDelayP99Ms: expect.any(Number), eventLoopDelayMaxMs: expect.any(Number) },
    });

    const fromElsewhere = await fetch(`${server.baseUrl}/api/health`, { headers: { 'x-forwarded-for': '203.0.113.9' } });
    expect(fromElsewhere.status).toBe(200);
    expect(await fromElsewhere.json()).toEqual({ status: 'ok', db: 'ok' });

    await postgres.stop();
    const down = await fetch(`${server.baseUrl}/api/health`);
    expect(down.status).toBe(503);
    expect(await down.json()).toMatchObject({ status: 'degraded', db: 'unreachable' });

    postgres = await startEmbeddedPostgres({ dataDir: path.join(scratch, 'postgres'), port: postgres.port });
    const back = await fetch(`${server.baseUrl}/api/health`);
    expect(back.status).toBe(200);
  });
});

describe('start-up against an unreachable database', () => {
  it('exits non-zero with one clear line instead of retrying forever', async () => {
    const { code, output } = await runServerToExit({
      DATABASE_URL: 'postgresql://postgres@127.0.0.1:1/mockloop',
      NEXTAUTH_SECRET: SECRET,
    });
    expect(code).toBe(1);
    const lines = output.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^\[mockloop\] could not start: Cannot reach PostgreSQL at 127\.0\.0\.1:1\/mockloop: .*ECONNREFUSED/);
  });

  it('names a malformed variable and exits', async () => {
    const { code, output } = await runServerToExit({ DATABASE_URL: 'mysql://nope', NEXTAUTH_SECRET: SECRET });
    expect(code).toBe(1);
    expect(output.trim()).toBe(
      '[mockloop] could not start: Invalid configuration: DATABASE_URL must be a postgresql:// connection URL',
    );
  });
});
