import * as Y from 'yjs';
import { SocketYjsProvider } from '@/components/room/socket-yjs-provider';
import type { RoomSocket } from '@/components/room/socket-request';
import { expect } from 'vitest';
import type { Db } from '@/lib/db';
import { loadStoredDocument } from '@/lib/documents/document-store';
import { storedDocumentText } from '@/lib/documents/document-text';
import type { DocumentRef } from '@/lib/realtime/socket-events';
import { carryOverElements, readStoredScene, storeElements } from '@/lib/boards/board-scene';
import { storedBoardScene } from '@/lib/boards/stored-board-scene';
import { createSessionWithCandidate } from '../factories/session-factory';
import type { HttpSession } from './http-session';

// A browser tab's editor without the browser: the room's own SocketYjsProvider (the code the page runs) on a
// real socket.io client that reconnects by itself. It types numbered tokens and records, per clientUpdateId,
// what it sent and which the server acknowledged, so a test can count that every acknowledged update was stored.
// On a board (issue 23) the same client draws instead: each token is a settled shape, stored as the board's
// binding stores one (lib/boards/board-scene.ts), and its "text" is the ids of the shapes on the board.

/** Which document a typing pair works in: the round's editor, or its board. */
export type TypedDocumentKind = 'ROUND_EDITOR' | 'BOARD';

export class TypingClient {
  readonly provider: SocketYjsProvider;
  /** Every token this client typed, in order (each is unique in the document). */
  readonly typed: string[] = [];
  readonly sentIds = new Set<string>();
  readonly ackedIds = new Set<string>();
  /** Acks that refused an update, by code (UNAVAILABLE from a timed-out ack, RATE_LIMITED ...). */
  readonly refusals = new Map<string, number>();
  reconnects = 0;
  /** Called right after a doc:update has gone out, before its ack (a test can pull the plug there). */
  onSent?: (clientUpdateId: string) => void;
  private typingTimer: ReturnType<typeof setInterval> | null = null;

  private constructor(
    readonly label: string,
    readonly socket: RoomSocket,
    readonly ref: DocumentRef,
    readonly kind: TypedDocumentKind,
  ) {
    observeUpdateAcks(socket, this);
    socket.io.on('reconnect', () => (this.reconnects += 1));
    this.provider = new SocketYjsProvider(socket, new Y.Doc(), ref, kind === 'BOARD' ? { carryOver: carryOverElements } : {});
  }

  /** The provider's document (it starts over with a new one when the server refuses an update for good). */
  get doc(): Y.Doc {
    return this.provider.doc;
  }

  /** Connects, opens the document through the provider and resolves once it holds the server's copy. */
  static async open(label: string, session: HttpSession, ref: DocumentRef, kind: TypedDocumentKind = 'ROUND_EDITOR'): Promise<TypingClient> {
    const socket = session.connectSocket({ reconnect: true }) as RoomSocket;
    const client = new TypingClient(label, socket, ref, kind);
    await client.until(() => client.provider.isSynced, 'the first sync');
    return client;
  }

  get text(): string {
    return this.kind === 'BOARD' ? sceneText(readStoredScene(this.doc)) : this.doc.getText('content').toString();
  }

  /** Types one new token at the end of the document, as a keystroke burst would (on a board: draws a shape). */
  typeToken(): string {
    const token = `[${this.label}:${this.typed.length}]`;
    if (this.kind === 'BOARD') {
      const x = this.typed.length * 10;
      storeElements(this.doc, [{ id: token, type: 'rectangle', version: 3, versionNonce: this.typed.length + 1, index: `a${token}`, x, y: 0, width: 40, height: 20 }]);
      this.typed.push(token);
      return token;
    }
    const text = this.doc.getText('content');
    text.insert(text.length, token);
    this.typed.push(token);
    return token;
  }

  /** Types a token every `everyMs` until stopTyping(). */
  startTyping(everyMs: number): void {
    this.typingTimer ??= setInterval(() => this.typeToken(), everyMs);
  }

  stopTyping(): void {
    if (this.typingTimer) clearInterval(this.typingTimer);
    this.typingTimer = null;
  }

  /** Resolves when every local edit has been acknowledged as stored. */
  synced(timeoutMs = 30_000): Promise<void> {
    return this.until(() => this.provider.isSynced && this.provider.unsyncedCount === 0, 'every edit acknowledged', timeoutMs);
  }

  /** Resolves when `check` passes, re-checked on every provider change and document update (no sleeps). */
  until(check: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
    return untilAny([this], check, what, timeoutMs);
  }

  /** Calls `onChange` on every provider change and update of the current document; returns the unsubscribe. */
  watch(onChange: () => void): () => void {
    const doc = this.doc;
    const unsubscribe = this.provider.subscribe(onChange);
    doc.on('update', onChange);
    return () => {
      unsubscribe();
      doc.off('update', onChange);
    };
  }

  close(): void {
    this.stopTyping();
    this.provider.destroy();
    this.socket.close();
  }
}

/**
 * Wraps the socket's `emitWithAck` (the provider sends every command through `socket.timeout(ms).emitWithAck`,
 * and socket.io's `timeout()` returns the socket itself) to see each doc:update's clientUpdateId and its answer.
 * The provider itself is untouched.
 */
