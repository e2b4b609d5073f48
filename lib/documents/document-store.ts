import type { Db } from '@/lib/db';

// Storage for Yjs documents behind three functions, so the realtime room code never sees Prisma.
// State = snapshot (every update with id <= snapshotUpdateId folded in) + the logged updates after it.

export interface StoredDocument {
  id: string;
  isReadOnly: boolean;
  snapshot: Uint8Array | null;
  updates: Uint8Array[];
  lastUpdateId: bigint;
  /** Bytes of snapshot plus logged updates: what the size limit is measured against. */
  byteSize: number;
}

export interface PendingUpdate {
  documentId: string;
  update: Uint8Array;
  userId: string | null;
  clientUpdateId: string | null;
}

/** Prisma's Bytes want a Uint8Array over a plain ArrayBuffer; socket payloads may be views into larger ones. */
function toBytes(data: Uint8Array): Uint8Array<ArrayBuffer> {
  return new Uint8Array(data) as Uint8Array<ArrayBuffer>;
}

export async function loadStoredDocument(db: Db, documentId: string): Promise<StoredDocument | null> {
  const document = await db.document.findUnique({
    where: { id: documentId },
    select: { id: true, isReadOnly: true, snapshot: true, snapshotUpdateId: true },
  });
  if (!document) return null;
  const updates = await db.documentUpdate.findMany({
    where: { documentId, id: { gt: document.snapshotUpdateId } },
    orderBy: { id: 'asc' },
    select: { id: true, update: true },
  });
  const snapshot = document.snapshot ? new Uint8Array(document.snapshot) : null;
  return {
    id: document.id,
    isReadOnly: document.isReadOnly,
    snapshot,
    updates: updates.map((row) => new Uint8Array(row.update)),
    lastUpdateId: updates.at(-1)?.id ?? document.snapshotUpdateId,
    byteSize: (snapshot?.byteLength ?? 0) + updates.reduce((total, row) => total + row.update.byteLength, 0),
  };
}

/**
 * Appends many documents' updates in ONE statement (group commit). A resend after a reconnect carries the same
 * clientUpdateId and is skipped by the unique index, so it is stored once.
 */
export async function appendDocumentUpdates(db: Db, updates: PendingUpdate[]): Promise<void> {
  if (updates.length === 0) return;
  await db.documentUpdate.createMany({
    data: updates.map((pending) => ({
      documentId: pending.documentId,
      update: toBytes(pending.update),
      userId: pending.userId,
      clientUpdateId: pending.clientUpdateId,
    })),
    skipDuplicates: true,
  });
}

export async function findLastUpdateId(db: Db, documentId: string): Promise<bigint> {
  const last = await db.documentUpdate.findFirst({ where: { documentId }, orderBy: { id: 'desc' }, select: { id: true } });
  return last?.id ?? 0n;
}

/**
 * Stores a snapshot that contains every update up to `upToUpdateId`. The log itself is kept (replay reads it);
 * loading simply starts from the snapshot. Never moves the mark backwards.
 */
export async function saveDocumentSnapshot(db: Db, documentId: string, snapshot: Uint8Array, upToUpdateId: bigint): Promise<void> {
  await db.document.updateMany({
    where: { id: documentId, snapshotUpdateId: { lt: upToUpdateId } },
    data: { snapshot: toBytes(snapshot), snapshotUpdateId: upToUpdateId },
  });
}

export async function isDocumentReadOnly(db: Db, documentId: string): Promise<boolean> {
  const document = await db.document.findUnique({ where: { id: documentId }, select: { isReadOnly: true } });
  return document?.isReadOnly ?? true;
}

/** The documents of a session, or of one round of it: which live copies to mark read-only when they close. */
export async function findDocumentIds(db: Db, scope: { sessionId: string; roundId?: string }): Promise<string[]> {
  const documents = await db.document.findMany({
    where: { sessionId: scope.sessionId, ...(scope.roundId ? { roundId: scope.roundId } : {}) },
    select: { id: true },
  });
  return documents.map((document) => document.id);
}
