import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { DocumentRef } from '@/lib/realtime/socket-events';
import { decodeUpdate, encodeUpdate } from '@/lib/realtime/update-encoding';
import { sendCommand, type RoomSocket } from './socket-request';

// Binds one Y.Doc and its awareness to one document over the room's socket (no React here).
//
// Durability: every local update stays in `pending`, under a client-chosen id, until the server acks it as
// stored. After a reconnect each pending update is resent with the SAME id, which the server stores once, so a
// lost ack can never duplicate or drop an edit. Nothing is persisted in the browser: a reload loses edits that
// were never acked, which is why the page warns before unloading while any are pending.

export interface ProviderError {
  code: string;
  message: string;
}

export interface SocketYjsProviderOptions {
  /** A command was refused or went unanswered; the editor shows it. */
  onError?: (error: ProviderError) => void;
  /** The server acknowledged this local update as stored (the benchmark times durability with it). */
  onSaved?: (update: Uint8Array) => void;
}

// These answers mean "never": the update is dropped. Anything else (RATE_LIMITED, UNAVAILABLE, INTERNAL, no
// answer) is kept and sent again.
const NON_RETRYABLE = new Set(['FORBIDDEN', 'INVALID_INPUT', 'NOT_FOUND', 'UNAUTHENTICATED', 'CONFLICT']);

// A keystroke after a pause goes out at once (a peer sees it without delay); keystrokes that follow within the
// window are merged into one message at its end, which keeps a fast typist or a paste well inside the server's
// per-socket event budget. Cursor moves are throttled the same way. "At once" is at the end of the current task:
// an editor moves the cursor right after the edit, and the cursor then rides in the edit's message (one message
// per keystroke instead of two, for the server and for every peer).
const DOC_FLUSH_MS = 40;
const AWARENESS_FLUSH_MS = 100;
// Resends back off (with jitter) while the server keeps refusing or not answering: a server that is overloaded
// gets fewer resends, not a synchronized wave of them, and recovers instead of drowning.
const RETRY_MS = 2_000;
const RETRY_MAX_MS = 30_000;

/** An empty Yjs update (no structs, empty delete set) encodes as exactly these two bytes. */
const EMPTY_UPDATE_BYTES = 2;

function toBytes(data: Uint8Array | ArrayBuffer): Uint8Array {
  return data instanceof Uint8Array ? data : new Uint8Array(data);
}

/** 8–64 chars of [A-Za-z0-9_-], as the server requires. */
function newClientUpdateId(): string {
  return crypto.randomUUID().replaceAll('-', '');
}

export class SocketYjsProvider {
  readonly awareness: Awareness;
  private readonly pending = new Map<string, Uint8Array>();
  private readonly inFlight = new Set<string>();
  private readonly listeners = new Set<() => void>();
  private unsentLocal: Uint8Array[] = [];
  private unsentAwareness = new Set<number>();
  private docTimer: ReturnType<typeof setTimeout> | null = null;
  private awarenessTimer: ReturnType<typeof setTimeout> | null = null;
  private lastDocFlushAt = -Infinity;
  private lastAwarenessFlushAt = -Infinity;
  private isFlushQueued = false;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private failedResends = 0;
  /** Joined on the current connection: only then does the server accept updates for this document. */
  private isJoined = false;
  /** Bumped on every disconnect: an answer to a request from an earlier connection is ignored (the resend owns it). */
  private connectionEpoch = 0;
  private isDestroyed = false;
  private readOnly = false;
  private synced = false;
  private lastError: ProviderError | null = null;

  constructor(
    private readonly socket: RoomSocket,
    readonly doc: Y.Doc,
    private readonly ref: DocumentRef,
    private readonly options: SocketYjsProviderOptions = {},
  ) {
    this.awareness = new Awareness(doc);
    doc.on('update', this.onLocalUpdate);
    this.awareness.on('update', this.onAwarenessChange);
    socket.on('connect', this.onConnect);
    socket.on('disconnect', this.onDisconnect);
    socket.on('doc:updated', this.onRemoteUpdate);
    socket.on('doc:read-only', this.onReadOnly);
    socket.on('awareness:updated', this.onRemoteAwareness);
    if (socket.connected) void this.join();
  }

  /** Local edits the server has not yet confirmed as stored. */
  get unsyncedCount(): number {
    return this.pending.size + this.unsentLocal.length;
  }

  get isReadOnly(): boolean {
    return this.readOnly;
  }

