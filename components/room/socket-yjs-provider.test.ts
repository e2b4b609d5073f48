import { describe, expect, it, vi } from 'vitest';
import { applyAwarenessUpdate, Awareness, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { Ack } from '@/lib/realtime/ack';
import { decodeUpdate, encodeUpdate } from '@/lib/realtime/update-encoding';
import { SocketYjsProvider } from './socket-yjs-provider';
import type { RoomSocket } from './socket-request';

// The provider against a scripted stand-in for the socket and the server's copy of the document: what it
// sends on (re)connect, what it keeps until acked, and what it drops.

type Listener = (...args: unknown[]) => void;
type UpdateMode = 'ack' | 'lose-ack' | { code: Exclude<Ack<never>, { ok: true }>['code']; hold?: boolean };

class FakeSocket {
  connected = false;
  readonly serverDoc = new Y.Doc();
  readonly storedIds: string[] = [];
  readonly sentUpdateIds: string[] = [];
  readonly updatePayloads: Record<string, unknown>[] = [];
  readonly emitted: string[] = [];
  updateMode: UpdateMode = 'ack';
  limits = { maxUpdateBytes: 1 << 20, maxDocumentBytes: 1 << 22, documentBytes: 0 };
  /** Updates larger than this are refused INVALID_INPUT, whatever the mode (a server's size limit). */
  refuseLargerThan = Infinity;
  /** Refusals held back (mode `hold`), answered when the test calls them. */
  readonly held: (() => void)[] = [];
  private readonly listeners = new Map<string, Set<Listener>>();

  on(event: string, listener: Listener) {
    if (!this.listeners.has(event)) this.listeners.set(event, new Set());
    this.listeners.get(event)!.add(listener);
    return this;
  }

  off(event: string, listener: Listener) {
    this.listeners.get(event)?.delete(listener);
    return this;
  }

  emit(event: string) {
    this.emitted.push(event);
    return this;
  }

  timeout() {
    return { emitWithAck: (event: string, payload: Record<string, unknown>) => this.answer(event, payload) };
  }

  connect() {
    this.connected = true;
    this.fire('connect');
  }

  disconnect() {
    this.connected = false;
    this.fire('disconnect', 'transport close');
  }

  fire(event: string, ...args: unknown[]) {
    for (const listener of [...(this.listeners.get(event) ?? [])]) listener(...args);
  }

  private answer(event: string, payload: Record<string, unknown>): Promise<Ack<unknown>> {
    if (event === 'doc:join') {
      return Promise.resolve({
        ok: true,
        data: {
          update: encodeUpdate(Y.encodeStateAsUpdate(this.serverDoc, payload.stateVector ? decodeUpdate(payload.stateVector as string) : undefined)),
          stateVector: encodeUpdate(Y.encodeStateVector(this.serverDoc)),
          isReadOnly: false,
          awareness: null,
          limits: this.limits,
        },
      });
    }
    if (event === 'doc:update') {
      const clientUpdateId = payload.clientUpdateId as string;
      this.sentUpdateIds.push(clientUpdateId);
      this.updatePayloads.push(payload);
      const mode = this.updateMode;
      if (decodeUpdate(payload.update as string).byteLength > this.refuseLargerThan) {
        return Promise.resolve({ ok: false, code: 'INVALID_INPUT', message: 'larger than the limit' });
      }
      if (typeof mode === 'object') {
        const refusal = { ok: false as const, code: mode.code, message: 'refused' };
        if (!mode.hold) return Promise.resolve(refusal);
        return new Promise((resolve) => this.held.push(() => resolve(refusal)));
      }
      if (!this.storedIds.includes(clientUpdateId)) {
        this.storedIds.push(clientUpdateId);
        Y.applyUpdate(this.serverDoc, decodeUpdate(payload.update as string));
      }
      // A lost ack: stored, but the answer never arrives (the connection drops first).
      return mode === 'lose-ack' ? new Promise(() => {}) : Promise.resolve({ ok: true, data: {} });
    }
    return Promise.resolve({ ok: true, data: {} });
  }
}

const ref = { sessionId: 'session-1', documentId: 'document-1' };

function setUp(serverText = '') {
  const socket = new FakeSocket();
  if (serverText) socket.serverDoc.getText('content').insert(0, serverText);
  const doc = new Y.Doc();
  const errors: string[] = [];
  const provider = new SocketYjsProvider(socket as unknown as RoomSocket, doc, ref, { onError: (error) => errors.push(error.code) });
  return { socket, doc, provider, errors, text: doc.getText('content') };
}

/** Lets the provider's flush timer and ack promises run. */
async function settle(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 80));
}

