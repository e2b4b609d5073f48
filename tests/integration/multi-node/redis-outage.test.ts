import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadStoredDocument } from '@/lib/documents/document-store';
import { storedDocumentText } from '@/lib/documents/document-text';
import type { SessionView } from '@/lib/sessions/session-view';
import { createSessionWithCandidate } from '../../factories/session-factory';
import { HttpSession } from '../../support/http-session';
import { isRedisMissingFor, REDIS_PORT, REDIS_URL } from '../../support/redis-availability';
import { RoomClient, eventually } from '../../support/room-client';
import { startServer, type RunningServer } from '../../support/start-server';
import { startTcpProxy, type TcpProxy } from '../../support/tcp-proxy';
import { withMigratedTestDatabase } from '../../support/test-database';

// Node A reaches Redis through a proxy the test cuts; node B keeps its connection. Relays published while A is
// cut off are lost to it (Redis pub/sub keeps nothing), so once A is back both nodes must resynchronise the
// documents they hold, while the clients stay connected.

const SECRET = 'integration-test-secret-that-is-long-enough';
const REDIS_KEY_PREFIX = `mockloop-test-${randomBytes(6).toString('hex')}`;
const isRedisMissing = await isRedisMissingFor('redis-outage.test.ts');

let proxy: TcpProxy;
let nodeA: RunningServer;
let nodeB: RunningServer;
const clients: RoomClient[] = [];

async function connect(account: { email: string; password: string }, on: RunningServer): Promise<RoomClient> {
  const session = new HttpSession(on.baseUrl);
  expect(await session.signIn(account.email, account.password)).toEqual({ ok: true });
  const client = await RoomClient.connect(session);
  clients.push(client);
  return client;
}

describe.skipIf(isRedisMissing)('a node cut off from Redis', () => {
  const database = withMigratedTestDatabase();

  beforeAll(async () => {
    proxy = await startTcpProxy(REDIS_PORT);
    const env = { DATABASE_URL: database.url, NEXTAUTH_SECRET: SECRET, REDIS_KEY_PREFIX };
    nodeA = await startServer({ env: { ...env, REDIS_URL: `redis://127.0.0.1:${proxy.port}` } });
    nodeB = await startServer({ env: { ...env, REDIS_URL } });
  });

  afterAll(async () => {
    for (const client of clients) client.close();
    const codes = await Promise.all([nodeA?.stop(), nodeB?.stop()]);
    await proxy?.close();
    expect(codes).toEqual([0, 0]);
  });

  it('catches up with what the other node relayed meanwhile, and passes on its own, without reconnecting clients', async () => {
    const seeded = await createSessionWithCandidate(database.db);
    const interviewer = await connect(seeded.interviewer, nodeA);
    const candidate = await connect(seeded.candidate, nodeB);
    const view = await interviewer.data<SessionView>('session:join', { sessionId: seeded.sessionId });
    await candidate.data('session:join', { sessionId: seeded.sessionId });
    const documentId = view.rounds[0]!.editorDocumentId;
    await interviewer.openDocument(seeded.sessionId, documentId);
    await candidate.openDocument(seeded.sessionId, documentId);
    expect((await interviewer.type(seeded.sessionId, documentId, 'before;')).ok).toBe(true);
    await eventually(candidate, () => candidate.text(documentId).includes('before;'), 'the first edit on node B');

    await proxy.cut();
    await nodeA.waitForOutput('Redis subscribe connection lost');
    // Both sides keep working and storing: only the relays between the nodes are missing.
    expect((await candidate.type(seeded.sessionId, documentId, 'from-b-while-cut;')).ok).toBe(true);
    expect((await interviewer.type(seeded.sessionId, documentId, 'from-a-while-cut;')).ok).toBe(true);
    const socketIdsBefore = [interviewer.socket.id, candidate.socket.id];

    await proxy.restore();
    await nodeA.waitForOutput('resynchronising open documents');
    await eventually(interviewer, () => interviewer.text(documentId).includes('from-b-while-cut;'), "node B's edit on node A");
    await eventually(candidate, () => candidate.text(documentId).includes('from-a-while-cut;'), "node A's edit on node B");
    expect(candidate.text(documentId)).toBe(interviewer.text(documentId));
    expect([interviewer.socket.id, candidate.socket.id]).toEqual(socketIdsBefore);

    // Each update was stored once, by the node that received it, outage or not.
    expect(storedDocumentText((await loadStoredDocument(database.db, documentId))!)).toBe(interviewer.text(documentId));
    expect(await database.db.documentUpdate.count({ where: { documentId } })).toBe(3);

    // And the link works as before.
    expect((await candidate.type(seeded.sessionId, documentId, 'after;')).ok).toBe(true);
    await eventually(interviewer, () => interviewer.text(documentId).includes('after;'), 'an edit after the outage on node A');
  });
});
