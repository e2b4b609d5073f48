import { simpleDiffString } from 'lib0/diff';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { CONTENT_TEXT_NAME } from '@/lib/documents/document-text';
import type { DocumentJoined, DocumentLimits, DocumentRef } from '@/lib/realtime/socket-events';
import { decodeUpdate, encodeUpdate } from '@/lib/realtime/update-encoding';
import { editRefusal, maxInsertBytes, splitByUtf8Bytes, tooLargeMessage, UPDATE_FRAMING_BYTES } from './edit-limits';
import { sendCommand, type RoomSocket } from './socket-request';
import { textWithoutRefused } from './text-without-refused';

// Binds one Y.Doc and its awareness to one document over the room's socket (no React here).
//
// Durability: every local update stays in `pending`, under a client-chosen id, until the server acks it as
// stored. After a reconnect each pending update is resent with the SAME id, which the server stores once, so a
// lost ack can never duplicate or drop an edit. Nothing is persisted in the browser: a reload loses edits that
// were never acked, which is why the page warns before unloading while any are pending.
//
// Refusals: a transient one (RATE_LIMITED, UNAVAILABLE, no answer) keeps the update and resends it with backoff. A
// permanent one (the update itself was refused: too large, document full, invalid, read-only) is never resent,
// and the update cannot be taken back out of a Y.Doc; worse, every later update of this Y.Doc's client follows it
// and the server could never place them. So the provider starts over: it fetches the server's copy into a fresh
// Y.Doc (a new client id) and re-types there, as a text diff, what the person's copy holds minus the refused
// update. The editor rebinds to `doc` when it changes. An update over the server's size limit is refused here,
// before it is sent, the same way.

export interface ProviderError {
  code: string;
  message: string;
}

export interface SocketYjsProviderOptions {
  /** A command was refused or went unanswered; the editor shows it. */
  onError?: (error: ProviderError) => void;
  /** The server acknowledged this local update as stored (the benchmark times durability with it). */
  onSaved?: (update: Uint8Array) => void;
  /** Where the person's caret is in `doc` (an index), to keep it in the same place when the document starts over. */
  caret?: () => number;
  /**
   * For documents that are not text (the board): carries the person's changes from the dropped Y.Doc (which has
   * the server's copy applied) into `fresh`, leaving out what the `refused` updates wrote. Text is re-typed.
   */
  carryOver?: (oldDoc: Y.Doc, fresh: Y.Doc, refused: readonly Uint8Array[]) => void;
}

// These answers mean "never": the update is dropped. Anything else (RATE_LIMITED, UNAVAILABLE, INTERNAL, no
// answer) is kept and sent again.
const NON_RETRYABLE = new Set(['FORBIDDEN', 'INVALID_INPUT', 'NOT_FOUND', 'UNAUTHENTICATED', 'CONFLICT']);
// Of those, the ones that refuse the update itself: the document goes on without it (see above). NOT_FOUND and
// UNAUTHENTICATED refuse the person or the document, where starting over would be refused too.
const REFUSES_THE_UPDATE = new Set(['FORBIDDEN', 'INVALID_INPUT', 'CONFLICT']);

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

/** 8–64 chars of [A-Za-z0-9_-], as the server requires. */
function newClientUpdateId(): string {
  return crypto.randomUUID().replaceAll('-', '');
}

export class SocketYjsProvider {
  private currentDoc: Y.Doc;
  private currentAwareness: Awareness;
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
  private lastRefusal: ProviderError | null = null;
  /** What the server said it takes, from the latest join. */
  private serverLimits: DocumentLimits | null = null;
  /** The document's size as the server counts it: its figure at join, plus every update sent or received since. */
  private knownBytes = 0;
  /** Updates refused for good, to leave out when the document starts over from the server's copy. */
  private refused: Uint8Array[] = [];
  /** Bumped when the document starts over: answers about updates of the replaced Y.Doc are ignored. */
  private docEpoch = 0;
  private joinCount = 0;
  private caretAfterStartOver: number | null = null;

  constructor(
    private readonly socket: RoomSocket,
    private readonly originalDoc: Y.Doc,
    private readonly ref: DocumentRef,
    private readonly options: SocketYjsProviderOptions = {},
  ) {
    this.currentDoc = originalDoc;
    this.currentAwareness = new Awareness(originalDoc);
    originalDoc.on('update', this.onLocalUpdate);
    this.currentAwareness.on('update', this.onAwarenessChange);
    socket.on('connect', this.onConnect);
    socket.on('disconnect', this.onDisconnect);
    socket.on('doc:updated', this.onRemoteUpdate);
    socket.on('doc:read-only', this.onReadOnly);
    socket.on('awareness:updated', this.onRemoteAwareness);
    if (socket.connected) void this.join();
  }

