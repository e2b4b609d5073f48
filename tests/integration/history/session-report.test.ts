import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { registerUser } from '@/lib/auth/register-user';
import { getRoundReplay } from '@/lib/history/get-round-replay';
import { getSessionReport } from '@/lib/history/get-session-report';
import { ReplayCursor } from '@/lib/history/replay-cursor';
import { applyScorecardCommand } from '@/lib/scorecards/apply-scorecard-command';
import { publishFeedback } from '@/lib/scorecards/feedback-release';
import type { SessionView } from '@/lib/sessions/session-view';
import { createSessionWithCandidate, type SeededSession } from '../../factories/session-factory';
import { buildSignUpInput } from '../../factories/user-factory';
import { HttpSession } from '../../support/http-session';
import { RoomClient, eventually } from '../../support/room-client';
import { withLiveTestServer } from '../../support/live-test-server';

const live = withLiveTestServer();

/** Both joined, the session and its round started, the round editor open on both sides. */
async function startRound(seeded: SeededSession) {
  const interviewer = await live.connect(seeded.interviewer);
  const candidate = await live.connect(seeded.candidate);
  const view = await interviewer.data<SessionView>('session:join', { sessionId: seeded.sessionId });
  await candidate.data('session:join', { sessionId: seeded.sessionId });
  await interviewer.data('session:start', { sessionId: seeded.sessionId });
  const round = view.rounds[0]!;
  await interviewer.data('round:timer', { sessionId: seeded.sessionId, roundId: round.id, command: 'start' });
  await interviewer.openDocument(seeded.sessionId, round.editorDocumentId);
  await candidate.openDocument(seeded.sessionId, round.editorDocumentId);
  return { interviewer, candidate, round };
}

