import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { applyAwarenessUpdate, Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { boardElements, storeElements, type BoardElement } from '@/lib/boards/board-scene';
import { storedBoardScene } from '@/lib/boards/stored-board-scene';
import { loadStoredDocument } from '@/lib/documents/document-store';
import type { DocumentLimits } from '@/lib/realtime/socket-events';
import { decodeUpdate, encodeUpdate } from '@/lib/realtime/update-encoding';
import type { SessionView } from '@/lib/sessions/session-view';
import { createSessionWithCandidate } from '../../factories/session-factory';
import { withLiveTestServer } from '../../support/live-test-server';
import { eventually, type RoomClient } from '../../support/room-client';

// What the server does with an update or a cursor it will not take: it answers with a refusal the editor can
// explain, keeps the connection, stores nothing, and lets nobody speak for another person's cursor. The server runs
// with the default limits (SOCKET_MAX_MESSAGE_BYTES 256 KiB, DOCUMENT_MAX_BYTES 2 MiB), as a deployment would.

const live = withLiveTestServer();

async function openPair(): Promise<{ ref: { sessionId: string; documentId: string }; interviewer: RoomClient; candidate: RoomClient }> {
  const seeded = await createSessionWithCandidate(live.db);
  const interviewer = await live.connect(seeded.interviewer);
  const candidate = await live.connect(seeded.candidate);
  const view = await interviewer.data<SessionView>('session:join', { sessionId: seeded.sessionId });
  await candidate.data('session:join', { sessionId: seeded.sessionId });
  const ref = { sessionId: seeded.sessionId, documentId: view.rounds[0]!.editorDocumentId };
  await interviewer.openDocument(ref.sessionId, ref.documentId);
  await candidate.openDocument(ref.sessionId, ref.documentId);
  return { ref, interviewer, candidate };
}

const storedRows = (documentId: string) => live.db.documentUpdate.count({ where: { documentId } });

/** An update inserting `text` into a fresh client's copy (its own client id), as bytes. */
function insertion(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('content').insert(0, text);
  return Y.encodeStateAsUpdate(doc);
}

function sendUpdate(client: RoomClient, ref: { sessionId: string; documentId: string }, update: Uint8Array, awareness?: Uint8Array) {
  return client.request('doc:update', {
    ...ref,
    update: encodeUpdate(update),
    clientUpdateId: randomBytes(12).toString('hex'),
    ...(awareness ? { awareness: encodeUpdate(awareness) } : {}),
  });
}

describe('updates the server will not take', () => {
  it('tells the editor its limits when it opens a document', async () => {
    const { ref, interviewer } = await openPair();
    const joined = await interviewer.data<{ limits: DocumentLimits }>('doc:join', ref);
    expect(joined.limits).toEqual({ maxUpdateBytes: 256 * 1024, maxDocumentBytes: 2 * 1024 * 1024, documentBytes: 0 });
  });

  it('answers a 500 KB paste with an error ack and keeps the connection, so the next edit is stored', async () => {
    const { ref, interviewer, candidate } = await openPair();
    const disconnects: string[] = [];
    interviewer.socket.on('disconnect', (reason) => disconnects.push(reason));

    const refused = await sendUpdate(interviewer, ref, insertion('x'.repeat(500 * 1024)));
    expect(refused).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(interviewer.socket.connected).toBe(true);
    expect(disconnects).toEqual([]);

    expect(await interviewer.type(ref.sessionId, ref.documentId, 'after the paste')).toMatchObject({ ok: true });
    await eventually(candidate, () => candidate.text(ref.documentId) === 'after the paste', 'the partner receives the next edit');
    expect(await storedRows(ref.documentId)).toBe(1);
  });

  it('refuses an empty update and one with bytes after it, and stores neither', async () => {
    const { ref, interviewer } = await openPair();
    expect(await sendUpdate(interviewer, ref, new Uint8Array([0, 0]))).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(await sendUpdate(interviewer, ref, new Uint8Array([...insertion('valid'), 0xde, 0xad, 0xbe, 0xef]))).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
    });
    expect(await storedRows(ref.documentId)).toBe(0);
    expect(await sendUpdate(interviewer, ref, insertion('valid'))).toMatchObject({ ok: true });
    expect(await storedRows(ref.documentId)).toBe(1);
  });
});

