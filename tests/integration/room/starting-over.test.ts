import { afterAll, describe, expect, it } from 'vitest';
import { loadStoredDocument } from '@/lib/documents/document-store';
import { storedDocumentText } from '@/lib/documents/document-text';
import { withLiveTestServer } from '../../support/live-test-server';
import { clientsOf, openTypingPairs, untilConverged, type TypingClient } from '../../support/typing-client';

// The room's own provider against a real server that refuses an update for good (here: the document would
// outgrow DOCUMENT_MAX_BYTES). The provider must never send it again, bring its copy back in line with the
// server's, keep what was typed after it, and go on saving.

const live = withLiveTestServer({ DOCUMENT_MAX_BYTES: '8192' });
let clients: TypingClient[] = [];

afterAll(() => {
  for (const client of clients) client.close();
});

async function storedText(documentId: string): Promise<string> {
  return storedDocumentText((await loadStoredDocument(live.db, documentId))!);
}

describe('an update the server refuses for good', () => {
  it('is dropped, not resent; the editor starts over from the server’s copy and keeps what was typed after it', { timeout: 60_000 }, async () => {
    const [pair] = await openTypingPairs(live.db, 1, (account) => live.signIn(account));
    const { interviewer, candidate, documentId } = pair!;
    clients = clientsOf([pair!]);
    interviewer.typeToken();
    candidate.typeToken();
    await Promise.all([interviewer.synced(), candidate.synced()]);
    const original = interviewer.doc;

    // 10 KB: within the message limit, beyond what the document may still hold.
    const text = interviewer.doc.getText('content');
    text.insert(text.length, 'B'.repeat(10_000));
    // A keystroke in the next task, after the refused text: its update follows the refused one.
    await new Promise((resolve) => setImmediate(resolve));
    const typedAfter = interviewer.typeToken();
    candidate.typeToken();

    await interviewer.until(() => interviewer.provider.refusal !== null && interviewer.doc !== original, 'the start over');
    await Promise.all([interviewer.synced(), candidate.synced()]);
    expect(interviewer.provider.refusal).toMatchObject({ code: 'CONFLICT' });
    expect(interviewer.provider.refusal!.message).toMatch(/size limit \(8 KB\)/);
    expect(interviewer.refusals.get('CONFLICT')).toBe(1);
    expect(interviewer.socket.connected).toBe(true);

    // Editing goes on: both copies and PostgreSQL agree, without the refused text, with every token typed.
    interviewer.typeToken();
    candidate.typeToken();
    await Promise.all([interviewer.synced(), candidate.synced()]);
    await untilConverged(pair!);
    const stored = await storedText(documentId);
    expect(stored).toBe(interviewer.text);
    expect(stored).not.toContain('B');
    for (const token of [...interviewer.typed, ...candidate.typed]) expect(stored).toContain(token);
    expect(stored).toContain(typedAfter);
    // The refused update went out once: nothing resent it.
    expect(interviewer.refusals.get('CONFLICT')).toBe(1);
  });
});
