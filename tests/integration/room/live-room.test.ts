import { describe, expect, it } from 'vitest';
import { applyAwarenessUpdate, Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { SessionView } from '@/lib/sessions/session-view';
import { buildSignUpInput } from '../../factories/user-factory';
import { registerUser } from '@/lib/auth/register-user';
import { createSessionWithCandidate, type SeededSession } from '../../factories/session-factory';
import { RoomClient, eventually } from '../../support/room-client';
import { withLiveTestServer } from '../../support/live-test-server';
import { decodeUpdate, encodeUpdate } from '@/lib/realtime/update-encoding';

const live = withLiveTestServer({ SOCKET_MAX_MESSAGE_BYTES: '65536' });

async function joinedPair(): Promise<{ seeded: SeededSession; interviewer: RoomClient; candidate: RoomClient; view: SessionView }> {
  const seeded = await createSessionWithCandidate(live.db);
  const interviewer = await live.connect(seeded.interviewer);
  const candidate = await live.connect(seeded.candidate);
  const view = await interviewer.data<SessionView>('session:join', { sessionId: seeded.sessionId });
  await candidate.data('session:join', { sessionId: seeded.sessionId });
  return { seeded, interviewer, candidate, view };
}

describe('the live room over real sockets', () => {
  it('converges two clients typing into one round document, and stores every acknowledged update', async () => {
    const { seeded, interviewer, candidate, view } = await joinedPair();
    const documentId = view.rounds[0]!.editorDocumentId;
    await interviewer.openDocument(seeded.sessionId, documentId);
    await candidate.openDocument(seeded.sessionId, documentId);

    const acks = await Promise.all([
      interviewer.type(seeded.sessionId, documentId, 'SELECT user_id'),
      candidate.type(seeded.sessionId, documentId, '-- grain: one row per user\n', 0),
    ]);
    expect(acks.every((ack) => ack.ok)).toBe(true);
    await eventually(interviewer, () => interviewer.text(documentId).length === 41);
    await eventually(candidate, () => candidate.text(documentId).length === 41);
    expect(interviewer.text(documentId)).toBe(candidate.text(documentId));
    expect(await live.db.documentUpdate.count({ where: { documentId } })).toBe(2);
  });

  it('relays a cursor move sent with an edit in the same message, and a late joiner sees that cursor', async () => {
    const { seeded, interviewer, candidate, view } = await joinedPair();
    const documentId = view.rounds[0]!.editorDocumentId;
    const doc = await interviewer.openDocument(seeded.sessionId, documentId);
    await candidate.openDocument(seeded.sessionId, documentId);

    const cursor = new Awareness(doc);
    cursor.setLocalState({ user: { name: 'Ivy' }, cursor: { index: 6 } });
    const before = Y.encodeStateVector(doc);
    doc.getText('content').insert(0, 'SELECT');
    const ack = await interviewer.request('doc:update', {
      sessionId: seeded.sessionId,
      documentId,
      update: encodeUpdate(Y.encodeStateAsUpdate(doc, before)),
      clientUpdateId: 'with-cursor-1',
      awareness: encodeUpdate(encodeAwarenessUpdate(cursor, [doc.clientID])),
    });
    expect(ack).toMatchObject({ ok: true });

    await eventually(candidate, () => candidate.text(documentId) === 'SELECT');
    const relayed = candidate.eventsOf('doc:updated').at(-1) as { awareness?: string };
    const seen = new Awareness(new Y.Doc());
    applyAwarenessUpdate(seen, decodeUpdate(relayed.awareness!), 'test');
    expect(seen.getStates().get(doc.clientID)).toEqual({ user: { name: 'Ivy' }, cursor: { index: 6 } });
    expect(candidate.eventsOf('awareness:updated')).toHaveLength(0);

    // The server kept it: whoever opens the document next gets the cursor with the text.
    const reviewer = await live.connect(seeded.candidate);
    await reviewer.data('session:join', { sessionId: seeded.sessionId });
    const joined = await reviewer.data<{ awareness: string | null }>('doc:join', { sessionId: seeded.sessionId, documentId });
    const onJoin = new Awareness(new Y.Doc());
    applyAwarenessUpdate(onJoin, decodeUpdate(joined.awareness!), 'test');
    expect(onJoin.getStates().get(doc.clientID)).toMatchObject({ cursor: { index: 6 } });
  });

  it('runs as the only node without REDIS_URL', () => {
    expect(live.server.output()).not.toContain('Redis adapter');
  });

  it('answers clock pings with the server time, and tells the others when someone joins', async () => {
    const seeded = await createSessionWithCandidate(live.db);
    const interviewer = await live.connect(seeded.interviewer);
    const before = Date.now();
    const { serverNow } = await interviewer.data<{ serverNow: number }>('clock:ping');
    expect(serverNow).toBeGreaterThanOrEqual(before);
    expect(serverNow).toBeLessThanOrEqual(Date.now());

    await interviewer.data('session:join', { sessionId: seeded.sessionId });
    const candidate = await live.connect(seeded.candidate);
    await candidate.data('session:join', { sessionId: seeded.sessionId });
    await eventually(interviewer, () =>
      interviewer.eventsOf('session:changed').some((payload) => (payload as { reason: string }).reason === 'member.joined'),
    );
    await eventually(interviewer, () =>
      interviewer
        .eventsOf('presence:changed')
        .some((payload) => (payload as { onlineUserIds: string[] }).onlineUserIds.includes(seeded.candidate.id)),
    );
  });

  it('refuses a stranger at every door: session, document and update', async () => {
    const { seeded, view } = await joinedPair();
    const strangerAccount = buildSignUpInput({ name: 'Stranger' });
    await registerUser(live.db, strangerAccount);
    const stranger = await live.connect(strangerAccount);
    const documentId = view.rounds[0]!.editorDocumentId;

    expect(await stranger.request('session:join', { sessionId: seeded.sessionId })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await stranger.request('doc:join', { sessionId: seeded.sessionId, documentId })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(
      await stranger.request('doc:update', { sessionId: seeded.sessionId, documentId, update: encodeUpdate(new Uint8Array([0, 0])), clientUpdateId: 'stranger-1' }),
    ).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await stranger.request('round:timer', { sessionId: seeded.sessionId, roundId: view.rounds[0]!.id, command: 'start' })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
  });

  it('never sends the candidate the private notes, the guides or unrevealed questions', async () => {
    const { seeded, interviewer, candidate, view } = await joinedPair();
    const notesId = view.notesDocumentId!;
    expect(notesId).toBeDefined();
    const candidateView = await candidate.data<SessionView>('session:get', { sessionId: seeded.sessionId });
    expect(candidateView.notesDocumentId).toBeUndefined();
    expect(candidateView.rounds[0]!.questions).toEqual([]);
    const interviewerQuestion = view.rounds[0]!.questions[0]!;
    expect(interviewerQuestion.guide?.solution.length).toBeGreaterThan(0);

    expect(await candidate.request('doc:join', { sessionId: seeded.sessionId, documentId: notesId })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    await candidate.openDocument(seeded.sessionId, view.rounds[0]!.editorDocumentId);
    await interviewer.openDocument(seeded.sessionId, notesId);
    expect(await interviewer.type(seeded.sessionId, notesId, 'Candidate skipped the grain. PRIVATE-NOTE-MARKER')).toMatchObject({ ok: true });
    // Start the round: the first question is revealed to the candidate, still without its guide.
    await interviewer.data('session:start', { sessionId: seeded.sessionId });
    await interviewer.data('round:timer', { sessionId: seeded.sessionId, roundId: view.rounds[0]!.id, command: 'start' });
    await eventually(candidate, () => candidate.eventsOf('session:changed').length >= 2);
    const afterStart = await candidate.data<SessionView>('session:get', { sessionId: seeded.sessionId });
    expect(afterStart.rounds[0]!.questions).toHaveLength(1);
    expect(afterStart.rounds[0]!.questions[0]!.guide).toBeUndefined();

    // Yjs text is readable inside an update's bytes; updates travel as base64, so decode them before looking.
    const everything = JSON.stringify(candidate.received, (key, value: unknown) =>
      value instanceof Uint8Array || (value && typeof value === 'object' && 'byteLength' in value)
        ? Buffer.from(value as Uint8Array).toString('latin1')
        : key === 'update' && typeof value === 'string'
          ? Buffer.from(decodeUpdate(value)).toString('latin1')
          : value,
    );
    expect(everything).not.toContain('PRIVATE-NOTE-MARKER');
    expect(everything).not.toContain(interviewerQuestion.guide!.solution.slice(0, 40));
    expect(candidate.eventsOf('doc:updated').every((payload) => (payload as { documentId: string }).documentId !== notesId)).toBe(true);
  });

  it('answers malformed, oversized and unknown messages with an error ack to the sender only, and keeps the room working', async () => {
    const { seeded, interviewer, candidate, view } = await joinedPair();
    const documentId = view.rounds[0]!.editorDocumentId;
    await interviewer.openDocument(seeded.sessionId, documentId);
    await candidate.openDocument(seeded.sessionId, documentId);

    expect(await candidate.request('doc:update', { sessionId: seeded.sessionId, documentId, update: 'not binary', clientUpdateId: 'bad-1234' })).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
    });
    expect(
      await candidate.request('doc:update', { sessionId: seeded.sessionId, documentId, update: encodeUpdate(new Uint8Array([255, 255, 255, 7])), clientUpdateId: 'garbage-1' }),
    ).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(
      await candidate.request('doc:update', { sessionId: seeded.sessionId, documentId, update: encodeUpdate(new Uint8Array(70_000)), clientUpdateId: 'too-big-1' }),
    ).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: expect.stringContaining('larger than 65536 bytes') });
    expect(await candidate.request('session:join', { sessionId: '../../etc' })).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(await candidate.request('room:explode', {})).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: 'Unknown event "room:explode".' });
    expect(await candidate.request('awareness:update', { sessionId: seeded.sessionId, documentId, update: encodeUpdate(new Uint8Array([9, 9, 9])) })).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
    });

    expect(interviewer.eventsOf('app:error')).toEqual([]);
    expect(await candidate.type(seeded.sessionId, documentId, 'still works')).toMatchObject({ ok: true });
    await eventually(interviewer, () => interviewer.text(documentId) === 'still works');
  });

  it('lets only the interviewer run the clock, and ending the round makes its document read-only', async () => {
    const { seeded, interviewer, candidate, view } = await joinedPair();
    const round = view.rounds[0]!;
    await interviewer.data('session:start', { sessionId: seeded.sessionId });
    expect(await candidate.request('round:timer', { sessionId: seeded.sessionId, roundId: round.id, command: 'start' })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    const started = await interviewer.data<{ clock: { status: string } }>('round:timer', { sessionId: seeded.sessionId, roundId: round.id, command: 'start' });
    expect(started.clock.status).toBe('RUNNING');
    expect(await interviewer.request('round:timer', { sessionId: seeded.sessionId, roundId: round.id, command: 'start' })).toMatchObject({
      ok: false,
      code: 'CONFLICT',
    });
    await eventually(candidate, () => candidate.eventsOf('round:clock').length >= 1);

    await candidate.openDocument(seeded.sessionId, round.editorDocumentId);
    expect(await candidate.type(seeded.sessionId, round.editorDocumentId, 'SELECT 1')).toMatchObject({ ok: true });
    await interviewer.data('round:timer', { sessionId: seeded.sessionId, roundId: round.id, command: 'end' });
    await eventually(candidate, () => candidate.eventsOf('doc:read-only').length === 1);
    expect(await candidate.type(seeded.sessionId, round.editorDocumentId, ' more')).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
      message: 'This round has ended; its document is read-only.',
    });
  });
});