describe('cursors belong to the socket that announced them', () => {
  /** An awareness update for `clientId` at the given clock: a newer clock wins wherever it is applied. */
  function cursorUpdate(clientId: number, state: Record<string, unknown>, clock: number): Uint8Array {
    const doc = new Y.Doc();
    doc.clientID = clientId;
    const awareness = new Awareness(doc);
    for (let tick = 0; tick < clock; tick += 1) awareness.setLocalState({ ...state, tick });
    awareness.setLocalState(state);
    return encodeAwarenessUpdate(awareness, [clientId]);
  }

  async function cursorsOnJoin(client: RoomClient, ref: { sessionId: string; documentId: string }): Promise<Map<number, unknown>> {
    const joined = await client.data<{ awareness: string | null }>('doc:join', ref);
    const seen = new Awareness(new Y.Doc());
    if (joined.awareness) applyAwarenessUpdate(seen, decodeUpdate(joined.awareness), 'test');
    return seen.getStates();
  }

  it('refuses an awareness update that carries another socket’s client id, alone or with an edit', async () => {
    const { ref, interviewer, candidate } = await openPair();
    const candidateId = 1_234_567;
    const own = cursorUpdate(candidateId, { user: { name: 'Cara' }, cursor: { index: 0 } }, 1);
    expect(await candidate.request('awareness:update', { ...ref, update: encodeUpdate(own) })).toMatchObject({ ok: true });

    // Its clock is newer than the candidate's: applied, it would rename and move her cursor for everyone.
    const forged = cursorUpdate(candidateId, { user: { name: 'Not Cara' }, cursor: { index: 99 } }, 10);
    expect(await interviewer.request('awareness:update', { ...ref, update: encodeUpdate(forged) })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await sendUpdate(interviewer, ref, insertion('riding along'), forged)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect((await cursorsOnJoin(interviewer, ref)).get(candidateId)).toEqual({ user: { name: 'Cara' }, cursor: { index: 0 } });
    expect(candidate.eventsOf('awareness:updated')).toEqual([]);

    // The owner may still move it; once the owner leaves the document, the id is free again.
    const moved = cursorUpdate(candidateId, { user: { name: 'Cara' }, cursor: { index: 5 } }, 2);
    expect(await candidate.request('awareness:update', { ...ref, update: encodeUpdate(moved) })).toMatchObject({ ok: true });
    await candidate.data('doc:leave', ref);
    expect(await interviewer.request('awareness:update', { ...ref, update: encodeUpdate(forged) })).toMatchObject({ ok: true });
  });
});

describe('drawings the server will not take (the board, issue 23)', () => {
  async function openBoard() {
    const seeded = await createSessionWithCandidate(live.db);
    const interviewer = await live.connect(seeded.interviewer);
    const candidate = await live.connect(seeded.candidate);
    const view = await interviewer.data<SessionView>('session:join', { sessionId: seeded.sessionId });
    await candidate.data('session:join', { sessionId: seeded.sessionId });
    const ref = { sessionId: seeded.sessionId, documentId: view.rounds[0]!.boardDocumentId! };
    const candidateBoard = await candidate.openDocument(ref.sessionId, ref.documentId);
    const interviewerBoard = await interviewer.openDocument(ref.sessionId, ref.documentId);
    return { ref, candidate, candidateBoard, interviewer, interviewerBoard };
  }

  /** A freehand stroke of `pointCount` points, as Excalidraw stores one. */
  function stroke(id: string, pointCount: number): BoardElement {
    const points = Array.from({ length: pointCount }, (_, i) => [i * 1.37, Math.sin(i / 9) * 40.11]);
    return { id, type: 'freedraw', version: 3, versionNonce: 987_654, index: 'a1', x: 10, y: 10, points, pressures: [], simulatePressure: true };
  }

  /** Stores `elements` in `doc` and returns the update that did it. */
  function settle(doc: Y.Doc, elements: BoardElement[]): Uint8Array {
    const before = Y.encodeStateVector(doc);
    storeElements(doc, elements);
    return Y.encodeStateAsUpdate(doc, before);
  }

  it('refuses a stroke larger than a message may be, stores none of it, and takes the next shape', async () => {
    const { ref, candidate, candidateBoard, interviewer, interviewerBoard } = await openBoard();
    const huge = settle(candidateBoard, [stroke('huge', 16_000)]);
    expect(huge.byteLength).toBeGreaterThan(256 * 1024);
    expect(await sendUpdate(candidate, ref, huge)).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(candidate.socket.connected).toBe(true);

    // The next shape (from the interviewer's board, which never held the refused one) is stored and relayed.
    expect(await sendUpdate(interviewer, ref, settle(interviewerBoard, [stroke('small', 40)]))).toMatchObject({ ok: true });
    await eventually(candidate, () => boardElements(candidateBoard).has('small'), 'the partner receives the next shape');
    const stored = await loadStoredDocument(live.db, ref.documentId);
    expect(storedBoardScene(stored!).map((element) => element.id)).toEqual(['small']);
  });

  it('refuses a shape in flight over the presence cap, and relays nothing of it', async () => {
    const { ref, candidate, interviewer, interviewerBoard } = await openBoard();
    const awareness = new Awareness(interviewerBoard);
    awareness.setLocalState({ user: { name: 'Ivy' }, drawing: [stroke('inflight', 2_000)] });
    const inFlight = encodeAwarenessUpdate(awareness, [interviewerBoard.clientID]);
    expect(inFlight.byteLength).toBeGreaterThan(16 * 1024);
    expect(await interviewer.request('awareness:update', { ...ref, update: encodeUpdate(inFlight) })).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    // A pointer on its own is fine, and it is that the candidate hears of.
    awareness.setLocalState({ user: { name: 'Ivy' }, pointer: { x: 1, y: 2, tool: 'pointer' } });
    const pointer = encodeAwarenessUpdate(awareness, [interviewerBoard.clientID]);
    expect(await interviewer.request('awareness:update', { ...ref, update: encodeUpdate(pointer) })).toMatchObject({ ok: true });
    await eventually(candidate, () => candidate.eventsOf('awareness:updated').length > 0, 'the pointer reaches the candidate');
    expect(candidate.eventsOf('awareness:updated')).toHaveLength(1);
  });
});