  /** The first join has delivered the server's copy of the document. */
  get isSynced(): boolean {
    return this.synced;
  }

  get error(): ProviderError | null {
    return this.lastError;
  }

  /** Called whenever unsyncedCount, isReadOnly, isSynced or error change; returns the unsubscribe. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  destroy(): void {
    if (this.isDestroyed) return;
    this.isDestroyed = true;
    for (const timer of [this.docTimer, this.awarenessTimer, this.retryTimer]) if (timer) clearTimeout(timer);
    this.doc.off('update', this.onLocalUpdate);
    this.awareness.off('update', this.onAwarenessChange);
    this.socket.off('connect', this.onConnect);
    this.socket.off('disconnect', this.onDisconnect);
    this.socket.off('doc:updated', this.onRemoteUpdate);
    this.socket.off('doc:read-only', this.onReadOnly);
    this.socket.off('awareness:updated', this.onRemoteAwareness);
    if (this.isJoined && this.socket.connected) {
      // Tell the others our cursor is gone now rather than after their 30-second awareness timeout.
      this.awareness.setLocalState(null);
      this.socket.emit('awareness:update', { ...this.ref, update: encodeUpdate(encodeAwarenessUpdate(this.awareness, [this.doc.clientID])) });
      this.socket.emit('doc:leave', this.ref, () => {});
    }
    this.awareness.destroy();
    this.listeners.clear();
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }

  private fail(error: ProviderError): void {
    this.lastError = error;
    this.options.onError?.(error);
    this.notify();
  }

  private readonly onConnect = (): void => {
    void this.join();
  };

  private readonly onDisconnect = (): void => {
    this.isJoined = false;
    this.connectionEpoch += 1;
    this.inFlight.clear();
    // Nobody's cursor can be trusted while we cannot hear about changes; the join brings them back.
    const remote = [...this.awareness.getStates().keys()].filter((clientId) => clientId !== this.doc.clientID);
    removeAwarenessStates(this.awareness, remote, this);
    this.notify();
  };

  private async join(): Promise<void> {
    const epoch = this.connectionEpoch;
    const ack = await sendCommand(this.socket, 'doc:join', { ...this.ref, stateVector: Y.encodeStateVector(this.doc) });
    if (this.isDestroyed || epoch !== this.connectionEpoch) return;
    if (!ack.ok) {
      this.fail({ code: ack.code, message: `Could not open the document: ${ack.message}` });
      return;
    }
    Y.applyUpdate(this.doc, toBytes(ack.data.update), this);
    this.readOnly = ack.data.isReadOnly;
    if (ack.data.awareness) applyAwarenessUpdate(this.awareness, toBytes(ack.data.awareness), this);
    this.isJoined = true;
    this.synced = true;
    this.lastError = null;

    // Everything still unconfirmed goes again under its own id; the server stores each id once.
    this.flushLocal();
    for (const clientUpdateId of this.pending.keys()) void this.send(clientUpdateId);
    // A safety net for edits no pending entry holds (normally none: every local edit is pending until stored).
    if (this.pending.size === 0) {
      const missing = Y.encodeStateAsUpdate(this.doc, toBytes(ack.data.stateVector));
      if (missing.byteLength > EMPTY_UPDATE_BYTES) this.enqueue(missing);
    }
    if (this.awareness.getLocalState() !== null) {
      this.unsentAwareness.add(this.doc.clientID);
      this.flushAwareness();
    }
    this.notify();
  }

  private readonly onLocalUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === this) return;
    this.unsentLocal.push(update);
    this.queueFlush();
    this.notify();
  };

  private queueFlush(): void {
    if (this.isFlushQueued) return;
    this.isFlushQueued = true;
    queueMicrotask(() => {
      this.isFlushQueued = false;
      if (this.isDestroyed) return;
      const now = performance.now();
      if (this.unsentLocal.length > 0 && !this.docTimer) {
        const wait = this.lastDocFlushAt + DOC_FLUSH_MS - now;
        if (wait <= 0) this.flushLocal();
        else this.docTimer = setTimeout(() => this.flushLocal(), wait);
      }
      if (this.unsentAwareness.size > 0 && !this.awarenessTimer) {
        const wait = this.lastAwarenessFlushAt + AWARENESS_FLUSH_MS - now;
        if (wait <= 0) this.flushAwareness();
        else this.awarenessTimer = setTimeout(() => this.flushAwareness(), wait);
      }
    });
  }

  /** Merges the burst of local updates into one pending entry and sends it. */
  private flushLocal(): void {
    if (this.docTimer) clearTimeout(this.docTimer);
    this.docTimer = null;
    if (this.unsentLocal.length === 0) return;
    this.lastDocFlushAt = performance.now();
    const merged = this.unsentLocal.length === 1 ? this.unsentLocal[0]! : Y.mergeUpdates(this.unsentLocal);
    this.unsentLocal = [];
    this.enqueue(merged, this.takeUnsentAwareness());
  }

