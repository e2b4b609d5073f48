import { afterAll, describe, expect, it } from 'vitest';
import { HttpSession } from '../../support/http-session';
import { TEST_AUTH_SECRET } from '../../support/live-test-server';
import { startServer, type RunningServer } from '../../support/start-server';
import { withMigratedTestDatabase } from '../../support/test-database';
import { clientsOf, countStoredUpdateIds, expectNothingLost, openTypingPairs, type TypedDocumentKind, type TypingClient } from '../../support/typing-client';

// Fault: the server process dies (kill -9) while people type. Every update it acknowledged must already be in
// PostgreSQL; the browsers' own provider code must reconnect to the restarted server by itself and resend
// what was never acknowledged, which the server stores exactly once. The same for people drawing on a round's
// board (issue 23), whose settled shapes travel the same path.

const PAIRS = 3;
const TYPE_EVERY_MS = 30;

const database = withMigratedTestDatabase();
const servers: RunningServer[] = [];

afterAll(async () => {
  for (const server of servers) await server.stop('SIGKILL');
});

async function boot(port = 0): Promise<RunningServer> {
  const server = await startServer({ env: { DATABASE_URL: database.url, NEXTAUTH_SECRET: TEST_AUTH_SECRET, PORT: String(port) } });
  servers.push(server);
  return server;
}

describe.each<TypedDocumentKind>(['ROUND_EDITOR', 'BOARD'])('kill -9 while clients type (%s)', (kind) => {
  let clients: TypingClient[] = [];
  afterAll(() => {
    for (const client of clients) client.close();
  });

  it('has every acknowledged update stored, and clients reconnect and resend by themselves after a restart', { timeout: 120_000 }, async () => {
    const first = await boot();
    const signIn = async (account: { email: string; password: string }) => {
      const session = new HttpSession(first.baseUrl);
      expect(await session.signIn(account.email, account.password)).toEqual({ ok: true });
      return session;
    };
    const pairs = await openTypingPairs(database.db, PAIRS, signIn, kind);
    clients = clientsOf(pairs);
    const documentIds = pairs.map((pair) => pair.documentId);

    for (const client of clients) client.startTyping(TYPE_EVERY_MS);
    // Mid-stream: once every client has 10 acks, the next update any of them sends is the last the old server
    // sees: kill -9 right after it leaves, so at least one update is surely in flight, its ack never to come.
    await Promise.all(clients.map((client) => client.until(() => client.ackedIds.size >= 10, '10 acks')));
    const killed = new Promise<void>((resolve) => {
      for (const client of clients) {
        client.onSent = () => {
          for (const each of clients) each.onSent = undefined;
          first.process.kill('SIGKILL');
          resolve();
        };
      }
    });
    await killed;
    expect(await first.stop('SIGKILL')).toBeNull();
    const ackedBeforeKill = new Set(clients.flatMap((client) => [...client.ackedIds]));
    const sentBeforeKill = new Set(clients.flatMap((client) => [...client.sentIds]));

    // The proof that matters: before anything restarts, every acknowledged update is already in PostgreSQL.
    const storedAtKill = await countStoredUpdateIds(database.db, documentIds);
    const lostAcked = [...ackedBeforeKill].filter((id) => !storedAtKill.has(id));
    expect(lostAcked).toEqual([]);
    const unackedAtKill = [...sentBeforeKill].filter((id) => !ackedBeforeKill.has(id));
    expect(unackedAtKill.length).toBeGreaterThan(0);

    // Typing goes on while the server is down; the restart takes the same port, as a supervisor's would.
    const second = await boot(first.port);
    await Promise.all(clients.map((client) => client.until(() => client.reconnects >= 1, 'a reconnect')));
    // Keep typing on the new server for a moment, then let everything settle.
    await Promise.all(clients.map((client) => client.until(() => client.ackedIds.size >= ackedBeforeKill.size / clients.length + 10, 'acks after restart')));
    for (const client of clients) client.stopTyping();
    await Promise.all(clients.map((client) => client.synced()));

    // Every update ever sent (including resends of the ones the kill cut off) is acknowledged and stored once.
    const outcome = await expectNothingLost(database.db, pairs);
    const typed = clients.reduce((total, client) => total + client.typed.length, 0);
    console.info(
      `kill -9 (${kind}): ${typed} tokens typed by ${clients.length} clients; ${sentBeforeKill.size} updates sent and ` +
        `${ackedBeforeKill.size} acked before the kill (all found stored; of the ${unackedAtKill.length} unacked, ` +
        `${unackedAtKill.filter((id) => storedAtKill.has(id)).length} were stored already); ` +
        `${outcome.sent} sent, ${outcome.acked} acked, ${outcome.stored} stored in the end; ` +
        `reconnects: ${clients.map((client) => client.reconnects).join(', ')}`,
    );
    expect(second.process.exitCode).toBeNull();
  });
});
