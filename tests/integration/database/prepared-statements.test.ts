import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { appendDocumentUpdates, loadStoredDocument } from '@/lib/documents/document-store';
import { CONTENT_TEXT_NAME, storedDocumentText } from '@/lib/documents/document-text';
import { createSessionWithCandidate } from '../../factories/session-factory';
import { withMigratedTestDatabase } from '../../support/test-database';

// The update log's append runs for every write batch, so it is prepared once per connection (lib/db.ts); every
// other statement stays unnamed. pg_prepared_statements lists what the asking connection has prepared: calls
// made one after another from a fresh client all use its one connection.

const database = withMigratedTestDatabase();

describe('prepared statements', () => {
  it('prepares the append once on its connection, reuses it, and leaves Prisma’s own queries unnamed', async () => {
    const seeded = await createSessionWithCandidate(database.db);
    const { id: documentId } = await database.db.document.findFirstOrThrow({ where: { sessionId: seeded.sessionId }, select: { id: true } });
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    for (const letter of 'abc') doc.getText(CONTENT_TEXT_NAME).insert(doc.getText(CONTENT_TEXT_NAME).length, letter);

    for (const [index, update] of updates.entries()) {
      await appendDocumentUpdates(database.db, [{ documentId, update, userId: null, clientUpdateId: `prepared-${index}` }]);
    }

    const prepared = await database.db.$queryRaw<{ name: string }[]>`SELECT name FROM pg_prepared_statements`;
    expect(prepared.map((row) => row.name)).toEqual([expect.stringMatching(/^append-document-updates-[0-9a-f]{12}$/)]);
    expect(storedDocumentText((await loadStoredDocument(database.db, documentId))!)).toBe('abc');
  });
});
