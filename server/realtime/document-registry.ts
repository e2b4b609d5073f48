import * as decoding from 'lib0/decoding';
import { applyAwarenessUpdate, Awareness, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { PendingUpdate, StoredDocument } from '@/lib/documents/document-store';
import { assertStorableUpdate } from '@/lib/documents/assert-storable-update';
import { AppError } from '@/lib/errors';
import { GroupCommit } from './group-commit';

// The Yjs documents this process holds open, and who may write to them. Storage stays behind `DocumentStorage`
// (lib/documents) so the room logic does not know Prisma. An update is applied in memory and handed to the other
// nodes at once (through the injected `DocumentReplication`, which carries cursors the same way); its sender is
// acknowledged only when the group commit has written it to PostgreSQL.
//
// With several server processes (nodes), each holds its own copy of a document. A client's update is stored by
// the node that received it and only there; the other nodes apply it to their copies (document-replication.ts)
// so a later join on any node gets the whole state. Snapshots are folded from the database, never from memory.

const READ_ONLY = 'This round has ended; its document is read-only.';

export interface DocumentStorage {
  load(documentId: string): Promise<StoredDocument | null>;
  /** Resolves with the documents of the batch that are closed: their updates were refused, not stored. */
  append(updates: PendingUpdate[]): Promise<readonly string[]>;
  /** Folds the stored log into the stored snapshot; null when the document is gone. */
  compact(documentId: string): Promise<{ snapshotBytes: number } | null>;
}

/** What the registry tells the other nodes, and asks of them. */
export interface DocumentReplication {
  /** An update this node received from its client (and stores): the others apply it and pass it to their sockets. */
  publishUpdate(documentId: string, update: Uint8Array): void;
  /** A cursor move (or removal); right after publishUpdate for the same document it rides with that edit. */
  publishAwareness(documentId: string, update: Uint8Array): void;
  publishReadOnly(documentId: string): void;
  /** The others' in-memory states of a document: what they hold but may not have stored yet. */
  fetchStates(documentId: string): Promise<Uint8Array[]>;
}

/** A single process: nobody to tell, nobody to ask. */
export const NO_REPLICATION: DocumentReplication = {
  publishUpdate: () => {},
  publishAwareness: () => {},
  publishReadOnly: () => {},
  fetchStates: async () => [],
};

export interface DocumentRegistryOptions {
  storage: DocumentStorage;
  maxDocumentBytes: number;
  /** The other nodes; a single process has none (the default). */
  replication?: DocumentReplication;
  /** Fold the log into a snapshot after this many updates (in the background). */
  compactEvery?: number;
  log?: (line: string, error?: unknown) => void;
}

export class LiveDocument {
  readonly doc = new Y.Doc({ gc: true });
  readonly awareness: Awareness;
  /** socket id → the awareness client ids that socket has announced. */
  readonly awarenessBySocket = new Map<string, Set<number>>();
  /**
   * awareness client id → the socket on this node that announced it first: another socket may not overwrite that
   * cursor (name, position) until the owner leaves. Ids relayed from other nodes are bound by their own node.
   */
  readonly awarenessOwners = new Map<number, string>();
  readonly holders = new Set<string>();
  /** clientUpdateId → its pending write, while it is queued or being written. */
  readonly unsavedByClientUpdateId = new Map<string, Promise<boolean>>();
  updatesSinceSnapshot = 0;
  isCompacting = false;

  constructor(
    readonly id: string,
    public isReadOnly: boolean,
    public byteSize: number,
  ) {
    this.awareness = new Awareness(this.doc);
    // The server has no cursor of its own.
    this.awareness.setLocalState(null);
    // A socket applies its cursor updates with its own id as the origin (holders are socket ids): remember what it
    // announced, to remove when it leaves. Relays from other nodes ('peer') and removals ('server') are nobody's here.
    this.awareness.on('change', ({ added, updated }: { added: number[]; updated: number[] }, origin: unknown) => {
      if (typeof origin !== 'string' || !this.holders.has(origin)) return;
      let announced = this.awarenessBySocket.get(origin);
      if (!announced) this.awarenessBySocket.set(origin, (announced = new Set()));
      for (const clientId of [...added, ...updated]) {
        announced.add(clientId);
        if (!this.awarenessOwners.has(clientId)) this.awarenessOwners.set(clientId, origin);
      }
    });
  }
}

export class DocumentRegistry {
  private readonly documents = new Map<string, LiveDocument>();
  private readonly loading = new Map<string, Promise<LiveDocument>>();
  /** Work waiting for a document being loaded here (another node's update): run once the load has finished. */
  private readonly afterLoading = new Map<string, ((live: LiveDocument) => void)[]>();
  /** The other nodes (injected; NO_REPLICATION alone). */
  readonly replication: DocumentReplication;
  private readonly writer: GroupCommit<PendingUpdate>;
  private readonly compactEvery: number;

  constructor(private readonly options: DocumentRegistryOptions) {
    this.compactEvery = options.compactEvery ?? 500;
    this.replication = options.replication ?? NO_REPLICATION;
    this.writer = new GroupCommit<PendingUpdate>({
      write: async (batch) => {
        const closed = await options.storage.append(batch);
        // A round ended while these were on their way to the database: they were not stored.
        if (closed.length > 0) return new Set(batch.filter((pending) => closed.includes(pending.documentId)));
      },
      onRetry: (error, attempt, delayMs) =>
        options.log?.(`writing document updates failed (attempt ${attempt}); retrying in ${delayMs} ms`, attempt === 1 ? error : undefined),
    });
  }

  /** DOCUMENT_MAX_BYTES: the editor is told it on join, to refuse an edit that would not fit. */
  get maxDocumentBytes(): number {
    return this.options.maxDocumentBytes;
  }

  get isDegraded(): boolean {
    return this.writer.isDegraded;
  }

  get pendingWrites(): number {
    return this.writer.pendingCount;
  }

  /** Documents held in memory on this node. */
  get openCount(): number {
    return this.documents.size;
  }

  /** Loads the document on first use (concurrent openers share one load) and registers the holder. */
  async open(documentId: string, holderId: string): Promise<LiveDocument> {
    let live = this.documents.get(documentId);
    if (!live) {
      let loading = this.loading.get(documentId);
      if (!loading) {
        loading = this.load(documentId).finally(() => this.loading.delete(documentId));
        this.loading.set(documentId, loading);
      }
      live = await loading;
    }
    live.holders.add(holderId);
    return live;
  }

  find(documentId: string): LiveDocument | undefined {
    return this.documents.get(documentId);
  }

  /** Whether a load of the document is under way on this node. */
  isLoading(documentId: string): boolean {
    return this.loading.has(documentId);
  }

  /** Runs `work` on the document once its load (under way) has finished; false when it is not loading. */
  afterLoad(documentId: string, work: (live: LiveDocument) => void): boolean {
    if (!this.loading.has(documentId)) return false;
    const queued = this.afterLoading.get(documentId);
    if (queued) queued.push(work);
    else this.afterLoading.set(documentId, [work]);
    return true;
  }

  /**
   * Drops a holder; the last one out folds the log into a snapshot and unloads the document. Returns the ids of
   * the cursors the holder announced, now removed (the other nodes are told here; this node's sockets by the caller).
   */
  close(documentId: string, holderId: string): number[] {
    const live = this.documents.get(documentId);
    if (!live) return [];
    live.holders.delete(holderId);
    const awarenessIds = [...(live.awarenessBySocket.get(holderId) ?? [])];
    live.awarenessBySocket.delete(holderId);
    for (const clientId of awarenessIds) if (live.awarenessOwners.get(clientId) === holderId) live.awarenessOwners.delete(clientId);
    if (awarenessIds.length > 0) {
      removeAwarenessStates(live.awareness, awarenessIds, 'server');
      this.replication.publishAwareness(documentId, encodeAwarenessUpdate(live.awareness, awarenessIds));
    }
    if (live.holders.size === 0) void this.unload(live);
    return awarenessIds;
  }

  /**
   * Applies a client's update, and the cursor move that came with it (`awareness`, applied first, see
   * applyAwareness); both go to the other nodes, the cursor riding with its edit. `durable` resolves true once the
   * update is stored, false if the document was closed before it could be (the round ended meanwhile). A resend of
   * an update that is still being written (its ack timed out on a busy server) is not applied, relayed or queued
   * again: it shares the first send's write (`isResend`). Throws INVALID_INPUT for bytes that are not exactly one
   * Yjs update that changes something, FORBIDDEN for a read-only document, CONFLICT when the document would
   * exceed its size limit.
   */
  apply(
    live: LiveDocument,
    update: Uint8Array,
    meta: { userId: string; clientUpdateId: string; origin: string },
    awareness?: Uint8Array,
  ): { durable: Promise<boolean>; isResend: boolean } {
    if (awareness) this.applyOwnedAwareness(live, meta.origin, awareness);
    const unsaved = live.unsavedByClientUpdateId.get(meta.clientUpdateId);
    if (unsaved) return { durable: unsaved, isResend: true };
    if (live.isReadOnly) throw new AppError('FORBIDDEN', READ_ONLY);
    if (live.byteSize + update.byteLength > this.options.maxDocumentBytes) {
      throw new AppError('CONFLICT', `The document has reached its size limit (${Math.round(this.options.maxDocumentBytes / 1024)} KB).`);
    }
    // Empty updates and bytes trailing a valid one are refused here, before anything is applied or stored.
    assertStorableUpdate(update);
    try {
      Y.applyUpdate(live.doc, update, meta.origin);
    } catch {
      throw new AppError('INVALID_INPUT', 'That is not a valid document update.');
    }
    live.byteSize += update.byteLength;
    live.updatesSinceSnapshot += 1;
    this.replication.publishUpdate(live.id, update);
    if (awareness) this.replication.publishAwareness(live.id, awareness);
    // Only the receiving node stores an update: the others merely apply it (document-replication.ts).
    const durable = this.writer.enqueue({ documentId: live.id, update, userId: meta.userId, clientUpdateId: meta.clientUpdateId });
    live.unsavedByClientUpdateId.set(meta.clientUpdateId, durable);
    void durable.then((isStored) => {
      live.unsavedByClientUpdateId.delete(meta.clientUpdateId);
      // The database closed the document before this update reached it: so is this copy, from now on.
      if (!isStored) live.isReadOnly = true;
      if (live.updatesSinceSnapshot >= this.compactEvery) void this.compact(live);
    });
    return { durable, isResend: false };
  }

  /** A socket's cursor move on its own (see applyOwnedAwareness), passed to the other nodes. */
  applyAwareness(live: LiveDocument, socketId: string, update: Uint8Array): void {
    this.applyOwnedAwareness(live, socketId, update);
    this.replication.publishAwareness(live.id, update);
  }

  /**
   * Applies a socket's cursor update; the document notes which awareness ids it announced (removed when it
   * leaves). An update naming an id another socket announced first is refused whole: it would rename or move
   * their cursor.
   */
  private applyOwnedAwareness(live: LiveDocument, socketId: string, update: Uint8Array): void {
    let clientIds: number[];
    try {
      clientIds = awarenessClientIds(update);
    } catch {
      throw new AppError('INVALID_INPUT', 'That is not a valid awareness update.');
    }
    for (const clientId of clientIds) {
      const owner = live.awarenessOwners.get(clientId);
      if (owner !== undefined && owner !== socketId) throw new AppError('FORBIDDEN', 'That cursor belongs to someone else.');
    }
    try {
      applyAwarenessUpdate(live.awareness, update, socketId);
    } catch {
      throw new AppError('INVALID_INPUT', 'That is not a valid awareness update.');
    }
  }

  /** The documents this node holds a copy of. */
  openDocumentIds(): string[] {
    return [...this.documents.keys()];
  }

  /** Ends writing to a document on every node (round or session over); the database has already closed it. */
  markReadOnly(documentId: string): void {
    const live = this.documents.get(documentId);
    if (live) live.isReadOnly = true;
    this.replication.publishReadOnly(documentId);
  }

  /** Waits for queued writes (shutdown); false if they did not all land in time. */
  flush(timeoutMs: number): Promise<boolean> {
    return this.writer.drain(timeoutMs);
  }

  /** Snapshots every open document (shutdown); the log is already durable, so this only speeds the next load. */
  async compactAll(): Promise<void> {
    await Promise.all([...this.documents.values()].map((live) => this.compact(live)));
  }

  private async load(documentId: string): Promise<LiveDocument> {
    // What another node applied but has not stored yet is in its memory, not in the database: ask for both.
    const [stored, peerStates] = await Promise.all([this.options.storage.load(documentId), this.fetchPeerStates(documentId)]);
    const waiting = this.afterLoading.get(documentId) ?? [];
    this.afterLoading.delete(documentId);
    if (!stored) throw new AppError('NOT_FOUND', 'That document does not exist.');
    const live = new LiveDocument(documentId, stored.isReadOnly, stored.byteSize);
    Y.transact(live.doc, () => {
      if (stored.snapshot) Y.applyUpdate(live.doc, stored.snapshot);
      for (const update of stored.updates) Y.applyUpdate(live.doc, update);
      // Updates are idempotent: whatever the database already had applies again harmlessly.
      for (const update of peerStates) this.applyQuietly(live, update);
      for (const work of waiting) work(live);
    });
    live.updatesSinceSnapshot = stored.updates.length;
    this.documents.set(documentId, live);
    if (live.updatesSinceSnapshot >= this.compactEvery) void this.compact(live);
    return live;
  }

  /** The state this document has in another node's memory; a peer that fails to answer only costs a log line. */
  private async fetchPeerStates(documentId: string): Promise<Uint8Array[]> {
    try {
      return await this.replication.fetchStates(documentId);
    } catch (error) {
      this.options.log?.(`other nodes did not all report their copy of document ${documentId}; loading from the database`, error);
      return [];
    }
  }

  private applyQuietly(live: LiveDocument, update: Uint8Array): void {
    try {
      Y.applyUpdate(live.doc, update, 'peer');
    } catch (error) {
      this.options.log?.(`a peer's state of document ${live.id} does not apply`, error);
    }
  }

  private async compact(live: LiveDocument): Promise<void> {
    if (live.isCompacting || live.updatesSinceSnapshot === 0) return;
    live.isCompacting = true;
    try {
      // Folded from the database, not from this copy: another node's update may be stored but not yet here.
      const counted = live.updatesSinceSnapshot;
      const compacted = await this.options.storage.compact(live.id);
      live.updatesSinceSnapshot = Math.max(0, live.updatesSinceSnapshot - counted);
      if (compacted) live.byteSize = compacted.snapshotBytes;
    } catch (error) {
      this.options.log?.(`compacting document ${live.id} failed; the log still holds every update`, error);
    } finally {
      live.isCompacting = false;
    }
  }

  private async unload(live: LiveDocument): Promise<void> {
    await this.writer.drain(10_000);
    await this.compact(live);
    // Someone may have opened it again meanwhile.
    if (live.holders.size === 0 && this.documents.get(live.id) === live) {
      this.documents.delete(live.id);
      live.awareness.destroy();
      live.doc.destroy();
    }
  }
}

/** The client ids an awareness update speaks for (y-protocols' encoding: count, then id, clock, state per entry). */
function awarenessClientIds(update: Uint8Array): number[] {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const clientIds: number[] = [];
  for (let index = 0; index < count; index += 1) {
    clientIds.push(decoding.readVarUint(decoder));
    decoding.readVarUint(decoder);
    decoding.readVarString(decoder);
  }
  return clientIds;
}
