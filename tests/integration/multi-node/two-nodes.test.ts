import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { loadStoredDocument } from '@/lib/documents/document-store';
import { storedDocumentText } from '@/lib/documents/document-text';
import type { RoundClockState } from '@/lib/sessions/control-round-timer';
import type { SessionView } from '@/lib/sessions/session-view';
import { createSessionWithCandidate } from '../../factories/session-factory';
import { HttpSession } from '../../support/http-session';
import { eventually, type RoomClient } from '../../support/room-client';
import { runServerToExit } from '../../support/start-server';
import { isRedisMissingFor } from '../../support/redis-availability';
import { TWO_NODES_SECRET, withTwoNodes } from '../../support/two-nodes';
import { decodeUpdate, encodeUpdate } from '@/lib/realtime/update-encoding';

// Two production server processes on one database and the machine's Redis (tests/support/two-nodes.ts; see
// redis-availability.ts for when this is skipped).

const isRedisMissing = await isRedisMissingFor('two-nodes.test.ts');

describe.skipIf(isRedisMissing)('two server processes sharing rooms through Redis', () => {
  const two = withTwoNodes();
  const { connect } = two;

  it('say so once at start-up', () => {
    for (const node of [two.nodeA, two.nodeB]) {
      // The server logs JSON lines: the message's quotes are escaped inside one.
      expect(node.output()).toContain(JSON.stringify(`socket.io: Redis adapter on redis://127.0.0.1:6379 (key prefix "${two.redisKeyPrefix}")`).slice(1, -1));
    }
  });

  it('converge clients on different nodes: edits, cursors, clock, presence; each update stored once', async () => {
    const seeded = await createSessionWithCandidate(two.db);
    const interviewer = await connect(seeded.interviewer, two.nodeA);
    const candidate = await connect(seeded.candidate, two.nodeB);
    const view = await interviewer.data<SessionView>('session:join', { sessionId: seeded.sessionId });
    await candidate.data('session:join', { sessionId: seeded.sessionId });
    const round = view.rounds[0]!;
    const documentId = round.editorDocumentId;

    // Presence counts the sockets of both nodes.
    const bothOnline = (client: RoomClient) => () =>
      client.eventsOf('presence:changed').some((payload) => {
        const online = (payload as { onlineUserIds: string[] }).onlineUserIds;
        return online.includes(seeded.interviewer.id) && online.includes(seeded.candidate.id);
      });
    await eventually(interviewer, bothOnline(interviewer), 'presence of both on node A');
    await eventually(candidate, bothOnline(candidate), 'presence of both on node B');

    await interviewer.openDocument(seeded.sessionId, documentId);
    await candidate.openDocument(seeded.sessionId, documentId);

    // Concurrent typing on both nodes, every ack awaited.
    const typing: Promise<{ ok: boolean }>[] = [];
    for (let i = 0; i < 25; i += 1) {
      typing.push(interviewer.type(seeded.sessionId, documentId, `a${i};`));
      typing.push(candidate.type(seeded.sessionId, documentId, `b${i};`, 0));
    }
    const acks = await Promise.all(typing);
    expect(acks.every((ack) => ack.ok)).toBe(true);
    const expectedLength = 2 * (10 * 3 + 15 * 4);
    await eventually(interviewer, () => interviewer.text(documentId).length === expectedLength, 'the whole text on node A');
    await eventually(candidate, () => candidate.text(documentId).length === expectedLength, 'the whole text on node B');
    expect(candidate.text(documentId)).toBe(interviewer.text(documentId));

    // Stored exactly once: by the node that received each update, never by the node that relayed it.
    const stored = await two.db.documentUpdate.findMany({ where: { documentId }, select: { clientUpdateId: true } });
    expect(stored).toHaveLength(50);
    expect(new Set(stored.map((row) => row.clientUpdateId)).size).toBe(50);
    const fromDatabase = await loadStoredDocument(two.db, documentId);
    expect(storedDocumentText(fromDatabase!)).toBe(interviewer.text(documentId));

    // A cursor on node A reaches the candidate on node B.
    const interviewerCursor = new Awareness(interviewer.docs.get(documentId)!);
    interviewerCursor.setLocalState({ user: { name: 'Ivy' }, cursor: { index: 3 } });
    const candidateView = new Awareness(new Y.Doc());
    candidate.socket.on('awareness:updated', ({ update }) => applyAwarenessUpdate(candidateView, decodeUpdate(update), 'remote'));
    await interviewer.data('awareness:update', {
      sessionId: seeded.sessionId,
      documentId,
      update: encodeUpdate(encodeAwarenessUpdate(interviewerCursor, [interviewerCursor.clientID])),
    });
    await eventually(candidate, () => candidateView.getStates().get(interviewerCursor.clientID)?.user?.name === 'Ivy', 'the cursor from node A on node B');

    // A keystroke whose cursor rides in its message reaches node B's socket as one message too.
    const doc = interviewer.docs.get(documentId)!;
    const before = Y.encodeStateVector(doc);
    doc.getText('content').insert(0, '!');
    interviewerCursor.setLocalStateField('cursor', { index: 1 });
    expect(
      (
        await interviewer.request('doc:update', {
          sessionId: seeded.sessionId,
          documentId,
          update: encodeUpdate(Y.encodeStateAsUpdate(doc, before)),
          clientUpdateId: randomBytes(12).toString('hex'),
          awareness: encodeUpdate(encodeAwarenessUpdate(interviewerCursor, [interviewerCursor.clientID])),
        })
      ).ok,
    ).toBe(true);
    const withCursor = () =>
      candidate.eventsOf('doc:updated').find((payload) => (payload as { awareness?: string }).awareness !== undefined) as
        | { update: string; awareness: string }
        | undefined;
    await eventually(candidate, () => withCursor() !== undefined, "the keystroke and its cursor from node A on node B");
    applyAwarenessUpdate(candidateView, decodeUpdate(withCursor()!.awareness), 'remote');
    expect(candidateView.getStates().get(interviewerCursor.clientID)?.cursor).toEqual({ index: 1 });
    expect(candidate.text(documentId)).toBe(interviewer.text(documentId));

    // The clock: a command on node A is seen on node B with the same version (the database holds the clock).
    await interviewer.data('session:start', { sessionId: seeded.sessionId });
    const started = await interviewer.data<RoundClockState>('round:timer', { sessionId: seeded.sessionId, roundId: round.id, command: 'start' });
    const paused = await interviewer.data<RoundClockState>('round:timer', { sessionId: seeded.sessionId, roundId: round.id, command: 'pause' });
    expect(paused.timerVersion).toBeGreaterThan(started.timerVersion);
    await eventually(candidate, () =>
      candidate.eventsOf('round:clock').some((payload) => (payload as RoundClockState).timerVersion === paused.timerVersion),
      'the paused clock on node B',
    );
    const seenOnB = candidate.eventsOf('round:clock').map((payload) => payload as RoundClockState);
    expect(seenOnB.map((state) => state.timerVersion)).toEqual([started.timerVersion, paused.timerVersion]);
    expect(seenOnB.at(-1)!.clock).toEqual(paused.clock);

    // A newcomer on node B after the edits gets the whole text and the interviewer's cursor from B's copy.
    const shadow = await connect(seeded.interviewer, two.nodeB);
    await shadow.data('session:join', { sessionId: seeded.sessionId });
    const joined = await shadow.data<{ awareness: string | null }>('doc:join', { sessionId: seeded.sessionId, documentId });
    const shadowView = new Awareness(new Y.Doc());
    applyAwarenessUpdate(shadowView, decodeUpdate(joined.awareness!), 'remote');
    expect(shadowView.getStates().get(interviewerCursor.clientID)?.user?.name).toBe('Ivy');
    await shadow.openDocument(seeded.sessionId, documentId);
    expect(shadow.text(documentId)).toBe(interviewer.text(documentId));
  });

  it('loads a document on a node from the database and the other nodes, and ends it read-only on every node', async () => {
    const seeded = await createSessionWithCandidate(two.db);
    const interviewer = await connect(seeded.interviewer, two.nodeA);
    const view = await interviewer.data<SessionView>('session:join', { sessionId: seeded.sessionId });
    const round = view.rounds[0]!;
    const documentId = round.editorDocumentId;
    await interviewer.openDocument(seeded.sessionId, documentId);
    for (let i = 0; i < 10; i += 1) expect((await interviewer.type(seeded.sessionId, documentId, `line ${i}\n`)).ok).toBe(true);

    // Node B has never held the document: it loads it now, while node A keeps its copy open.
    const candidate = await connect(seeded.candidate, two.nodeB);
    await candidate.data('session:join', { sessionId: seeded.sessionId });
    await candidate.openDocument(seeded.sessionId, documentId);
    expect(candidate.text(documentId)).toBe(interviewer.text(documentId));

    // Leaving unloads B's copy (and compacts from the database while A keeps writing); a rejoin loads it again.
    await candidate.data('doc:leave', { sessionId: seeded.sessionId, documentId });
    const writes = [];
    for (let i = 0; i < 10; i += 1) writes.push(interviewer.type(seeded.sessionId, documentId, `more ${i}\n`));
    expect((await Promise.all(writes)).every((ack) => ack.ok)).toBe(true);
    candidate.docs.delete(documentId);
    await candidate.openDocument(seeded.sessionId, documentId);
    expect(candidate.text(documentId)).toBe(interviewer.text(documentId));
    expect(storedDocumentText((await loadStoredDocument(two.db, documentId))!)).toBe(interviewer.text(documentId));

    // Ending the round on node A closes the document on node B too.
    await interviewer.data('session:start', { sessionId: seeded.sessionId });
    await interviewer.data('round:timer', { sessionId: seeded.sessionId, roundId: round.id, command: 'start' });
    await interviewer.data('round:timer', { sessionId: seeded.sessionId, roundId: round.id, command: 'end' });
    await eventually(candidate, () => candidate.eventsOf('doc:read-only').length > 0, 'read-only on node B');
    expect(await candidate.type(seeded.sessionId, documentId, 'too late')).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it('share the sign-in budget: failed attempts on either node count against one account', async () => {
    const email = `guessed-${randomBytes(6).toString('hex')}@example.test`;
    // One address's budget at one account is 5 failures (SIGN_IN_MAX_ATTEMPTS_PER_ACCOUNT_AND_IP's default): 3 here, 2 there.
    for (const node of [two.nodeA, two.nodeA, two.nodeA, two.nodeB, two.nodeB]) {
      expect(await new HttpSession(node.baseUrl).signIn(email, 'wrong password 1')).toMatchObject({ ok: false });
    }
    for (const node of [two.nodeA, two.nodeB]) {
      const refused = await new HttpSession(node.baseUrl).signIn(email, 'wrong password 2');
      expect(refused.error).toMatch(/^Too many sign-in attempts/);
    }
  });

  it('refuses to start, in one line, when REDIS_URL does not answer', async () => {
    const { code, output } = await runServerToExit({ DATABASE_URL: two.databaseUrl, NEXTAUTH_SECRET: TWO_NODES_SECRET, REDIS_URL: 'redis://127.0.0.1:1' });
    expect(code).toBe(1);
    const lines = output.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^\[mockloop\] could not start: REDIS_URL: cannot reach Redis at redis:\/\/127\.0\.0\.1:1 \(.*ECONNREFUSED.*\)$/);
  });
});