  /** The shared document. It is replaced (the editor rebinds) when the server refuses an update for good. */
  get doc(): Y.Doc {
    return this.currentDoc;
  }

  get awareness(): Awareness {
    return this.currentAwareness;
  }

  /** The caret's place in `doc` after the latest start over (see options.caret), for the editor's new view. */
  get startOverCaret(): number | null {
    return this.caretAfterStartOver;
  }

  /** An edit the server refused for good (or that was too large to send), until dismissed or replaced by another. */
  get refusal(): ProviderError | null {
    return this.lastRefusal;
  }

  dismissRefusal(): void {
    this.lastRefusal = null;
    this.notify();
  }

  /**
   * Why adding `insertedBytes` of text would be refused by the server (too large at once, or the document full),
   * as a message for the person; null when it fits or the limits are not known yet. The editor asks before it
   * applies a paste or keystroke.
   */
  checkInsert(insertedBytes: number): string | null {
    return this.serverLimits ? editRefusal(this.serverLimits, this.knownBytes, insertedBytes) : null;
  }

  /** Local edits the server has not yet confirmed as stored. */
  get unsyncedCount(): number {
    // While starting over, what was typed since the refusal is held only in the text about to be re-typed.
    return this.pending.size + this.unsentLocal.length + (this.refused.length > 0 ? 1 : 0);
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

  /** Called whenever unsyncedCount, isReadOnly, isSynced, error, refusal or doc change; returns the unsubscribe. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  destroy(): void {
    if (this.isDestroyed) return;
    this.isDestroyed = true;
    for (const timer of [this.docTimer, this.awarenessTimer, this.retryTimer]) if (timer) clearTimeout(timer);
    this.currentDoc.off('update', this.onLocalUpdate);
    this.currentAwareness.off('update', this.onAwarenessChange);
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
    // A document this provider started over with is its own; the one it was given is its creator's.
    if (this.currentDoc !== this.originalDoc) this.currentDoc.destroy();
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
    const joinCount = ++this.joinCount;
    // Starting over needs the server's whole copy, not only what this Y.Doc lacks.
    const isStartingOver = this.refused.length > 0;
    const stateVector = isStartingOver ? {} : { stateVector: encodeUpdate(Y.encodeStateVector(this.doc)) };
    const ack = await sendCommand(this.socket, 'doc:join', { ...this.ref, ...stateVector });
    if (this.isDestroyed || epoch !== this.connectionEpoch || joinCount !== this.joinCount) return;
    if (!ack.ok) {
      this.fail({ code: ack.code, message: `Could not open the document: ${ack.message}` });
      return;
    }
    // A document never becomes writable again (its round or session ended), whatever a join raced with.
    this.readOnly = this.readOnly || ack.data.isReadOnly;
    this.serverLimits = ack.data.limits;
    this.knownBytes = ack.data.limits.documentBytes;
    if (isStartingOver) this.startOver(ack.data);
    else Y.applyUpdate(this.doc, decodeUpdate(ack.data.update), this);
    if (ack.data.awareness) applyAwarenessUpdate(this.awareness, decodeUpdate(ack.data.awareness), this);
    this.isJoined = true;
    this.synced = true;
    this.lastError = null;

    // Everything still unconfirmed goes again under its own id; the server stores each id once.
    this.flushLocal();
    for (const clientUpdateId of this.pending.keys()) void this.send(clientUpdateId);
    // A safety net for edits no pending entry holds (normally none: every local edit is pending until stored).
    if (this.pending.size === 0 && this.refused.length === 0) {
      const missing = Y.encodeStateAsUpdate(this.doc, decodeUpdate(ack.data.stateVector));
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

  /**
   * Merges the burst of local updates into pending entries (as few as fit the server's message limit) and sends
   * them. An update that alone exceeds the limit is never sent: the document starts over without it.
   */
  private flushLocal(): void {
    if (this.docTimer) clearTimeout(this.docTimer);
    this.docTimer = null;
    // While starting over, this Y.Doc's edits are re-typed into the next one from its text, not sent.
    if (this.unsentLocal.length === 0 || this.refused.length > 0) return;
    this.lastDocFlushAt = performance.now();
    const maxBytes = this.serverLimits?.maxUpdateBytes ?? Infinity;
    const batches: Uint8Array[][] = [[]];
    let batchBytes = 0;
    let isBatchAPaste = false;
    for (const update of this.unsentLocal) {
      // A paste travels alone: if the server refuses it, only the paste is taken out, never the keystrokes
      // around it. Keystrokes (those typed offline too) are merged up to the server's limit.
      const isPaste = update.byteLength > UPDATE_FRAMING_BYTES;
      if (batches.at(-1)!.length > 0 && (isPaste || isBatchAPaste || batchBytes + update.byteLength > maxBytes)) {
        batches.push([]);
        batchBytes = 0;
      }
      batches.at(-1)!.push(update);
      batchBytes += update.byteLength;
      isBatchAPaste = isPaste;
    }
    this.unsentLocal = [];
    let awareness = this.takeUnsentAwareness();
    for (const batch of batches) {
      this.enqueue(batch.length === 1 ? batch[0]! : Y.mergeUpdates(batch), awareness);
      awareness = undefined;
    }
  }

  private enqueue(update: Uint8Array, awareness?: string): void {
    // Starting over: what this Y.Doc holds is re-typed into the next one from its text.
    if (this.refused.length > 0) return;
    const clientUpdateId = newClientUpdateId();
    this.pending.set(clientUpdateId, update);
    this.knownBytes += update.byteLength;
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
    const limits = this.serverLimits;
    if (limits && update.byteLength > limits.maxUpdateBytes) {
      // The server would refuse it (and the message would be its largest): stopped here, before it is sent.
      this.refuse(update, { code: 'INVALID_INPUT', message: tooLargeMessage(limits, Math.max(update.byteLength, maxInsertBytes(limits) + 1)) });
      return;
    }
    this.inFlight.add(clientUpdateId);
    const epoch = this.connectionEpoch;
    const docEpoch = this.docEpoch;
    const payload = { ...this.ref, update: encodeUpdate(update), clientUpdateId, ...(awareness ? { awareness } : {}) };
    const ack = await sendCommand(this.socket, 'doc:update', payload);
    if (this.isDestroyed || epoch !== this.connectionEpoch || docEpoch !== this.docEpoch) return;
    this.inFlight.delete(clientUpdateId);
    if (ack.ok) {
      this.pending.delete(clientUpdateId);
      this.failedResends = 0;
      this.options.onSaved?.(update);
      if (this.lastError && this.pending.size === 0) this.lastError = null;
      this.notify();
      return;
    }
    if (REFUSES_THE_UPDATE.has(ack.code)) {
      if (ack.code === 'FORBIDDEN') this.readOnly = true;
      this.refuse(update, { code: ack.code, message: refusalMessage(ack.code, ack.message, this.readOnly) });
      return;
    }
    if (NON_RETRYABLE.has(ack.code)) {
      this.pending.delete(clientUpdateId);
      this.fail({ code: ack.code, message: `An edit was not saved (${ack.message}). Reload the page to continue from the saved copy.` });
      return;
    }
    this.fail({ code: ack.code, message: `Saving is delayed: ${ack.message}` });
    this.retrySoon();
  }

  /**
   * An update refused for good: it is never sent again, and neither is anything else of this Y.Doc (its client's
   * later updates follow the refused one). The document starts over from the server's copy on the next join,
   * right away when connected, with everything not yet stored re-typed from the text.
   */
  private refuse(update: Uint8Array, refusal: ProviderError): void {
    this.refused.push(update);
    this.pending.clear();
    this.inFlight.clear();
    for (const timer of [this.docTimer, this.retryTimer]) if (timer) clearTimeout(timer);
    this.docTimer = null;
    this.retryTimer = null;
    this.failedResends = 0;
    this.docEpoch += 1;
    this.lastRefusal = refusal;
    this.options.onError?.(refusal);
    this.notify();
    if (this.isJoined) void this.join();
  }

  /**
   * Replaces the Y.Doc with the server's copy (`joined` holds all of it) and re-types there what this person's copy
   * holds beyond it, minus the refused updates. The editor rebinds on the notify that follows.
   */
  private startOver(joined: DocumentJoined): void {
    const oldDoc = this.currentDoc;
    const oldAwareness = this.currentAwareness;
    const fresh = new Y.Doc();
    const serverCopy = decodeUpdate(joined.update);
    Y.applyUpdate(fresh, serverCopy, this);
    if (this.options.carryOver) {
      Y.applyUpdate(oldDoc, serverCopy, this);
      const refused = this.refused;
      this.replaceDoc(oldDoc, oldAwareness, fresh);
      // Read-only: nothing can be saved any more, so the server's copy is all there is.
      if (!this.readOnly) this.options.carryOver(oldDoc, fresh, refused);
      this.notify();
      if (oldDoc !== this.originalDoc) oldDoc.destroy();
      return;
    }
    const oldText = oldDoc.getText(CONTENT_TEXT_NAME);
    const caretBefore = Y.createRelativePositionFromTypeIndex(oldText, this.options.caret?.() ?? 0);
    // This copy may lack edits the server holds (another node's relay still on its way): it takes them first, so
    // the diff below carries only this person's own changes and never removes text they had not seen yet.
    Y.applyUpdate(oldDoc, serverCopy, this);
    const caret = Y.createAbsolutePositionFromRelativePosition(caretBefore, oldDoc)?.index ?? 0;
    const intended = textWithoutRefused(oldText, this.refused, fresh.getText(CONTENT_TEXT_NAME), caret);
    this.replaceDoc(oldDoc, oldAwareness, fresh);
    const text = fresh.getText(CONTENT_TEXT_NAME);
    // Read-only: nothing can be saved any more, so the server's copy is all there is.
    this.caretAfterStartOver = this.readOnly ? Math.min(caret, text.length) : intended.caret;
    if (!this.readOnly) {
      const change = simpleDiffString(text.toString(), intended.text);
      if (change.remove > 0) text.delete(change.index, change.remove);
      // What was typed since the refusal may be more than one message carries (much typed offline): each piece
      // is a transaction, so an update, of its own that fits, or it would be refused here and started over again.
      const maxPieceBytes = this.serverLimits ? maxInsertBytes(this.serverLimits) : Infinity;
      let index = change.index;
      for (const piece of splitByUtf8Bytes(change.insert, maxPieceBytes)) {
        text.insert(index, piece);
        index += piece.length;
      }
    }
    this.notify();
    if (oldDoc !== this.originalDoc) oldDoc.destroy();
  }

  /** Drops the refused state and makes `fresh` (with a new awareness, the person's state carried over) the document. */
  private replaceDoc(oldDoc: Y.Doc, oldAwareness: Awareness, fresh: Y.Doc): void {
    this.refused = [];
    this.unsentLocal = [];
    this.unsentAwareness.clear();
    this.docEpoch += 1;

    oldDoc.off('update', this.onLocalUpdate);
    oldAwareness.off('update', this.onAwarenessChange);
    const localState = oldAwareness.getLocalState();
    if (localState !== null && this.socket.connected) {
      // The old client id's cursor goes away for the others; the new one is announced below.
      oldAwareness.setLocalState(null);
      this.socket.emit('awareness:update', { ...this.ref, update: encodeUpdate(encodeAwarenessUpdate(oldAwareness, [oldDoc.clientID])) });
    }
    oldAwareness.destroy();

    this.currentDoc = fresh;
    this.currentAwareness = new Awareness(fresh);
    fresh.on('update', this.onLocalUpdate);
    this.currentAwareness.on('update', this.onAwarenessChange);
    if (localState !== null) {
      // The cursor's position points into the old Y.Doc; the editor sets a new one when it rebinds.
      const { cursor: _cursor, ...rest } = localState as Record<string, unknown>;
      this.currentAwareness.setLocalState(rest);
    }
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
    const update = decodeUpdate(payload.update);
    this.knownBytes += update.byteLength;
    Y.applyUpdate(this.doc, update, this);
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
    // Only this client's own state goes out: the server refuses an update that speaks for another client's id
    // (as this awareness's timeout of a silent peer would).
    for (const clientId of [...added, ...updated, ...removed]) if (clientId === this.doc.clientID) this.unsentAwareness.add(clientId);
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

/** What the person is told when the server refused an edit for good; the editor goes on without it. */
function refusalMessage(code: string, serverMessage: string, isReadOnly: boolean): string {
  if (isReadOnly) return `Your last edit was not saved: ${serverMessage}`;
  const reason = code === 'CONFLICT' ? serverMessage : `the server refused it (${serverMessage})`;
  return `An edit was not saved: ${reason} It was taken out of the editor; everything else you typed is kept and saved.`;
}
