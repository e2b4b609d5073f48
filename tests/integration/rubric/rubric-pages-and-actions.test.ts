import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { registerUser } from '@/lib/auth/register-user';
import { getSignal } from '@/lib/rubric/signal-catalog';
import { applyScorecardCommand } from '@/lib/scorecards/apply-scorecard-command';
import { saveLoopDebrief } from '@/lib/scorecards/save-loop-debrief';
import { createSessionWithCandidate, type SeededSession } from '../../factories/session-factory';
import { buildSignUpInput } from '../../factories/user-factory';
import { HttpSession } from '../../support/http-session';
import { callServerAction, findServerActionId } from '../../support/server-action';
import { withLiveTestServer } from '../../support/live-test-server';
import { eventually } from '../../support/room-client';
import type { SessionView } from '@/lib/sessions/session-view';
import { expectNoneOf, fetchPage, searchable } from '../../support/page-text';

// The rubric over HTTP: the pages (HTML and RSC payloads) and the server actions, called the way anyone on
// the network could call them. A candidate gets 403/404 and no rubric text until feedback is published; a
// stranger never gets anything.

const live = withLiveTestServer();
const ACTIONS_FILE = 'app/sessions/[id]/debrief/actions.ts';
const PARTITION = getSignal('sql.names-partition-filter');
const GRAIN = getSignal('sql.states-grain-first');

interface Scored {
  seeded: SeededSession;
  roundId: string;
  privateNote: string;
  sharedNote: string;
  overrideReason: string;
  candidate: HttpSession;
  interviewer: HttpSession;
  stranger: HttpSession;
  anonymous: HttpSession;
}

/** A SQL drill the interviewer has scored: a rating with a private note, a shared note, an override, a call. */
async function scoredSession(): Promise<Scored> {
  const seeded = await createSessionWithCandidate(live.db);
  const round = await live.db.round.findFirstOrThrow({ where: { sessionId: seeded.sessionId }, select: { id: true } });
  const tag = randomBytes(4).toString('hex');
  const privateNote = `private: rushed the join ${tag}`;
  const sharedNote = `shared: grain stated clearly ${tag}`;
  const overrideReason = `override: said it before I could click ${tag}`;
  const { sessionId } = seeded;
  const save = (command: Parameters<typeof applyScorecardCommand>[3]) => applyScorecardCommand(live.db, sessionId, seeded.interviewer.id, command);
  await save({ type: 'signal', roundId: round.id, signalKey: PARTITION.key, rating: 'E6', note: privateNote });
  await save({ type: 'signal', roundId: round.id, signalKey: GRAIN.key, note: sharedNote, noteShareable: true });
  await save({ type: 'signal', roundId: round.id, signalKey: GRAIN.key, override: { verdict: 'MET', reason: overrideReason } });
  await saveLoopDebrief(live.db, sessionId, seeded.interviewer.id, { staffBarCall: 'MEETS_STAFF_BAR', rationale: `rationale ${tag}` });
  const strangerInput = buildSignUpInput({ name: 'Sam Stranger' });
  await registerUser(live.db, strangerInput);
  return {
    seeded,
    roundId: round.id,
    privateNote,
    sharedNote,
    overrideReason,
    candidate: await live.signIn(seeded.candidate),
    interviewer: await live.signIn(seeded.interviewer),
    stranger: await live.signIn(strangerInput),
    anonymous: new HttpSession(live.server.baseUrl),
  };
}

/** Text only interviewers may see before publishing: the rubric's own words and everything written on it. */
function rubricTexts(scored: Scored): string[] {
  return [scored.privateNote, scored.sharedNote, scored.overrideReason, PARTITION.label, PARTITION.lookFor, PARTITION.anchors.E6, GRAIN.label];
}

const get = fetchPage;

