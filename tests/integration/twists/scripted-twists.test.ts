import { describe, expect, it } from 'vitest';
import { registerUser } from '@/lib/auth/register-user';
import { createQuestion } from '@/lib/questions/create-question';
import { createInvite } from '@/lib/sessions/create-invite';
import { createSession } from '@/lib/sessions/create-session';
import { redeemInvite } from '@/lib/sessions/redeem-invite';
import { getSessionReport } from '@/lib/history/get-session-report';
import type { SessionView } from '@/lib/sessions/session-view';
import type { FiredTwistView } from '@/lib/twists/fired-twist-view';
import { buildQuestionInput } from '../../factories/question-factory';
import { createSessionBetween } from '../../factories/session-factory';
import { buildSignUpInput } from '../../factories/user-factory';
import { withLiveTestServer } from '../../support/live-test-server';
import { expectNoneOf, fetchPage, searchable } from '../../support/page-text';
import { eventually, type RoomClient } from '../../support/room-client';

// Scripted twists over the real server and real sockets: who may fire, what a candidate can learn before and
// after (sockets, the room's HTML and RSC payload, the report), idempotent firing, and refusals off the clock.

const live = withLiveTestServer();

interface Room {
  sessionId: string;
  roundId: string;
  interviewer: RoomClient;
  candidate: RoomClient;
  candidateAccount: { email: string; password: string };
  interviewerAccount: { email: string; password: string };
  /** The round's (only) question, from the interviewer's view: its guide holds the twists. */
  question: SessionView['rounds'][number]['questions'][number];
}

async function designRoom({ start = true }: { start?: boolean } = {}): Promise<Room> {
  const interviewerAccount = buildSignUpInput({ name: 'Ivy Interviewer' });
  const candidateAccount = buildSignUpInput({ name: 'Cam Candidate' });
  const interviewerUser = await registerUser(live.db, interviewerAccount);
  const candidateUser = await registerUser(live.db, candidateAccount);
  const sessionId = await createSessionBetween(live.db, interviewerUser.id, { id: candidateUser.id, email: candidateAccount.email }, {
    title: 'Design with twists',
    template: 'CUSTOM',
    roundKinds: ['SYSTEM_DESIGN'],
  });
  const interviewer = await live.connect(interviewerAccount);
  const candidate = await live.connect(candidateAccount);
  const view = await interviewer.data<SessionView>('session:join', { sessionId });
  await candidate.data('session:join', { sessionId });
  const roundId = view.rounds[0]!.id;
  if (start) {
    await interviewer.data('session:start', { sessionId });
    // Starting the clock reveals the round's first question.
    await interviewer.data('round:timer', { sessionId, roundId, command: 'start' });
  }
  const question = view.rounds[0]!.questions[0]!;
  expect(question.guide?.twists.length).toBeGreaterThanOrEqual(2);
  return { sessionId, roundId, interviewer, candidate, candidateAccount, interviewerAccount, question };
}

const fire = (client: RoomClient, room: Room, twistKey: string) =>
  client.request<{ twist: FiredTwistView }>('twist:fire', { sessionId: room.sessionId, roundId: room.roundId, roundQuestionId: room.question.id, twistKey });

/** Every interviewer-only text of the question's twists, and the candidate-facing text of those not fired. */
function secretsOf(room: Room, firedKeys: string[]): string[] {
  const guide = room.question.guide!;
  return guide.twists.flatMap((twist) => [
    twist.strongAnswer,
    guide.signalLabels[twist.probesSignalKey]!,
    ...(firedKeys.includes(twist.key) ? [] : [twist.prompt]),
  ]);
}

