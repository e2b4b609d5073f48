import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { SessionView } from '@/lib/sessions/session-view';
import { createSessionWithCandidate } from '../../factories/session-factory';
import { HttpSession } from '../../support/http-session';
import { RoomClient, eventually } from '../../support/room-client';
import { startServer, type RunningServer } from '../../support/start-server';
import { withMigratedTestDatabase } from '../../support/test-database';
import { decodeUpdate, encodeUpdate } from '@/lib/realtime/update-encoding';

const SECRET = 'integration-test-secret-that-is-long-enough';

const database = withMigratedTestDatabase();
const servers: RunningServer[] = [];
const clients: RoomClient[] = [];

afterAll(async () => {
  for (const client of clients) client.close();
  for (const server of servers) await server.stop('SIGKILL');
});

async function boot(): Promise<RunningServer> {
  const server = await startServer({ env: { DATABASE_URL: database.url, NEXTAUTH_SECRET: SECRET } });
  servers.push(server);
  return server;
}

async function connectAs(server: RunningServer, account: { email: string; password: string }): Promise<RoomClient> {
  const session = new HttpSession(server.baseUrl);
  expect(await session.signIn(account.email, account.password)).toEqual({ ok: true });
  const client = await RoomClient.connect(session);
  clients.push(client);
  return client;
}

describe('nothing acknowledged is lost', () => {
  it('keeps every acknowledged update and the exact clock across kill -9 and a restart', async () => {
    const seeded = await createSessionWithCandidate(database.db);
    const first = await boot();
    const interviewer = await connectAs(first, seeded.interviewer);
    const candidate = await connectAs(first, seeded.candidate);
    const view = await interviewer.data<SessionView>('session:join', { sessionId: seeded.sessionId });
    await candidate.data('session:join', { sessionId: seeded.sessionId });
    const round = view.rounds[0]!;
    await interviewer.data('session:start', { sessionId: seeded.sessionId });
    await interviewer.data('round:timer', { sessionId: seeded.sessionId, roundId: round.id, command: 'start' });
    await interviewer.data('round:timer', { sessionId: seeded.sessionId, roundId: round.id, command: 'extend', extendByMs: 120_000 });

    await interviewer.openDocument(seeded.sessionId, round.editorDocumentId);
    await candidate.openDocument(seeded.sessionId, round.editorDocumentId);
    // Both type concurrently; every ack is awaited, so all of it must survive.
    const typing = [];
    for (let i = 0; i < 40; i += 1) {
      typing.push(candidate.type(seeded.sessionId, round.editorDocumentId, `c${i};`));
      typing.push(interviewer.type(seeded.sessionId, round.editorDocumentId, `i${i};`, 0));
    }
    const acks = await Promise.all(typing);
    expect(acks.every((ack) => ack.ok)).toBe(true);
    const expectedLength = Array.from({ length: 40 }, (_, i) => `c${i};i${i};`.length).reduce((a, b) => a + b, 0);
    await eventually(interviewer, () => interviewer.text(round.editorDocumentId).length === expectedLength);
    const convergedText = interviewer.text(round.editorDocumentId);
    const before = await interviewer.data<SessionView>('session:get', { sessionId: seeded.sessionId });

    expect(await first.stop('SIGKILL')).toBeNull();

    const second = await boot();
    const reader = await connectAs(second, seeded.candidate);
    const after = await reader.data<SessionView>('session:join', { sessionId: seeded.sessionId });
    expect(after.rounds[0]!.clock).toEqual(before.rounds[0]!.clock);
    expect(after.rounds[0]!.timerVersion).toBe(before.rounds[0]!.timerVersion);
    const doc = await reader.openDocument(seeded.sessionId, round.editorDocumentId);
    expect(doc.getText('content').toString()).toBe(convergedText);
  });

  it('stores a resent update once and merges edits made while disconnected', async () => {
    const seeded = await createSessionWithCandidate(database.db);
    const server = await boot();
    const interviewer = await connectAs(server, seeded.interviewer);
    const view = await interviewer.data<SessionView>('session:join', { sessionId: seeded.sessionId });
    const documentId = view.rounds[0]!.editorDocumentId;
    const doc = await interviewer.openDocument(seeded.sessionId, documentId);

    const before = Y.encodeStateVector(doc);
    doc.getText('content').insert(0, 'WITH lagged AS (');
    const update = Y.encodeStateAsUpdate(doc, before);
    const payload = { sessionId: seeded.sessionId, documentId, update: encodeUpdate(update), clientUpdateId: 'resend-0001' };
    expect(await interviewer.request('doc:update', payload)).toMatchObject({ ok: true });
    expect(await interviewer.request('doc:update', payload)).toMatchObject({ ok: true });
    expect(await database.db.documentUpdate.count({ where: { documentId, clientUpdateId: 'resend-0001' } })).toBe(1);

    // Offline: edits pile up locally; on rejoin the client sends what the server's state vector lacks.
    interviewer.close();
    doc.getText('content').insert(doc.getText('content').length, ' SELECT 1)');
    const back = await connectAs(server, seeded.interviewer);
    await back.data('session:join', { sessionId: seeded.sessionId });
    const joined = await back.data<{ stateVector: string }>('doc:join', { sessionId: seeded.sessionId, documentId, stateVector: encodeUpdate(Y.encodeStateVector(doc)) });
    const missing = Y.encodeStateAsUpdate(doc, decodeUpdate(joined.stateVector));
    expect(await back.request('doc:update', { sessionId: seeded.sessionId, documentId, update: encodeUpdate(missing), clientUpdateId: 'offline-0001' })).toMatchObject({
      ok: true,
    });
    const reader = await connectAs(server, seeded.candidate);
    await reader.data('session:join', { sessionId: seeded.sessionId });
    expect((await reader.openDocument(seeded.sessionId, documentId)).getText('content').toString()).toBe('WITH lagged AS ( SELECT 1)');
  });
});
