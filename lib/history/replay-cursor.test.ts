import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CONTENT_TEXT_NAME } from '@/lib/documents/document-text';
import { ReplayCursor, type ReplayStep } from './replay-cursor';

/** Two people editing one document; every update is logged as the server would, with the text it left. */
function recordSession(edits: { userId: string; edit: (text: Y.Text) => void }[]) {
  const docs = new Map<string, Y.Doc>();
  const steps: ReplayStep[] = [];
  const texts: string[] = [''];
  const server = new Y.Doc();
  for (const [index, { userId, edit }] of edits.entries()) {
    let doc = docs.get(userId);
    if (!doc) {
      doc = new Y.Doc();
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(server));
      docs.set(userId, doc);
    }
    // Each writer has seen everything logged before it types, as when edits wait for their peers' updates.
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(server));
    const before = Y.encodeStateVector(doc);
    edit(doc.getText(CONTENT_TEXT_NAME));
    const update = Y.encodeStateAsUpdate(doc, before);
    Y.applyUpdate(server, update);
    steps.push({ at: 1_000 + index * 500, userId, update });
    texts.push(server.getText(CONTENT_TEXT_NAME).toString());
  }
  return { steps, texts };
}

const { steps, texts } = recordSession([
  { userId: 'ivy', edit: (text) => text.insert(0, 'SELECT 1') },
  { userId: 'cam', edit: (text) => text.insert(8, ';') },
  { userId: 'cam', edit: (text) => text.delete(7, 1) },
  { userId: 'ivy', edit: (text) => text.insert(7, 'user_id FROM t') },
  { userId: 'cam', edit: (text) => text.insert(0, '-- grain: one row per user\n') },
  { userId: 'ivy', edit: (text) => text.delete(0, 3) },
]);

describe('ReplayCursor', () => {
  it('reconstructs exactly the text the document had after each logged update', () => {
    const cursor = new ReplayCursor(steps);
    for (let count = 0; count <= steps.length; count += 1) {
      cursor.seek(count);
      expect(cursor.text()).toBe(texts[count]);
    }
  });

  it('scrubs backwards and forwards to the same states', () => {
    const cursor = new ReplayCursor(steps);
    cursor.seek(steps.length);
    cursor.seek(2);
    expect(cursor.text()).toBe(texts[2]);
    cursor.seek(-5);
    expect(cursor.text()).toBe('');
    cursor.seek(99);
    expect(cursor.position).toBe(steps.length);
    expect(cursor.text()).toBe(texts.at(-1));
  });

  it('attributes each stretch of the visible text to its author', () => {
    const cursor = new ReplayCursor(steps);
    cursor.seek(steps.length);
    const spans = cursor.authoredSpans();
    expect(spans.map((span) => span.text).join('')).toBe(cursor.text());
    expect(spans).toEqual([
      { text: 'grain: one row per user\n', userId: 'cam' },
      { text: 'SELECT user_id FROM t', userId: 'ivy' },
      { text: ';', userId: 'cam' },
    ]);
  });

  it('passes its checkpoints on long logs and still lands on exact states', () => {
    const long = recordSession(Array.from({ length: 450 }, (_, index) => ({ userId: index % 2 ? 'ivy' : 'cam', edit: (text: Y.Text) => text.insert(text.length, String(index % 10)) })));
    const cursor = new ReplayCursor(long.steps);
    cursor.seek(450);
    for (const count of [401, 399, 200, 0, 450, 1]) {
      cursor.seek(count);
      expect(cursor.text()).toBe(long.texts[count]);
    }
  });
});