describe('scripted twists', () => {
  it('lets only the round interviewer fire, tells the room only what the candidate sees, and keeps the rest private', async () => {
    const room = await designRoom();
    const [first, second] = room.question.guide!.twists;

    // Before anything is fired, the candidate's view, page and RSC payload hold no twist at all.
    const before = await room.candidate.data<SessionView>('session:get', { sessionId: room.sessionId });
    expect(before.rounds[0]!.firedTwists).toEqual([]);
    expectNoneOf(secretsOf(room, []), JSON.stringify(before), 'candidate view before');
    const candidateHttp = await live.signIn(room.candidateAccount);
    for (const rsc of [false, true]) {
      const page = await fetchPage(candidateHttp, `/sessions/${room.sessionId}`, rsc);
      expect(page.status).toBe(200);
      expectNoneOf(secretsOf(room, []), page.text, `candidate room ${rsc ? 'RSC' : 'HTML'} before`);
    }

    // The candidate cannot fire one, and nothing is written when they try.
    expect(await fire(room.candidate, room, first!.key)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await live.db.firedTwist.count({ where: { sessionId: room.sessionId } })).toBe(0);

    const ack = await fire(room.interviewer, room, first!.key);
    expect(ack).toMatchObject({ ok: true, data: { twist: { title: first!.title, prompt: first!.prompt, twistKey: first!.key } } });
    await eventually(room.candidate, () => room.candidate.eventsOf('twist:fired').length === 1, 'candidate hears the twist');
    await eventually(room.interviewer, () => room.interviewer.eventsOf('twist:guide').length === 1, 'interviewer hears what it probes');

    const broadcast = room.candidate.eventsOf('twist:fired')[0] as { twist: FiredTwistView };
    expect(Object.keys(broadcast.twist).sort()).toEqual(['firedAt', 'firedAtElapsedMs', 'id', 'prompt', 'roundId', 'roundQuestionId', 'title', 'twistKey']);
    expect(room.interviewer.eventsOf('twist:guide')[0]).toMatchObject({
      guide: { twistKey: first!.key, probesSignalKey: first!.probesSignalKey, strongAnswer: first!.strongAnswer },
    });
    // A round trip after the broadcasts: anything else meant for the candidate would have arrived by now.
    await room.candidate.data('clock:ping');
    expect(room.candidate.eventsOf('twist:guide')).toEqual([]);
    expectNoneOf(secretsOf(room, [first!.key]), JSON.stringify(room.candidate.received), 'candidate socket events');

    // After a reload the candidate sees the fired twist (from the database), and still nothing interviewer-only.
    const after = await room.candidate.data<SessionView>('session:get', { sessionId: room.sessionId });
    expect(after.rounds[0]!.firedTwists).toEqual([broadcast.twist]);
    expectNoneOf(secretsOf(room, [first!.key]), JSON.stringify(after), 'candidate view after');
    for (const rsc of [false, true]) {
      const page = await fetchPage(candidateHttp, `/sessions/${room.sessionId}`, rsc);
      expect(page.text).toContain(searchable(first!.prompt));
      expectNoneOf(secretsOf(room, [first!.key]), page.text, `candidate room ${rsc ? 'RSC' : 'HTML'} after`);
      expect(page.text).not.toContain(searchable(second!.prompt));
    }
  });

  it('fires a twist once however often it is asked, one after another or at once', async () => {
    const room = await designRoom();
    const [first, second] = room.question.guide!.twists;

    const one = await fire(room.interviewer, room, first!.key);
    const again = await fire(room.interviewer, room, first!.key);
    expect(one.ok && again.ok).toBe(true);
    if (!one.ok || !again.ok) return;
    expect(again.data.twist).toEqual(one.data.twist);

    const racing = await Promise.all([fire(room.interviewer, room, second!.key), fire(room.interviewer, room, second!.key)]);
    expect(racing.every((answer) => answer.ok)).toBe(true);
    expect(new Set(racing.map((answer) => (answer.ok ? answer.data.twist.id : null))).size).toBe(1);

    expect(await live.db.firedTwist.count({ where: { sessionId: room.sessionId } })).toBe(2);
    expect(await live.db.sessionEvent.count({ where: { sessionId: room.sessionId, type: 'twist.fired' } })).toBe(2);
    await room.candidate.data('clock:ping');
    expect(room.candidate.eventsOf('twist:fired')).toHaveLength(2);
  });

  it('refuses to fire unless the round is running, saying why', async () => {
    const room = await designRoom({ start: false });
    const key = room.question.guide!.twists[0]!.key;
    await room.interviewer.data('session:start', { sessionId: room.sessionId });
    expect(await fire(room.interviewer, room, key)).toMatchObject({ ok: false, code: 'CONFLICT', message: 'Start the round before firing a twist.' });

    await room.interviewer.data('round:timer', { sessionId: room.sessionId, roundId: room.roundId, command: 'start' });
    expect(await fire(room.interviewer, room, 'no-such-twist')).toMatchObject({ ok: false, code: 'NOT_FOUND' });

    await room.interviewer.data('round:timer', { sessionId: room.sessionId, roundId: room.roundId, command: 'pause' });
    expect(await fire(room.interviewer, room, key)).toMatchObject({ ok: false, code: 'CONFLICT', message: 'The round is paused. Resume it to fire a twist.' });

    await room.interviewer.data('round:timer', { sessionId: room.sessionId, roundId: room.roundId, command: 'end' });
    expect(await fire(room.interviewer, room, key)).toMatchObject({ ok: false, code: 'CONFLICT', message: 'The round has ended, so its twists can no longer be fired.' });

    expect(await live.db.firedTwist.count({ where: { sessionId: room.sessionId } })).toBe(0);
  });

  it('puts fired twists on both reports, the probed signal on the interviewer’s only', async () => {
    const room = await designRoom();
    const twist = room.question.guide!.twists[1]!;
    const label = room.question.guide!.signalLabels[twist.probesSignalKey]!;
    await fire(room.interviewer, room, twist.key);
    const [interviewerId, candidateId] = await Promise.all(
      [room.interviewerAccount, room.candidateAccount].map(async (account) => (await live.db.user.findUniqueOrThrow({ where: { email: account.email } })).id),
    );

    const candidateReport = await getSessionReport(live.db, room.sessionId, candidateId!);
    expect(candidateReport.rounds[0]!.twists).toEqual([
      { title: twist.title, prompt: twist.prompt, firedAt: expect.any(String), firedAtElapsedMs: expect.any(Number) },
    ]);
    const interviewerReport = await getSessionReport(live.db, room.sessionId, interviewerId!);
    expect(interviewerReport.rounds[0]!.twists).toEqual([expect.objectContaining({ title: twist.title, probesSignalKey: twist.probesSignalKey, probesSignalLabel: label })]);

    const candidateHttp = await live.signIn(room.candidateAccount);
    const markdown = await (await candidateHttp.fetch(`/sessions/${room.sessionId}/report/export?format=markdown`)).text();
    expect(markdown).toContain(`Twist fired: ${twist.title}`);
    expect(markdown).not.toContain(label);
    const interviewerHttp = await live.signIn(room.interviewerAccount);
    const interviewerMarkdown = await (await interviewerHttp.fetch(`/sessions/${room.sessionId}/report/export?format=markdown`)).text();
    expect(interviewerMarkdown).toContain(`Twist fired: ${twist.title} (probes ${label})`);
  });

  it('fires a twist the interviewer wrote on their own question in the bank', async () => {
    const interviewerAccount = buildSignUpInput({ name: 'Ivy Author' });
    const candidateAccount = buildSignUpInput({ name: 'Cam Candidate' });
    const author = await registerUser(live.db, interviewerAccount);
    const candidateUser = await registerUser(live.db, candidateAccount);
    const { id: questionId } = await createQuestion(
      live.db,
      author.id,
      buildQuestionInput({
        roundKind: 'DATA_MODELING',
        twist1Title: 'Currency changes',
        twist1Prompt: 'Finance now wants revenue in the buyer’s currency at the time of sale.',
        twist1StrongAnswer: 'A dated exchange-rate dimension joined at sale time.',
        twist1Signal: 'modeling.defends-scd-choice',
      }),
    );
    const { id: sessionId } = await createSession(live.db, author.id, {
      title: 'Own twists',
      template: 'CUSTOM',
      roundKinds: ['DATA_MODELING'],
      questionIds: { '0': [questionId] },
    });
    const invite = await createInvite(live.db, sessionId, author.id, {});
    await redeemInvite(live.db, invite.token, { id: candidateUser.id, email: candidateAccount.email });
    const interviewer = await live.connect(interviewerAccount);
    const candidate = await live.connect(candidateAccount);
    const view = await interviewer.data<SessionView>('session:join', { sessionId });
    await candidate.data('session:join', { sessionId });
    const round = view.rounds[0]!;
    expect(round.questions[0]!.guide?.twists).toEqual([expect.objectContaining({ key: 'currency-changes', probesSignalKey: 'modeling.defends-scd-choice' })]);
    await interviewer.data('session:start', { sessionId });
    await interviewer.data('round:timer', { sessionId, roundId: round.id, command: 'start' });
    const ack = await interviewer.request('twist:fire', { sessionId, roundId: round.id, roundQuestionId: round.questions[0]!.id, twistKey: 'currency-changes' });
    expect(ack.ok).toBe(true);
    await eventually(candidate, () => candidate.eventsOf('twist:fired').length === 1, 'candidate hears the authored twist');
    expect(JSON.stringify(candidate.received)).not.toContain('exchange-rate dimension');
  });
});
