import * as Y from 'yjs';
import type { Db, DbTx } from '@/lib/db';
import { encodeUpdate } from '@/lib/realtime/update-encoding';

// Storage for Yjs documents behind a few functions, so the realtime room code never sees Prisma.
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
 * Appends many documents' updates in ONE transaction (group commit). A resend after a reconnect carries the same
 * clientUpdateId and is skipped by the unique index, so it is stored once, whichever node receives it. Resolves
 * with the documents of the batch that are closed (read-only, or gone): their updates were not stored.
 *
 * Several server processes may append to one document at once, and PostgreSQL hands out ids in one order but
 * commits in another. Each append therefore holds a shared per-document lock from before its ids are drawn until
 * its commit; compaction takes the same lock exclusively, so it never sees id N while a smaller id is still
 * uncommitted (which would fold a snapshot past an update it does not contain). Locks are taken in sorted order.
 *
 * Closing a document (closeDocuments, when its round or session ends) and appending to it are serialised on the
 * document's row: the append holds it FOR SHARE and re-reads `isReadOnly` under that lock, so an update either
 * commits before the close or is refused after it, however late its write started.
 */
export async function appendDocumentUpdates(db: Db, updates: PendingUpdate[]): Promise<string[]> {
  if (updates.length === 0) return [];
  const documentIds = [...new Set(updates.map((pending) => pending.documentId))].sort();
  // One statement, so one round trip and its own transaction: under load this runs for every batch. The locks
  // come from materialized CTEs the rows are joined to, and the rows are sorted before the INSERT draws any
  // id, so every lock is held before the first id and until the commit. The row locks are taken after the
  // advisory ones (LATERAL on `locked`), so an append waiting for compaction holds no row a closing round needs.
  // Parallel arrays rather than createMany, whose query building cost the event loop more than PostgreSQL takes
  // to store the rows; the bytes travel as base64 text because text[] is the array type every driver passes
  // through unchanged. Prepared once per connection (lib/db.ts): parsing and planning it for every batch cost
  // PostgreSQL about a third of its CPU.
  const closed = await db.$queryRaw<{ id: string }[]>`/* prepared: append-document-updates */
    WITH locked AS MATERIALIZED (
      SELECT count(pg_advisory_xact_lock_shared(hashtextextended(${DOCUMENT_LOCK_PREFIX} || id, 0))) AS documents
      FROM unnest(${documentIds}::text[]) AS id
    ), open AS MATERIALIZED (
      SELECT coalesce(array_agg(document.id), '{}') AS ids
      FROM locked, LATERAL (
        SELECT id FROM "Document"
        WHERE id = ANY(${documentIds}::text[]) AND NOT "isReadOnly" AND locked.documents = ${documentIds.length}
        ORDER BY id
        FOR SHARE
      ) AS document
    ), stored AS (
      INSERT INTO "DocumentUpdate" ("documentId", "update", "userId", "clientUpdateId")
      SELECT pending.document_id, decode(pending.update_base64, 'base64'), pending.user_id, pending.client_update_id
      FROM open, unnest(
        ${updates.map((pending) => pending.documentId)}::text[],
        ${updates.map((pending) => encodeUpdate(pending.update))}::text[],
        ${updates.map((pending) => pending.userId)}::text[],
        ${updates.map((pending) => pending.clientUpdateId)}::text[]
      ) WITH ORDINALITY AS pending (document_id, update_base64, user_id, client_update_id, position)
      WHERE pending.document_id = ANY(open.ids)
      ORDER BY pending.position
      ON CONFLICT DO NOTHING
    )
    SELECT id FROM open, unnest(${documentIds}::text[]) AS id WHERE NOT id = ANY(open.ids)`;
  return closed.length === 0 ? [] : closed.map((row) => row.id);
}

/**
 * Makes documents read-only inside the caller's transaction (a round or session ending) and returns their ids.
 * Rows are locked in id order, the order appends lock them in, so the two never deadlock; an append still
 * running holds its rows until it commits, and any later one finds them closed (appendDocumentUpdates).
 */
export async function closeDocuments(tx: DbTx, scope: { sessionId: string; roundId?: string }): Promise<string[]> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    UPDATE "Document" SET "isReadOnly" = true, "updatedAt" = now()
    WHERE id IN (
      SELECT id FROM "Document"
      WHERE "sessionId" = ${scope.sessionId} AND (${scope.roundId ?? null}::text IS NULL OR "roundId" = ${scope.roundId ?? null})
      ORDER BY id
      FOR UPDATE
    )
    RETURNING id`;
  return rows.map((row) => row.id).sort();
}

/** Namespaces this app's advisory locks (Prisma's migrate lock uses a fixed number of its own). */
const DOCUMENT_LOCK_PREFIX = 'mockloop:document:';

/**
 * Folds the logged updates after the snapshot into a new snapshot, from what the DATABASE holds (never from a
 * process's memory, which may lag behind an update another node stored). The log itself is kept (replay reads
 * it); loading simply starts from the snapshot. Resolves with the snapshot's size, or null for a document that
 * no longer exists.
 *
 * The document's exclusive lock is held only to read a horizon: once it is granted, every append that drew ids
 * before it has committed, and any id drawn later is larger, so every update up to the horizon is visible and
 * final. Folding (reading the rows, merging, writing) happens after the lock is released: holding it that long
 * stalled every write batch that touched the document, and with them the acknowledgements of the whole node.
 * The snapshot is written only if nobody moved the mark meanwhile, so the mark only moves forward.
 */
export async function compactStoredDocument(db: Db, documentId: string): Promise<{ snapshotBytes: number; folded: number } | null> {
  const [, [horizonRow]] = await db.$transaction([
    db.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${DOCUMENT_LOCK_PREFIX} || ${documentId}, 0))`,
    db.$queryRaw<{ horizon: bigint | null }[]>`SELECT max(id) AS horizon FROM "DocumentUpdate" WHERE "documentId" = ${documentId}`,
  ]);
  const document = await db.document.findUnique({ where: { id: documentId }, select: { snapshot: true, snapshotUpdateId: true } });
  if (!document) return null;
  const horizon = horizonRow?.horizon ?? null;
  if (horizon === null || horizon <= document.snapshotUpdateId) return { snapshotBytes: document.snapshot?.byteLength ?? 0, folded: 0 };
  const updates = await db.documentUpdate.findMany({
    where: { documentId, id: { gt: document.snapshotUpdateId, lte: horizon } },
    orderBy: { id: 'asc' },
    select: { update: true },
  });
  const doc = new Y.Doc({ gc: true });
  Y.transact(doc, () => {
    if (document.snapshot) Y.applyUpdate(doc, new Uint8Array(document.snapshot));
    for (const row of updates) Y.applyUpdate(doc, new Uint8Array(row.update));
  });
  const snapshot = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  const { count } = await db.document.updateMany({
    where: { id: documentId, snapshotUpdateId: document.snapshotUpdateId },
    data: { snapshot: toBytes(snapshot), snapshotUpdateId: horizon },
  });
  // Another compaction got there first: its snapshot stands (it covers at least as much as the mark it set).
  if (count === 0) return { snapshotBytes: snapshot.byteLength, folded: 0 };
  return { snapshotBytes: snapshot.byteLength, folded: updates.length };
}

export async function isDocumentReadOnly(db: Db, documentId: string): Promise<boolean> {
  const document = await db.document.findUnique({ where: { id: documentId }, select: { isReadOnly: true } });
  return document?.isReadOnly ?? true;
}