describe('rubric pages and server actions', () => {
  it('shows a candidate and a stranger no rubric text in any page or RSC payload before publishing', async () => {
    const scored = await scoredSession();
    const base = `/sessions/${scored.seeded.sessionId}`;
    // The control: the interviewer's debrief does carry the private note, so the absence below means something.
    const debrief = await get(scored.interviewer, `${base}/debrief`);
    expect(debrief.status).toBe(200);
    expect(debrief.text).toContain(scored.privateNote);

    const room = await get(scored.candidate, base);
    expect(room.status).toBe(200);
    expectNoneOf(rubricTexts(scored), room.text);
    const roomPayload = await get(scored.candidate, base, true);
    expect(roomPayload.status).toBe(200);
    expect(roomPayload.text).toContain(scored.seeded.candidate.name);
    expectNoneOf(rubricTexts(scored), roomPayload.text);
    for (const path of [`${base}/debrief`, `${base}/feedback`]) {
      for (const viewer of [scored.candidate, scored.stranger]) {
        for (const rsc of [false, true]) {
          const page = await get(viewer, path, rsc);
          // A page answers 404; its RSC payload (a client-side navigation) answers 200 carrying Next's 404 error.
          if (rsc) expect(page.text, `${path} (RSC)`).toContain('NEXT_HTTP_ERROR_FALLBACK;404');
          else expect(page.status, path).toBe(404);
          expectNoneOf(rubricTexts(scored), page.text);
        }
      }
    }
    expect((await get(scored.stranger, base)).status).toBe(404);
  });

  it('refuses every rubric action to the candidate (403), the stranger (404) and the signed-out (401), writing nothing', async () => {
    const scored = await scoredSession();
    const { sessionId } = scored.seeded;
    const page = `/sessions/${sessionId}/debrief`;
    const loopCall = new FormData();
    loopCall.append('staffBarCall', 'NOT_YET');
    loopCall.append('rationale', 'tampered');
    const calls: { name: string; args: unknown[] }[] = [
      { name: 'saveScorecardAction', args: [sessionId, { type: 'signal', roundId: scored.roundId, signalKey: PARTITION.key, note: 'tampered' }] },
      { name: 'publishFeedbackAction', args: [sessionId] },
      { name: 'unpublishFeedbackAction', args: [sessionId] },
      { name: 'saveLoopCallAction', args: [sessionId, { status: 'idle', attempt: 0 }, loopCall] },
    ];
    const expectations = [
      { viewer: scored.candidate, code: 'FORBIDDEN', message: 'Only the interviewers of this session' },
      { viewer: scored.stranger, code: 'NOT_FOUND', message: 'does not exist or you are not part of it' },
      { viewer: scored.anonymous, code: 'UNAUTHENTICATED', message: 'Sign in again' },
    ];
    for (const { viewer, code, message } of expectations) {
      for (const call of calls) {
        const response = await callServerAction(viewer, page, findServerActionId(ACTIONS_FILE, call.name), call.args);
        expect(response.status, `${call.name} as ${code}`).toBe(200);
        // The loop-call form answers with a form state (a message); the others with an ack (a code).
        expect(response.text, `${call.name} as ${code}`).toContain(call.name === 'saveLoopCallAction' ? message : `"code":"${code}"`);
        expectNoneOf(rubricTexts(scored), response.text);
      }
    }
    expect(await live.db.signalScore.count({ where: { note: 'tampered' } })).toBe(0);
    expect(await live.db.loopDebrief.count({ where: { sessionId, rationale: 'tampered' } })).toBe(0);
    expect(await live.db.feedbackRelease.count({ where: { sessionId } })).toBe(0);

    // The same action works for the interviewer: the refusals above are about who asks, not a broken call.
    const own = await callServerAction(scored.interviewer, page, findServerActionId(ACTIONS_FILE, 'saveScorecardAction'), [
      sessionId,
      { type: 'signal', roundId: scored.roundId, signalKey: PARTITION.key, rating: 'E5' },
    ]);
    expect(own.text).toContain('"ok":true');
    expect(await live.db.signalScore.count({ where: { signalKey: PARTITION.key, rating: 'E5' } })).toBe(1);
  });

  it('after publishing, gives the candidate a feedback page with only shareable data, and the stranger still nothing', async () => {
    const scored = await scoredSession();
    const { sessionId } = scored.seeded;
    await live.db.interviewSession.update({ where: { id: sessionId }, data: { status: 'COMPLETED' } });
    // The candidate is still in the room: the publish (a server action, outside the socket world) reaches them.
    const inRoom = await live.connect(scored.seeded.candidate);
    await inRoom.data('session:join', { sessionId });
    const published = await callServerAction(scored.interviewer, `/sessions/${sessionId}/debrief`, findServerActionId(ACTIONS_FILE, 'publishFeedbackAction'), [sessionId]);
    expect(published.text).toContain('"ok":true');
    await eventually(inRoom, () => inRoom.eventsOf('session:changed').some((payload) => (payload as { reason: string }).reason === 'feedback.published'));
    expect((await inRoom.data<SessionView>('session:get', { sessionId })).hasPublishedFeedback).toBe(true);

    const feedback = await get(scored.candidate, `/sessions/${sessionId}/feedback`);
    expect(feedback.status).toBe(200);
    expect(feedback.text).toContain(scored.sharedNote);
    expect(feedback.text).toContain(searchable(PARTITION.anchors.E6));
    expect(feedback.text).not.toContain(scored.privateNote);
    expect(feedback.text).not.toContain(scored.overrideReason);
    expect((await get(scored.candidate, `/sessions/${sessionId}/debrief`)).status).toBe(404);
    expect((await get(scored.stranger, `/sessions/${sessionId}/feedback`)).status).toBe(404);
    // Opened by the candidate: final.
    expect(await live.db.feedbackRelease.count({ where: { sessionId, openedAt: { not: null } } })).toBe(1);
  });
});