describe('session report and replay', () => {
  it('replays a recorded round to exactly the text the document had after every stored update', async () => {
    const seeded = await createSessionWithCandidate(live.db);
    const { interviewer, candidate, round } = await startRound(seeded);
    const documentId = round.editorDocumentId;
    const edits: [RoomClient, (text: Y.Text) => void][] = [
      [candidate, (text) => text.insert(0, 'SELECT user_id, COUNT(*)')],
      [interviewer, (text) => text.insert(text.length, '\n-- what is the grain?')],
      [candidate, (text) => text.insert(24, '\nFROM logins\nGROUP BY 1')],
      [candidate, (text) => text.delete(0, 6)],
      [candidate, (text) => text.insert(0, 'SELECT DISTINCT')],
      [interviewer, (text) => text.delete(text.length - 22, 22)],
    ];
    const recorded = [''];
    for (const [writer, change] of edits) {
      expect((await writer.edit(seeded.sessionId, documentId, change)).ok).toBe(true);
      const expected = writer.text(documentId);
      // The other side has it too before the next edit, so every stored update follows the one before.
      for (const reader of [interviewer, candidate]) await eventually(reader, () => reader.text(documentId) === expected);
      recorded.push(expected);
    }

    const replay = await getRoundReplay(live.db, seeded.sessionId, round.id, seeded.candidate.id);
    expect(replay.steps).toHaveLength(edits.length);
    const cursor = new ReplayCursor(replay.steps.map((step) => ({ ...step, update: Buffer.from(step.update, 'base64') })));
    recorded.forEach((text, count) => {
      cursor.seek(count);
      expect(cursor.text()).toBe(text);
    });
    // After the second edit both have text on screen; the interviewer's comment is deleted again at the end.
    cursor.seek(2);
    expect(cursor.authoredSpans()).toEqual([
      { text: 'SELECT user_id, COUNT(*)', userId: seeded.candidate.id },
      { text: '\n-- what is the grain?', userId: seeded.interviewer.id },
    ]);

    const report = await getSessionReport(live.db, seeded.sessionId, seeded.candidate.id);
    expect(report.rounds[0]!.finalText).toBe(recorded.at(-1));
    const strangerInput = buildSignUpInput();
    const stranger = await registerUser(live.db, strangerInput);
    await expect(getRoundReplay(live.db, seeded.sessionId, round.id, stranger.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('exposes nothing unpublished to the candidate, on the page or in either export, and everything to the interviewer', async () => {
    const seeded = await createSessionWithCandidate(live.db);
    const { interviewer, round } = await startRound(seeded);
    const { sessionId } = seeded;
    const save = (command: Parameters<typeof applyScorecardCommand>[3]) => applyScorecardCommand(live.db, sessionId, seeded.interviewer.id, command);
    await save({ type: 'mark', roundId: round.id, signalKey: 'sql.names-partition-filter' });
    await save({ type: 'signal', roundId: round.id, signalKey: 'sql.names-partition-filter', rating: 'E6', note: 'PRIVATE-NOTE-7c1', noteShareable: false });
    await save({ type: 'signal', roundId: round.id, signalKey: 'sql.decomposes-with-ctes', note: 'SHARED-NOTE-4d2', noteShareable: true });
    await save({ type: 'wrap-up', roundId: round.id, recommendation: 'YES', strengths: 'STRENGTHS-9e3' });
    await interviewer.openDocument(sessionId, (await interviewer.data<SessionView>('session:get', { sessionId })).notesDocumentId!);
    const notesId = (await interviewer.data<SessionView>('session:get', { sessionId })).notesDocumentId!;
    expect((await interviewer.type(sessionId, notesId, 'NOTES-DOC-5f8')).ok).toBe(true);
    await interviewer.data('session:complete', { sessionId });

    const candidate = await live.signIn(seeded.candidate);
    const secrets = ['PRIVATE-NOTE-7c1', 'SHARED-NOTE-4d2', 'STRENGTHS-9e3', 'NOTES-DOC-5f8', 'Names the partition filter up front'];
    const candidateBodies = async () =>
      Promise.all(
        [`/sessions/${sessionId}/report`, `/sessions/${sessionId}/report/export?format=markdown`, `/sessions/${sessionId}/report/export?format=json`].map(
          async (path) => {
            const response = await candidate.fetch(path);
            expect(response.status, path).toBe(200);
            return response.text();
          },
        ),
      );
    for (const body of await candidateBodies()) for (const secret of secrets) expect(body).not.toContain(secret);
    const before = await getSessionReport(live.db, sessionId, seeded.candidate.id);
    expect(before.feedback).toBe('NONE');
    expect(before.rounds[0]!.marks).toEqual([]);
    expect(before.privateNotes).toBeUndefined();

    await publishFeedback(live.db, sessionId, seeded.interviewer.id);
    const [page, markdown, json] = await candidateBodies();
    for (const body of [page!, markdown!, json!]) {
      expect(body).toContain('SHARED-NOTE-4d2');
      expect(body).toContain('STRENGTHS-9e3');
      expect(body).not.toContain('PRIVATE-NOTE-7c1');
      expect(body).not.toContain('NOTES-DOC-5f8');
    }
    const exported = JSON.parse(json!) as { version: number; feedback: string; rounds: { marks: { verdict: string }[] }[] };
    expect(exported).toMatchObject({ version: 1, feedback: 'PUBLISHED' });
    expect(exported.rounds[0]!.marks.map((mark) => mark.verdict)).toEqual(['In time']);

    const own = await (await live.signIn(seeded.interviewer)).fetch(`/sessions/${sessionId}/report/export?format=markdown`);
    expect(own.headers.get('content-disposition')).toMatch(/^attachment; filename="mockloop-practice-loop\.md"$/);
    const ownText = await own.text();
    for (const secret of ['PRIVATE-NOTE-7c1', 'SHARED-NOTE-4d2', 'NOTES-DOC-5f8']) expect(ownText).toContain(secret);
  });

  it('answers the export with 401, 404 and 400 where it must', async () => {
    const seeded = await createSessionWithCandidate(live.db);
    const path = `/sessions/${seeded.sessionId}/report/export`;
    expect((await new HttpSession(live.server.baseUrl).fetch(`${path}?format=json`)).status).toBe(401);
    const strangerInput = buildSignUpInput();
    await registerUser(live.db, strangerInput);
    const stranger = await live.signIn(strangerInput);
    expect((await stranger.fetch(`${path}?format=json`)).status).toBe(404);
    expect((await stranger.fetch(`/sessions/${seeded.sessionId}/report`)).status).toBe(404);
    expect((await (await live.signIn(seeded.candidate)).fetch(`${path}?format=pdf`)).status).toBe(400);
  });
});
