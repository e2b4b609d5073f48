import { describe, expect, it } from 'vitest';
import type { SessionView } from '@/lib/sessions/session-view';
import { createSessionWithCandidate } from '../../factories/session-factory';
import { withLiveTestServer } from '../../support/live-test-server';
import { eventually } from '../../support/room-client';

// Once a round has ended, nothing more is stored into its documents, even a keystroke the server took in just
// before the end and was still writing when the end committed. The race is made certain, not likely: the test
// holds the document's write lock (the advisory lock every append takes, lib/documents/document-store.ts), so the
// keystroke waits in the group commit while the round ends; then it lets the write go on.

const live = withLiveTestServer();

describe('a keystroke racing the end of its round', () => {
  it('is refused and not stored once the end has committed', async () => {
    const seeded = await createSessionWithCandidate(live.db);
    const interviewer = await live.connect(seeded.interviewer);
    const candidate = await live.connect(seeded.candidate);
    const view = await interviewer.data<SessionView>('session:join', { sessionId: seeded.sessionId });
    await candidate.data('session:join', { sessionId: seeded.sessionId });
    const round = view.rounds[0]!;
    const ref = { sessionId: seeded.sessionId, documentId: round.editorDocumentId };
    await interviewer.openDocument(ref.sessionId, ref.documentId);
    await candidate.openDocument(ref.sessionId, ref.documentId);
    await interviewer.data('session:start', { sessionId: ref.sessionId });
    await interviewer.data('round:timer', { sessionId: ref.sessionId, roundId: round.id, command: 'start' });

    const keystroke = await live.db.$transaction(
      async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended('mockloop:document:' || ${ref.documentId}, 0))`;
        const ack = candidate.type(ref.sessionId, ref.documentId, 'one more line');
        // Applied in memory and relayed: the server took it, and its write now waits for the lock.
        await eventually(interviewer, () => interviewer.text(ref.documentId) === 'one more line', 'the interviewer sees the keystroke');
        await interviewer.data('round:timer', { sessionId: ref.sessionId, roundId: round.id, command: 'end' });
        return { ack };
      },
      { timeout: 30_000 },
    );

    expect(await keystroke.ack).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await live.db.documentUpdate.count({ where: { documentId: ref.documentId } })).toBe(0);
  });
});
