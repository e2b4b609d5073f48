import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createDbClient, type Db } from '@/lib/db';
import { appendDocumentUpdates, compactStoredDocument, loadStoredDocument, type PendingUpdate } from '@/lib/documents/document-store';
import { CONTENT_TEXT_NAME, storedDocumentText } from '@/lib/documents/document-text';
import { createSessionWithCandidate } from '../../factories/session-factory';
import { createMigratedTestDatabase, type TestDatabase } from '../../support/test-database';

// Two nodes append to one document and both compact it at the same time, each through its own connection pool
// (as two server processes would). PostgreSQL draws ids in one order and commits them in another; the snapshot
// must never claim an id whose update it does not contain.

let database: TestDatabase;
const nodes: Db[] = [];

beforeAll(async () => {
  database = await createMigratedTestDatabase();
  nodes.push(createDbClient(database.url), createDbClient(database.url));
});

afterAll(async () => {
  await Promise.all(nodes.map((db) => db.$disconnect()));
  await database?.drop();
});

/** One writer's edits: `count` single-character inserts, each its own update. */
function editsOf(name: string, documentId: string, count: number): PendingUpdate[] {
  const doc = new Y.Doc();
  const updates: PendingUpdate[] = [];
  doc.on('update', (update: Uint8Array) => updates.push({ documentId, update, userId: null, clientUpdateId: `${name}-${updates.length}` }));
  for (let i = 0; i < count; i += 1) doc.getText(CONTENT_TEXT_NAME).insert(0, name);
  return updates;
}

describe('compaction with several nodes', () => {
  it('folds only what is committed: nothing appended concurrently is lost, on either node', async () => {
    const [nodeA, nodeB] = nodes as [Db, Db];
    const seeded = await createSessionWithCandidate(nodeA);
    const { id: documentId } = await nodeA.document.findFirstOrThrow({ where: { sessionId: seeded.sessionId }, select: { id: true } });
    const fromA = editsOf('a', documentId, 200);
    const fromB = editsOf('b', documentId, 200);

    // Small batches from both nodes, interleaved with compactions from both nodes.
    const appendAll = async (db: Db, updates: PendingUpdate[]) => {
      for (let i = 0; i < updates.length; i += 5) await appendDocumentUpdates(db, updates.slice(i, i + 5));
    };
    const compactOften = async (db: Db) => {
      for (let i = 0; i < 15; i += 1) await compactStoredDocument(db, documentId);
    };
    await Promise.all([appendAll(nodeA, fromA), appendAll(nodeB, fromB), compactOften(nodeA), compactOften(nodeB)]);

    const expected = new Y.Doc();
    for (const pending of [...fromA, ...fromB]) Y.applyUpdate(expected, pending.update);
    const expectedText = expected.getText(CONTENT_TEXT_NAME).toString();
    expect(expectedText).toHaveLength(400);

    // Loading starts from the snapshot: it must hold everything up to its mark.
    expect(storedDocumentText((await loadStoredDocument(nodeA, documentId))!)).toBe(expectedText);
    // And after a last compaction, the snapshot alone is the document.
    await compactStoredDocument(nodeB, documentId);
    const compacted = (await loadStoredDocument(nodeB, documentId))!;
    expect(compacted.updates).toHaveLength(0);
    expect(storedDocumentText(compacted)).toBe(expectedText);
    expect(await nodeA.documentUpdate.count({ where: { documentId } })).toBe(400);
  });

  it('never folds past an update whose id was drawn but not yet committed', async () => {
    const [nodeA, nodeB] = nodes as [Db, Db];
    const seeded = await createSessionWithCandidate(nodeA);
    const { id: documentId } = await nodeA.document.findFirstOrThrow({ where: { sessionId: seeded.sessionId }, select: { id: true } });
    const [slow] = editsOf('slow', documentId, 1);
    const [fast] = editsOf('fast', documentId, 1);

    // A slow append on node A, as appendDocumentUpdates does it (shared lock, then the id), held open before commit.
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let markDrawn!: () => void;
    const idDrawn = new Promise<void>((resolve) => (markDrawn = resolve));
    const slowAppend = nodeA.$transaction(
      async (tx) => {
        // The same lock key as lib/documents/document-store.ts.
        await tx.$executeRaw`SELECT pg_advisory_xact_lock_shared(hashtextextended('mockloop:document:' || ${documentId}, 0))`;
        await tx.$executeRaw`INSERT INTO "DocumentUpdate" ("documentId", "update", "clientUpdateId") VALUES (${documentId}, decode(${Buffer.from(slow!.update).toString('base64')}, 'base64'), 'slow-0')`;
        markDrawn();
        await released;
      },
      { timeout: 30_000 },
    );
    await idDrawn;
    // Node B stores a later id and commits it first; then compacts.
    await appendDocumentUpdates(nodeB, [fast!]);
    const compaction = compactStoredDocument(nodeB, documentId);
    // The compaction must wait for the slow append to commit; were it not to wait, it would finish here.
    const waitsForTheLock = async () => {
      for (;;) {
        const [row] = await nodeA.$queryRaw<{ waiting: bigint }[]>`SELECT count(*) AS waiting FROM pg_locks WHERE locktype = 'advisory' AND NOT granted`;
        if (row && row.waiting > 0n) return;
        await new Promise((resolve) => setImmediate(resolve));
      }
    };
    await Promise.race([compaction, waitsForTheLock()]);
    release();
    await slowAppend;
    await compaction;

    const text = storedDocumentText((await loadStoredDocument(nodeB, documentId))!);
    expect(text).toContain('slow');
    expect(text).toContain('fast');
  });
});