describe('SocketYjsProvider', () => {
  it('loads the server copy on join and stores a local edit once, under a well-formed id', async () => {
    const { socket, provider, text } = setUp('SELECT 1');
    socket.connect();
    await settle();
    expect(text.toString()).toBe('SELECT 1');
    expect(provider.isSynced).toBe(true);

    text.insert(text.length, ';');
    expect(provider.unsyncedCount).toBe(1);
    await settle();
    expect(provider.unsyncedCount).toBe(0);
    expect(socket.serverDoc.getText('content').toString()).toBe('SELECT 1;');
    expect(socket.storedIds).toHaveLength(1);
    expect(socket.storedIds[0]).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
  });

  it('sends a keystroke after a pause at once, merges the burst that follows it, and reports each save', async () => {
    const socket = new FakeSocket();
    const doc = new Y.Doc();
    const saved: Uint8Array[] = [];
    new SocketYjsProvider(socket as unknown as RoomSocket, doc, ref, { onSaved: (update) => saved.push(update) });
    const text = doc.getText('content');
    socket.connect();
    await settle();

    text.insert(0, 'a');
    await Promise.resolve();
    expect(socket.sentUpdateIds).toHaveLength(1);
    text.insert(1, 'b');
    text.insert(2, 'c');
    await Promise.resolve();
    expect(socket.sentUpdateIds).toHaveLength(1);
    await settle();
    expect(socket.sentUpdateIds).toHaveLength(2);
    expect(socket.serverDoc.getText('content').toString()).toBe('abc');
    expect(saved).toHaveLength(2);
    const replayed = new Y.Doc();
    for (const update of saved) Y.applyUpdate(replayed, update);
    expect(replayed.getText('content').toString()).toBe('abc');
  });

  it('sends the cursor move made with an edit in the edit’s message, and takes a peer’s the same way', async () => {
    const { socket, doc, provider, text } = setUp();
    socket.connect();
    await settle();
    const emittedBeforeTyping = socket.emitted.length;

    text.insert(0, 'x');
    provider.awareness.setLocalStateField('cursor', { index: 1 });
    await settle();
    expect(socket.emitted.slice(emittedBeforeTyping)).not.toContain('awareness:update');
    const sentAwareness = new Awareness(new Y.Doc());
    applyAwarenessUpdate(sentAwareness, decodeUpdate(socket.updatePayloads.at(-1)!.awareness as string), 'test');
    expect(sentAwareness.getStates().get(doc.clientID)).toEqual({ cursor: { index: 1 } });

    const peer = new Y.Doc();
    const peerAwareness = new Awareness(peer);
    peerAwareness.setLocalState({ user: 'Peer' });
    peer.getText('content').insert(0, 'y');
    socket.fire('doc:updated', {
      documentId: ref.documentId,
      update: encodeUpdate(Y.encodeStateAsUpdate(peer)),
      awareness: encodeUpdate(encodeAwarenessUpdate(peerAwareness, [peer.clientID])),
    });
    expect(provider.awareness.getStates().get(peer.clientID)).toEqual({ user: 'Peer' });
  });

  it('resends an update whose ack was lost with the same id after a reconnect', async () => {
    const { socket, provider, text } = setUp();
    socket.connect();
    await settle();
    socket.updateMode = 'lose-ack';
    text.insert(0, 'abc');
    await settle();
    expect(provider.unsyncedCount).toBe(1);

    socket.disconnect();
    socket.updateMode = 'ack';
    socket.connect();
    await settle();
    expect(provider.unsyncedCount).toBe(0);
    expect(socket.sentUpdateIds).toHaveLength(2);
    expect(socket.sentUpdateIds[0]).toBe(socket.sentUpdateIds[1]);
    expect(socket.storedIds).toHaveLength(1);
  });

  it('keeps edits made while offline and sends them on reconnect', async () => {
    const { socket, provider, text } = setUp('a');
    socket.connect();
    await settle();
    socket.disconnect();
    text.insert(1, 'b');
    await settle();
    expect(provider.unsyncedCount).toBe(1);
    expect(socket.sentUpdateIds).toHaveLength(0);

    socket.connect();
    await settle();
    expect(provider.unsyncedCount).toBe(0);
    expect(socket.serverDoc.getText('content').toString()).toBe('ab');
  });

  it('applies peers’ updates without echoing them back', async () => {
    const { socket, text } = setUp();
    socket.connect();
    await settle();
    const peer = new Y.Doc();
    peer.getText('content').insert(0, 'from a peer');
    socket.fire('doc:updated', { documentId: ref.documentId, update: encodeUpdate(Y.encodeStateAsUpdate(peer)) });
    socket.fire('doc:updated', { documentId: 'another-document', update: encodeUpdate(Y.encodeStateAsUpdate(peer)) });
    await settle();
    expect(text.toString()).toBe('from a peer');
    expect(socket.sentUpdateIds).toHaveLength(0);
  });

  it('drops an update refused for good, reports it, and marks a read-only refusal', async () => {
    const { socket, provider, text, errors } = setUp();
    socket.connect();
    await settle();
    socket.updateMode = { code: 'FORBIDDEN' };
    text.insert(0, 'too late');
    await settle();
    expect(provider.unsyncedCount).toBe(0);
    expect(provider.isReadOnly).toBe(true);
    expect(errors).toEqual(['FORBIDDEN']);
  });

  it('keeps an update refused for now (rate limited) and reports the delay', async () => {
    const { socket, provider, text, errors } = setUp();
    socket.connect();
    await settle();
    socket.updateMode = { code: 'RATE_LIMITED' };
    text.insert(0, 'fast typing');
    await settle();
    expect(provider.unsyncedCount).toBe(1);
    expect(errors).toEqual(['RATE_LIMITED']);

    socket.updateMode = 'ack';
    socket.disconnect();
    socket.connect();
    await settle();
    expect(provider.unsyncedCount).toBe(0);
    expect(socket.serverDoc.getText('content').toString()).toBe('fast typing');
  });

  it('backs off between resends while the server keeps refusing, and starts over once one is stored', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    try {
      const { socket, text } = setUp();
      socket.connect();
      await vi.advanceTimersByTimeAsync(10);
      socket.updateMode = { code: 'UNAVAILABLE' };
      text.insert(0, 'a');
      await vi.advanceTimersByTimeAsync(0);
      const sentAt: number[] = [];
      for (let elapsed = 0; elapsed <= 15_000; elapsed += 100) {
        while (sentAt.length < socket.sentUpdateIds.length) sentAt.push(elapsed);
        await vi.advanceTimersByTimeAsync(100);
      }
      const gaps = sentAt.slice(1).map((at, i) => at - sentAt[i]!);
      expect(gaps).toEqual([2_000, 4_000, 8_000]);

      socket.updateMode = 'ack';
      await vi.advanceTimersByTimeAsync(16_000);
      const stored = socket.storedIds.length;
      expect(stored).toBe(1);
      socket.updateMode = { code: 'UNAVAILABLE' };
      text.insert(1, 'b');
      await vi.advanceTimersByTimeAsync(100);
      const before = socket.sentUpdateIds.length;
      await vi.advanceTimersByTimeAsync(2_000);
      expect(socket.sentUpdateIds.length).toBe(before + 1);
    } finally {
      vi.useRealTimers();
      vi.restoreAllMocks();
    }
  });

  it('marks the document read-only when the server says so', async () => {
    const { socket, provider } = setUp();
    socket.connect();
    await settle();
    socket.fire('doc:read-only', { documentId: ref.documentId });
    expect(provider.isReadOnly).toBe(true);
    provider.destroy();
  });

  it('never resends an update refused for good: it starts over from the server’s copy and keeps what was typed after it', async () => {
    const { socket, provider, doc: original, errors } = setUp('hello');
    socket.connect();
    await settle();
    socket.updateMode = { code: 'CONFLICT', hold: true };
    original.getText('content').insert(5, ' PASTE');
    await Promise.resolve();
    const refusedId = socket.sentUpdateIds.at(-1)!;
    // Typed while the refusal is on its way, right after the refused text: the server stores it but can never
    // place it (it follows the refused update), so it must be typed again.
    socket.updateMode = 'ack';
    original.getText('content').insert(11, ' typed');
    await settle();
    socket.held.shift()!();
    await settle();

    expect(errors).toEqual(['CONFLICT']);
    expect(provider.refusal?.message).toMatch(/not saved/);
    expect(provider.doc).not.toBe(original);
    expect(provider.doc.getText('content').toString()).toBe('hello typed');
    expect(socket.serverDoc.getText('content').toString()).toBe('hello typed');
    expect(provider.unsyncedCount).toBe(0);

    // Editing goes on in the new copy, and a reconnect sends nothing of the old one again.
    provider.doc.getText('content').insert(11, '!');
    socket.disconnect();
    socket.connect();
    await settle();
    expect(socket.serverDoc.getText('content').toString()).toBe('hello typed!');
    expect(socket.sentUpdateIds.filter((id) => id === refusedId)).toHaveLength(1);
  });

  it('sends a paste alone, so a refusal of it takes out none of the keystrokes typed with it', async () => {
    const { socket, provider, doc: original } = setUp('ab');
    socket.connect();
    await settle();
    const text = original.getText('content');
    // Within one flush window: a keystroke, a paste, a keystroke.
    text.insert(2, 'c');
    await Promise.resolve();
    text.insert(3, 'd');
    text.insert(4, 'P'.repeat(5_000));
    text.insert(5_004, 'e');
    socket.refuseLargerThan = 1_000;
    const payloadsBefore = socket.updatePayloads.length;
    await settle();
    await settle();
    expect(socket.updatePayloads.length - payloadsBefore).toBeGreaterThanOrEqual(3);
    expect(provider.doc.getText('content').toString()).toBe('abcde');
    expect(socket.serverDoc.getText('content').toString()).toBe('abcde');
  });

  it('puts back what a refused update deleted, since the server still has it', async () => {
    const { socket, provider, doc: original } = setUp('keep this');
    socket.connect();
    await settle();
    socket.updateMode = { code: 'INVALID_INPUT' };
    const text = original.getText('content');
    original.transact(() => {
      text.delete(0, 4);
      text.insert(0, 'REPLACED');
    });
    await settle();
    socket.updateMode = 'ack';
    await settle();
    expect(provider.doc.getText('content').toString()).toBe('keep this');
    expect(socket.serverDoc.getText('content').toString()).toBe('keep this');
  });

  it('refuses to send an update over the server’s limit, says so in KB, and goes on from the server’s copy', async () => {
    const { socket, provider, doc: original } = setUp('start');
    socket.limits = { maxUpdateBytes: 4_096, maxDocumentBytes: 16_384, documentBytes: 100 };
    socket.connect();
    await settle();
    expect(provider.checkInsert(3_000)).toBeNull();
    expect(provider.checkInsert(5_000)).toMatch(/at most 3 KB in one paste, and this was 5 KB/);
    expect(provider.checkInsert(15_000)).toMatch(/at most 3 KB/);
    socket.limits.documentBytes = 15_000;
    socket.disconnect();
    socket.connect();
    await settle();
    expect(provider.checkInsert(1_000)).toMatch(/document is full: it can hold at most 16 KB/);

    original.getText('content').insert(5, 'x'.repeat(5_000));
    await settle();
    expect(socket.sentUpdateIds).toHaveLength(0);
    expect(provider.refusal?.message).toMatch(/at most 3 KB/);
    expect(provider.doc.getText('content').toString()).toBe('start');
    provider.doc.getText('content').insert(5, ' again');
    await settle();
    expect(socket.serverDoc.getText('content').toString()).toBe('start again');
  });

  it('re-types more than one message can hold in several updates, each within the limit, so none of it is lost', async () => {
    const { socket, provider, doc: original } = setUp('start');
    socket.limits = { maxUpdateBytes: 4_096, maxDocumentBytes: 1 << 20, documentBytes: 100 };
    socket.refuseLargerThan = 4_096;
    socket.connect();
    await settle();
    socket.updateMode = { code: 'CONFLICT', hold: true };
    const text = original.getText('content');
    text.insert(5, ' PASTE');
    await Promise.resolve();
    // Typed in small steps while the refusal is on its way: each step fits a message, but what has to be re-typed
    // once the refusal arrives (9,000 characters, some of them 3 bytes long) is more than one message may carry.
    socket.updateMode = 'ack';
    const typed = Array.from({ length: 900 }, (_, index) => (index % 10 === 0 ? '€€€€€€€€€\n' : 'abcdefghi ')).join('');
    for (let index = 0; index < typed.length; index += 100) text.insert(text.length, typed.slice(index, index + 100));
    await settle();
    socket.held.shift()!();
    await settle();
    await settle();

    expect(provider.doc.getText('content').toString()).toBe(`start${typed}`);
    expect(socket.serverDoc.getText('content').toString()).toBe(`start${typed}`);
    expect(provider.unsyncedCount).toBe(0);
    expect(socket.updatePayloads.every((payload) => decodeUpdate(payload.update as string).byteLength <= 4_096)).toBe(true);
  });

  it('sends only its own cursor, never a peer’s that timed out here', async () => {
    const { socket, provider } = setUp();
    socket.connect();
    await settle();
    const peer = new Awareness(new Y.Doc());
    peer.setLocalState({ user: 'Peer' });
    socket.fire('awareness:updated', { documentId: ref.documentId, update: encodeUpdate(encodeAwarenessUpdate(peer, [peer.clientID])) });
    const emittedBefore = socket.emitted.length;
    removeAwarenessStates(provider.awareness, [peer.clientID], 'timeout');
    await settle();
    expect(socket.emitted.slice(emittedBefore)).not.toContain('awareness:update');
  });
});
