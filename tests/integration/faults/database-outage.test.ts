import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDbClient, type Db } from '@/lib/db';
import { startEmbeddedPostgres, type RunningEmbeddedPostgres } from '@/server/database/embedded-postgres';
import { HttpSession } from '../../support/http-session';
import { TEST_AUTH_SECRET } from '../../support/live-test-server';
import { makeScratchDir } from '../../support/scratch-dir';
import { startServer, type RunningServer } from '../../support/start-server';
import { clientsOf, expectNothingLost, openTypingPairs, type TypedDocumentKind, type TypingClient } from '../../support/typing-client';

// Fault: PostgreSQL goes away for ten seconds in the middle of a session. The server runs on a PostgreSQL of
// this test's own (never the machine's shared one), which the test stops with a fast shutdown and starts
// again on the same data folder and port. Meanwhile the rooms must stay live, writes are held and retried with
// backoff, health says degraded, and when the database is back every update is stored exactly once. Run for the
// round editor and for the board (issue 23), whose shapes are stored the same way.

const OUTAGE_MS = 10_000;
const TYPE_EVERY_MS = 100;

async function health(baseUrl: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${baseUrl}/api/health`);
  return { status: response.status, body: await response.json() };
}

describe.each<TypedDocumentKind>(['ROUND_EDITOR', 'BOARD'])('PostgreSQL down for ten seconds mid-session (%s)', (kind) => {
  let scratchDir: string | undefined;
  let postgres: RunningEmbeddedPostgres | undefined;
  let server: RunningServer | undefined;
  let db: Db | undefined;
  let clients: TypingClient[] = [];

  afterAll(async () => {
    for (const client of clients) client.close();
    await server?.stop('SIGKILL');
    await db?.$disconnect();
    await postgres?.stop();
    if (scratchDir) await rm(scratchDir, { recursive: true, force: true });
  });

  it('keeps rooms live, retries writes with backoff, reports degraded health, and loses nothing', { timeout: 90_000 }, async () => {
    scratchDir = await makeScratchDir('mockloop-outage-');
    const dataDir = path.join(scratchDir, 'postgres');
    postgres = await startEmbeddedPostgres({ dataDir, port: 0 });
    const { port, url } = postgres;
    server = await startServer({ env: { DATABASE_URL: url, NEXTAUTH_SECRET: TEST_AUTH_SECRET } });
    const baseUrl = server.baseUrl;
    db = createDbClient(url);
    const pairs = await openTypingPairs(db, 2, async (account) => {
      const session = new HttpSession(baseUrl);
      expect(await session.signIn(account.email, account.password)).toEqual({ ok: true });
      return session;
    }, kind);
    clients = clientsOf(pairs);
    // The test's own client would only log the outage; it comes back afterwards.
    await db.$disconnect();
    db = undefined;

    for (const client of clients) client.startTyping(TYPE_EVERY_MS);
    await Promise.all(clients.map((client) => client.until(() => client.ackedIds.size >= 5, '5 acks')));
    expect((await health(baseUrl)).status).toBe(200);

    await postgres.stop();
    postgres = undefined;
    const outageStarted = Date.now();
    const ackedAtOutage = new Set(clients.flatMap((client) => [...client.ackedIds]));

    // Rooms stay live: a token typed now reaches the peer although nothing can be stored.
    for (const pair of pairs) {
      const token = pair.interviewer.typeToken();
      await pair.candidate.until(() => pair.candidate.text.includes(token), 'a peer update during the outage', 5_000);
    }
    expect(await health(baseUrl)).toMatchObject({ status: 503, body: { status: 'degraded', db: 'unreachable' } });
    // Acks are held, not failed: edits pile up as unacknowledged while the server retries.
    await Promise.all(clients.map((client) => client.until(() => client.provider.unsyncedCount > 0, 'unacknowledged edits')));
    // ... and health says so: the writes waiting in memory, and that storing them is failing.
    expect(await health(baseUrl)).toMatchObject({ status: 503, body: { realtime: { isWriteDegraded: true, pendingWrites: expect.any(Number), openDocuments: 2 } } });
    expect(((await health(baseUrl)).body as { realtime: { pendingWrites: number } }).realtime.pendingWrites).toBeGreaterThan(0);

    // The length of the outage is the fault itself, not a wait for a condition.
    await new Promise((resolve) => setTimeout(resolve, OUTAGE_MS - (Date.now() - outageStarted)));
    const ackedDuringOutage = clients.flatMap((client) => [...client.ackedIds]).filter((id) => !ackedAtOutage.has(id));
    expect(ackedDuringOutage).toEqual([]);
    expect(server.process.exitCode).toBeNull();
    expect(await health(baseUrl)).toMatchObject({ status: 503 });

    postgres = await startEmbeddedPostgres({ dataDir, port });
    const outageMs = Date.now() - outageStarted;
    for (const client of clients) client.stopTyping();
    await Promise.all(clients.map((client) => client.synced(30_000)));
    const recoveredMs = Date.now() - outageStarted;
    expect(await health(baseUrl)).toMatchObject({ status: 200, body: { status: 'ok', db: 'ok', realtime: { isWriteDegraded: false, pendingWrites: 0 } } });

    db = createDbClient(url);
    const outcome = await expectNothingLost(db, pairs);

    // The server said what it was doing: failed writes, retried with growing delays up to the cap.
    const retries = [...server.output().matchAll(/writing document updates failed \(attempt (\d+)\); retrying in (\d+) ms/g)].map((match) => Number(match[2]));
    expect(retries.length).toBeGreaterThan(3);
    expect(retries.slice(0, 4)).toEqual([50, 100, 200, 400]);
    expect(Math.max(...retries)).toBe(2_000);

    const typed = clients.reduce((total, client) => total + client.typed.length, 0);
    const refusals = clients.flatMap((client) => [...client.refusals]).map(([code, count]) => `${code} ${count}`);
    console.info(
      `database outage (${kind}): ${outageMs} ms down, all acked ${recoveredMs} ms after it began; ${typed} tokens typed; ` +
        `${outcome.sent} updates sent, ${outcome.acked} acked, ${outcome.stored} stored once; ${retries.length} write retries ` +
        `(delays ${retries.slice(0, 8).join(', ')} ... ms); refused acks seen by clients: ${refusals.join(', ') || 'none'}`,
    );
  });
});