function observeUpdateAcks(socket: RoomSocket, client: TypingClient): void {
  const emitWithAck = socket.emitWithAck.bind(socket) as (event: string, ...args: unknown[]) => Promise<unknown>;
  const count = (code: string) => client.refusals.set(code, (client.refusals.get(code) ?? 0) + 1);
  (socket as unknown as { emitWithAck: typeof emitWithAck }).emitWithAck = async (event, ...args) => {
    const id = event === 'doc:update' ? (args[0] as { clientUpdateId: string }).clientUpdateId : undefined;
    if (id) client.sentIds.add(id);
    const answer = emitWithAck(event, ...args);
    if (id) client.onSent?.(id);
    try {
      const ack = (await answer) as { ok: boolean; code?: string };
      if (id && ack.ok) client.ackedIds.add(id);
      else if (id && ack.code) count(ack.code);
      return ack;
    } catch (error) {
      // socket.io's ack timeout: the provider turns it into UNAVAILABLE and sends the update again later.
      if (id) count('NO_ANSWER');
      throw error;
    }
  };
}

/** How many rows each clientUpdateId has in DocumentUpdate, for the given documents. */
export async function countStoredUpdateIds(db: Db, documentIds: string[]): Promise<Map<string, number>> {
  const rows = await db.documentUpdate.findMany({ where: { documentId: { in: documentIds } }, select: { clientUpdateId: true } });
  const counts = new Map<string, number>();
  for (const row of rows) if (row.clientUpdateId) counts.set(row.clientUpdateId, (counts.get(row.clientUpdateId) ?? 0) + 1);
  return counts;
}

/** A board's shapes as one comparable string: their ids in z-order. */
function sceneText(scene: { id: string }[]): string {
  return scene.map((element) => element.id).join('');
}

/**
 * Resolves when `check` passes, re-checked on a change to any of `clients` (no sleeps). A check that compares two
 * clients must watch both: each sees only its own changes, and the one that lags may be either.
 */
export function untilAny(clients: TypingClient[], check: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const stop = () => {
      clearTimeout(timer);
      for (const unwatch of unwatchers) unwatch();
    };
    const onChange = () => {
      if (!check()) return;
      stop();
      resolve();
    };
    const timer = setTimeout(() => {
      stop();
      const unsynced = clients.map((client) => `${client.label} unsynced ${client.provider.unsyncedCount}`).join(', ');
      reject(new Error(`${what} not reached within ${timeoutMs} ms (${unsynced})`));
    }, timeoutMs);
    const unwatchers = clients.map((client) => client.watch(onChange));
    onChange();
  });
}

/** Resolves when the pair's two copies hold the same text. */
export function untilConverged(pair: Pick<TypingPair, 'interviewer' | 'candidate'>, timeoutMs = 30_000): Promise<void> {
  const { interviewer, candidate } = pair;
  return untilAny([interviewer, candidate], () => interviewer.text === candidate.text, 'convergence', timeoutMs);
}

/** The document's text as the server would load it from PostgreSQL (snapshot plus the updates after it). */
async function storedText(db: Db, documentId: string, kind: TypedDocumentKind): Promise<string> {
  const stored = await loadStoredDocument(db, documentId);
  if (!stored) throw new Error(`document ${documentId} is not stored`);
  return kind === 'BOARD' ? sceneText(storedBoardScene(stored)) : storedDocumentText(stored);
}

/**
 * The fault tests' verdict: every update a client sent was acknowledged and stored exactly once, and each pair's
 * two copies and PostgreSQL hold the same text, with every token either of them typed.
 */
export async function expectNothingLost(db: Db, pairs: TypingPair[]): Promise<{ typed: number; sent: number; acked: number; stored: number }> {
  const clients = clientsOf(pairs);
  const sent = new Set(clients.flatMap((client) => [...client.sentIds]));
  const acked = new Set(clients.flatMap((client) => [...client.ackedIds]));
  const stored = await countStoredUpdateIds(db, pairs.map((pair) => pair.documentId));
  expect([...sent].filter((id) => !acked.has(id))).toEqual([]);
  expect([...sent].filter((id) => stored.get(id) !== 1)).toEqual([]);
  for (const pair of pairs) {
    await untilConverged(pair);
    const text = await storedText(db, pair.documentId, pair.interviewer.kind);
    expect(text).toBe(pair.interviewer.text);
    for (const token of [...pair.interviewer.typed, ...pair.candidate.typed]) expect(text).toContain(token);
  }
  return { typed: clients.reduce((total, client) => total + client.typed.length, 0), sent: sent.size, acked: acked.size, stored: stored.size };
}

export interface TypingPair {
  sessionId: string;
  documentId: string;
  interviewer: TypingClient;
  candidate: TypingClient;
}

/**
 * `count` sessions, each with an interviewer and a candidate who both have the first round's editor (or board)
 * open through their own reconnecting TypingClient. `signIn` turns an account into a signed-in cookie jar.
 */
export async function openTypingPairs(
  db: Db,
  count: number,
  signIn: (account: { email: string; password: string }) => Promise<HttpSession>,
  kind: TypedDocumentKind = 'ROUND_EDITOR',
): Promise<TypingPair[]> {
  const pairs: TypingPair[] = [];
  for (let index = 0; index < count; index += 1) {
    const seeded = await createSessionWithCandidate(db);
    const document = await db.document.findFirstOrThrow({ where: { sessionId: seeded.sessionId, kind }, select: { id: true } });
    const ref = { sessionId: seeded.sessionId, documentId: document.id };
    pairs.push({
      ...ref,
      interviewer: await TypingClient.open(`i${index}`, await signIn(seeded.interviewer), ref, kind),
      candidate: await TypingClient.open(`c${index}`, await signIn(seeded.candidate), ref, kind),
    });
  }
  return pairs;
}

export function clientsOf(pairs: TypingPair[]): TypingClient[] {
  return pairs.flatMap((pair) => [pair.interviewer, pair.candidate]);
}