  private enqueue(update: Uint8Array, awareness?: string): void {
    const clientUpdateId = newClientUpdateId();
    this.pending.set(clientUpdateId, update);
    this.notify();
    void this.send(clientUpdateId, awareness);
  }

  /** The cursor changes not yet sent, encoded to ride in a message that is going anyway (only while joined). */
  private takeUnsentAwareness(): string | undefined {
    if (!this.isJoined || this.unsentAwareness.size === 0) return undefined;
    if (this.awarenessTimer) clearTimeout(this.awarenessTimer);
    this.awarenessTimer = null;
    const changed = [...this.unsentAwareness];
    this.unsentAwareness.clear();
    this.lastAwarenessFlushAt = performance.now();
    return encodeUpdate(encodeAwarenessUpdate(this.awareness, changed));
  }

  /** Sends a pending update; `awareness` rides along on its first send only (a resend's cursor would be stale). */
  private async send(clientUpdateId: string, awareness?: string): Promise<void> {
    const update = this.pending.get(clientUpdateId);
    if (!update || !this.isJoined || this.inFlight.has(clientUpdateId)) return;
    this.inFlight.add(clientUpdateId);
    const epoch = this.connectionEpoch;
    const payload = { ...this.ref, update: encodeUpdate(update), clientUpdateId, ...(awareness ? { awareness } : {}) };
    const ack = await sendCommand(this.socket, 'doc:update', payload);
    if (this.isDestroyed || epoch !== this.connectionEpoch) return;
    this.inFlight.delete(clientUpdateId);
    if (ack.ok) {
      this.pending.delete(clientUpdateId);
      this.failedResends = 0;
      this.options.onSaved?.(update);
      if (this.lastError && this.pending.size === 0) this.lastError = null;
      this.notify();
      return;
    }
    if (NON_RETRYABLE.has(ack.code)) {
      this.pending.delete(clientUpdateId);
      if (ack.code === 'FORBIDDEN') this.readOnly = true;
      // Later local updates build on the dropped one, so the server could not place them either: start over
      // from the saved copy rather than type into a document nobody else will see.
      this.fail({ code: ack.code, message: `An edit was not saved (${ack.message}). Reload the page to continue from the saved copy.` });
      return;
    }
    this.fail({ code: ack.code, message: `Saving is delayed: ${ack.message}` });
    this.retrySoon();
  }

  private retrySoon(): void {
    if (this.retryTimer) return;
    const delayMs = Math.min(RETRY_MAX_MS, RETRY_MS * 2 ** this.failedResends) * (0.5 + Math.random());
    this.failedResends += 1;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      for (const clientUpdateId of this.pending.keys()) void this.send(clientUpdateId);
    }, delayMs);
  }

  private readonly onRemoteUpdate = (payload: { documentId: string; update: string; awareness?: string }): void => {
    if (payload.documentId !== this.ref.documentId) return;
    Y.applyUpdate(this.doc, decodeUpdate(payload.update), this);
    if (payload.awareness) applyAwarenessUpdate(this.awareness, decodeUpdate(payload.awareness), this);
  };

  private readonly onReadOnly = (payload: { documentId: string }): void => {
    if (payload.documentId !== this.ref.documentId) return;
    this.readOnly = true;
    this.notify();
  };

  private readonly onAwarenessChange = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    if (origin === this) return;
    for (const clientId of [...added, ...updated, ...removed]) this.unsentAwareness.add(clientId);
    this.queueFlush();
  };

  private flushAwareness(): void {
    if (this.awarenessTimer) clearTimeout(this.awarenessTimer);
    this.awarenessTimer = null;
    // Cursors are ephemeral: while offline there is nothing worth queueing; the join announces the latest.
    const update = this.takeUnsentAwareness();
    if (update) this.socket.emit('awareness:update', { ...this.ref, update });
  }

  private readonly onRemoteAwareness = (payload: { documentId: string; update: string }): void => {
    if (payload.documentId !== this.ref.documentId) return;
    applyAwarenessUpdate(this.awareness, decodeUpdate(payload.update), this);
  };
}
