import { Awareness, removeAwarenessStates } from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { PendingUpdate, StoredDocument } from '@/lib/documents/document-store';
import { AppError } from '@/lib/errors';
import { GroupCommit } from './group-commit';

// The Yjs documents this process holds open. Storage stays behind `DocumentStorage` (lib/documents) so the room
// logic does not know Prisma. An update is applied in memory and handed to peers at once; its sender is
// acknowledged only when the group commit has written it to PostgreSQL.

export interface DocumentStorage {
  load(documentId: string): Promise<StoredDocument | null>;
  append(updates: PendingUpdate[]): Promise<void>;
  lastUpdateId(documentId: string): Promise<bigint>;
  saveSnapshot(documentId: string, snapshot: Uint8Array, upToUpdateId: bigint): Promise<void>;
}

export interface DocumentRegistryOptions {
  storage: DocumentStorage;
  maxDocumentBytes: number;
  /** Fold the log into a snapshot after this many updates (in the background). */
  compactEvery?: number;
  log?: (line: string, error?: unknown) => void;
}

export class LiveDocument {
  readonly doc = new Y.Doc({ gc: true });
  readonly awareness: Awareness;
  /** socket id → the awareness client ids that socket has announced. */
  readonly awarenessBySocket = new Map<string, Set<number>>();
  readonly holders = new Set<string>();
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
  }
}

export class DocumentRegistry {
  private readonly documents = new Map<string, LiveDocument>();
  private readonly loading = new Map<string, Promise<LiveDocument>>();
  private readonly writer: GroupCommit<PendingUpdate>;
  private readonly compactEvery: number;

  constructor(private readonly options: DocumentRegistryOptions) {
    this.compactEvery = options.compactEvery ?? 500;
    this.writer = new GroupCommit<PendingUpdate>({
      write: (batch) => options.storage.append(batch),
      onRetry: (error, attempt, delayMs) =>
        options.log?.(`writing document updates failed (attempt ${attempt}); retrying in ${delayMs} ms`, attempt === 1 ? error : undefined),
    });
  }

  get isDegraded(): boolean {
    return this.writer.isDegraded;
  }

  get pendingWrites(): number {
    return this.writer.pendingCount;
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

  /** Drops a holder; the last one out folds the log into a snapshot and unloads the document. */
  close(documentId: string, holderId: string): number[] {
    const live = this.documents.get(documentId);
    if (!live) return [];
    live.holders.delete(holderId);
    const awarenessIds = [...(live.awarenessBySocket.get(holderId) ?? [])];
    live.awarenessBySocket.delete(holderId);
    if (awarenessIds.length > 0) removeAwarenessStates(live.awareness, awarenessIds, 'server');
    if (live.holders.size === 0) void this.unload(live);
    return awarenessIds;
  }

  /**
   * Applies a client's update. Resolves when it is durable; throws INVALID_INPUT for bytes that are not a Yjs
   * update, FORBIDDEN for a read-only document, CONFLICT when the document would exceed its size limit.
   */
  apply(live: LiveDocument, update: Uint8Array, meta: { userId: string; clientUpdateId: string; origin: unknown }): Promise<void> {
    if (live.isReadOnly) throw new AppError('FORBIDDEN', 'This round has ended; its document is read-only.');
    if (live.byteSize + update.byteLength > this.options.maxDocumentBytes) {
      throw new AppError('CONFLICT', `The document has reached its size limit (${Math.round(this.options.maxDocumentBytes / 1024)} KB).`);
    }
    try {
      Y.decodeUpdate(update);
      Y.applyUpdate(live.doc, update, meta.origin);
    } catch {
      throw new AppError('INVALID_INPUT', 'That is not a valid document update.');
    }
    live.byteSize += update.byteLength;
    live.updatesSinceSnapshot += 1;
    const durable = this.writer.enqueue({ documentId: live.id, update, userId: meta.userId, clientUpdateId: meta.clientUpdateId });
    if (live.updatesSinceSnapshot >= this.compactEvery) void durable.then(() => this.compact(live));
    return durable;
  }

  markReadOnly(documentId: string): void {
    const live = this.documents.get(documentId);
    if (live) live.isReadOnly = true;
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
    const stored = await this.options.storage.load(documentId);
    if (!stored) throw new AppError('NOT_FOUND', 'That document does not exist.');
    const live = new LiveDocument(documentId, stored.isReadOnly, stored.byteSize);
    Y.transact(live.doc, () => {
      if (stored.snapshot) Y.applyUpdate(live.doc, stored.snapshot);
      for (const update of stored.updates) Y.applyUpdate(live.doc, update);
    });
    live.updatesSinceSnapshot = stored.updates.length;
    this.documents.set(documentId, live);
    if (live.updatesSinceSnapshot >= this.compactEvery) void this.compact(live);
    return live;
  }

  private async compact(live: LiveDocument): Promise<void> {
    if (live.isCompacting || live.updatesSinceSnapshot === 0) return;
    live.isCompacting = true;
    try {
      // Read the mark first: every update up to it was applied in memory before it was queued, so the state
      // encoded next contains all of them (and possibly newer ones, which re-apply harmlessly on load).
      const upTo = await this.options.storage.lastUpdateId(live.id);
      const counted = live.updatesSinceSnapshot;
      const snapshot = Y.encodeStateAsUpdate(live.doc);
      await this.options.storage.saveSnapshot(live.id, snapshot, upTo);
      live.updatesSinceSnapshot = Math.max(0, live.updatesSinceSnapshot - counted);
      live.byteSize = snapshot.byteLength;
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
