import { randomBytes } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import * as Y from 'yjs';
import type { Ack } from '@/lib/realtime/ack';
import type { ClientToServerEvents, ServerToClientEvents } from '@/lib/realtime/contract';
import type { DocumentJoined } from '@/lib/realtime/socket-events';
import type { HttpSession } from './http-session';
import { decodeUpdate, encodeUpdate } from '@/lib/realtime/update-encoding';

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A real socket.io client speaking the room protocol, with one Y.Doc per opened document. */
export class RoomClient {
  readonly docs = new Map<string, Y.Doc>();
  readonly received: { event: string; payload: unknown }[] = [];

  private constructor(readonly socket: ClientSocket) {
    socket.onAny((event: string, payload: unknown) => this.received.push({ event, payload }));
    socket.on('doc:updated', ({ documentId, update }) => {
      const doc = this.docs.get(documentId);
      if (doc) Y.applyUpdate(doc, decodeUpdate(update), 'remote');
    });
  }

  static async connect(session: HttpSession): Promise<RoomClient> {
    const socket = session.connectSocket() as ClientSocket;
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    return new RoomClient(socket);
  }

  /** Emits a command and resolves with its ack (rejects after 10 s: an ack that never comes is a failure). */
  request<T = unknown>(event: string, payload?: unknown): Promise<Ack<T>> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ack for ${event}`)), 10_000);
      const done = (ack: Ack<T>) => {
        clearTimeout(timer);
        resolve(ack);
      };
      const emit = this.socket.emit.bind(this.socket) as (...args: unknown[]) => void;
      if (payload === undefined) emit(event, done);
      else emit(event, payload, done);
    });
  }

  async data<T = unknown>(event: string, payload?: unknown): Promise<T> {
    const ack = await this.request<T>(event, payload);
    if (!ack.ok) throw new Error(`${event} refused: ${ack.code} ${ack.message}`);
    return ack.data;
  }

  async openDocument(sessionId: string, documentId: string): Promise<Y.Doc> {
    const doc = this.docs.get(documentId) ?? new Y.Doc();
    const joined = await this.data<DocumentJoined>('doc:join', { sessionId, documentId, stateVector: encodeUpdate(Y.encodeStateVector(doc)) });
    Y.applyUpdate(doc, decodeUpdate(joined.update), 'remote');
    this.docs.set(documentId, doc);
    return doc;
  }

  /** Inserts text locally and sends the resulting update; resolves with the (durable) ack. */
  async type(sessionId: string, documentId: string, text: string, index?: number): Promise<Ack<unknown>> {
    return this.edit(sessionId, documentId, (ytext) => ytext.insert(index ?? ytext.length, text));
  }

  /** Any local change to the document's text (inserts, deletes), sent as one update; resolves with its ack. */
  async edit(sessionId: string, documentId: string, change: (text: Y.Text) => void): Promise<Ack<unknown>> {
    const doc = this.docs.get(documentId);
    if (!doc) throw new Error('open the document first');
    const before = Y.encodeStateVector(doc);
    change(doc.getText('content'));
    const update = Y.encodeStateAsUpdate(doc, before);
    return this.request('doc:update', { sessionId, documentId, update: encodeUpdate(update), clientUpdateId: randomBytes(12).toString('hex') });
  }

  text(documentId: string): string {
    return this.docs.get(documentId)?.getText('content').toString() ?? '';
  }

  eventsOf(event: string): unknown[] {
    return this.received.filter((entry) => entry.event === event).map((entry) => entry.payload);
  }

  close(): void {
    this.socket.close();
  }
}

/** Resolves when `check` passes, re-checking on every socket event (no sleeps); fails after 10 s, naming `what`. */
export function eventually(client: RoomClient, check: () => boolean, what = 'condition'): Promise<void> {
  return new Promise((resolve, reject) => {
    if (check()) return resolve();
    const timer = setTimeout(() => {
      client.socket.offAny(listener);
      reject(new Error(`${what} not met within 10 s`));
    }, 10_000);
    const listener = () => {
      // socket.io calls catch-all listeners BEFORE the event's own listeners, so the RoomClient has not applied
      // this event yet (a doc:updated is still unmerged here). Check once every listener has run.
      setImmediate(() => {
        if (!check()) return;
        clearTimeout(timer);
        client.socket.offAny(listener);
        resolve();
      });
    };
    client.socket.onAny(listener);
  });
}
