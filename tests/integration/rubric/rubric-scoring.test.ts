import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { registerUser } from '@/lib/auth/register-user';
import type { Ack } from '@/lib/realtime/ack';
import { findSignalsForRound, getSignal } from '@/lib/rubric/signal-catalog';
import { applyScorecardCommand } from '@/lib/scorecards/apply-scorecard-command';
import { publishFeedback, unpublishFeedback } from '@/lib/scorecards/feedback-release';
import { getDebriefView } from '@/lib/scorecards/get-debrief-view';
import { getCandidateFeedback } from '@/lib/scorecards/get-feedback-view';
import { getScorecardView } from '@/lib/scorecards/get-scorecard-view';
import { saveLoopDebrief } from '@/lib/scorecards/save-loop-debrief';
import type { ScorecardCommand } from '@/lib/scorecards/scorecard-commands.schema';
import type { ScorecardView } from '@/lib/scorecards/scorecard-view';
import type { SessionView } from '@/lib/sessions/session-view';
import { createSessionWithCandidate, type SeededSession } from '../../factories/session-factory';
import { buildSignUpInput } from '../../factories/user-factory';
import { RoomClient, eventually } from '../../support/room-client';
import { withLiveTestServer } from '../../support/live-test-server';

const live = withLiveTestServer();

const PARTITION = 'sql.names-partition-filter'; // TIMED, 120 s
const GRAIN = 'sql.states-grain-first'; // ORDERED before CTES
const CTES = 'sql.decomposes-with-ctes';

type Account = { id: string; email: string; password: string };

interface Room {
  seeded: SeededSession;
  sessionId: string;
  roundId: string;
  interviewer: RoomClient;
  candidate: RoomClient;
}

/** A SQL drill with its interviewer and candidate joined; the session and its round clock started unless told not to. */
async function liveRoom({ start = true } = {}): Promise<Room> {
  const seeded = await createSessionWithCandidate(live.db);
  const { sessionId } = seeded;
  const interviewer = await live.connect(seeded.interviewer);
  const candidate = await live.connect(seeded.candidate);
  const view = await interviewer.data<SessionView>('session:join', { sessionId });
  await candidate.data('session:join', { sessionId });
  const roundId = view.rounds[0]!.id;
  if (start) {
    await interviewer.data('session:start', { sessionId });
    await interviewer.data('round:timer', { sessionId, roundId, command: 'start' });
  }
  return { seeded, sessionId, roundId, interviewer, candidate };
}

async function registerAccount(name: string): Promise<Account> {
  const input = buildSignUpInput({ name });
  const user = await registerUser(live.db, input);
  return { ...input, id: user.id };
}

/** A second interviewer of the session (a "shadow"), connected and joined. */
async function joinedShadow(sessionId: string): Promise<{ account: Account; client: RoomClient }> {
  const account = await registerAccount('Sam Shadow');
  await live.db.sessionMember.create({ data: { sessionId, userId: account.id, role: 'INTERVIEWER' } });
  const client = await live.connect(account);
  await client.data('session:join', { sessionId });
  return { account, client };
}

const save = (client: RoomClient, sessionId: string, command: ScorecardCommand | Record<string, unknown>): Promise<Ack<ScorecardView>> =>
  client.request<ScorecardView>('rubric:save', { sessionId, command });
const saveOk = (client: RoomClient, sessionId: string, command: ScorecardCommand): Promise<ScorecardView> =>
  client.data<ScorecardView>('rubric:save', { sessionId, command });

/** The AppError code a call fails with, or 'OK'. */
const codeOf = (call: Promise<unknown>): Promise<string> => call.then(() => 'OK', (error: { code?: string }) => error.code ?? String(error));

async function codesOf(calls: Record<string, () => Promise<unknown>>): Promise<Record<string, string>> {
  const codes: Record<string, string> = {};
  for (const [name, call] of Object.entries(calls)) codes[name] = await codeOf(call());
  return codes;
}

const outcome = (ack: Ack<unknown>) => (ack.ok ? 'ok' : ack.code);
const marker = (label: string) => `${label}-${randomBytes(4).toString('hex')}`;

describe('rubric scoring over real sockets', () => {
  it('marks a signal at the round clock, keeps the first mark on a double submit, and unmarks it', async () => {
    const { sessionId, roundId, interviewer } = await liveRoom();
    const mark: ScorecardCommand = { type: 'mark', roundId, signalKey: PARTITION };
    const first = await saveOk(interviewer, sessionId, mark);
    const markedAt = first.entries[PARTITION]!.markedAtElapsedMs;
    expect(markedAt).toEqual(expect.any(Number));
    expect(markedAt).toBeGreaterThanOrEqual(0);
    expect(markedAt).toBeLessThan(30_000);

    const repeats = await Promise.all([saveOk(interviewer, sessionId, mark), saveOk(interviewer, sessionId, mark)]);
    expect(repeats.map((view) => view.entries[PARTITION]!.markedAtElapsedMs)).toEqual([markedAt, markedAt]);
    expect(await live.db.rubricAuditEntry.count({ where: { sessionId, action: 'signal.mark' } })).toBe(1);

    const unmarked = await saveOk(interviewer, sessionId, { type: 'unmark', roundId, signalKey: PARTITION });
    expect(unmarked.entries[PARTITION]!.markedAtElapsedMs).toBeNull();
    expect((await interviewer.data<ScorecardView>('rubric:get', { sessionId, roundId })).entries[PARTITION]!.markedAtElapsedMs).toBeNull();
  });

  it('keeps a lead and a shadow on their own scorecards through concurrent autosaves', async () => {
    const { sessionId, roundId, interviewer: lead } = await liveRoom();
    const { client: shadow } = await joinedShadow(sessionId);
    const keys = findSignalsForRound('SQL').map((signal) => signal.key).filter((key) => key !== CTES).slice(0, 4);
    const autosaves = (who: string, rating: 'E4' | 'E6', recommendation: 'NO' | 'YES'): ScorecardCommand[] => [
      ...keys.map((signalKey): ScorecardCommand => ({ type: 'signal', roundId, signalKey, rating })),
      ...keys.map((signalKey): ScorecardCommand => ({ type: 'signal', roundId, signalKey, note: `${who} on ${signalKey}` })),
      { type: 'wrap-up', roundId, recommendation },
      { type: 'wrap-up', roundId, strengths: `${who} strengths` },
    ];
    // Each scorecard exists before the burst; racing to create it is the last test's subject.
    await saveOk(lead, sessionId, { type: 'wrap-up', roundId, growthAreas: '' });
    await saveOk(shadow, sessionId, { type: 'wrap-up', roundId, growthAreas: '' });
    const acks = await Promise.all([
      ...autosaves('lead', 'E6', 'YES').map((command) => save(lead, sessionId, command)),
      ...autosaves('shadow', 'E4', 'NO').map((command) => save(shadow, sessionId, command)),
    ]);
    expect(acks.filter((ack) => !ack.ok)).toEqual([]);

    const expected = [[lead, 'lead', 'E6', 'YES'], [shadow, 'shadow', 'E4', 'NO']] as const;
    for (const [client, who, rating, recommendation] of expected) {
      const view = await client.data<ScorecardView>('rubric:get', { sessionId, roundId });
      expect(Object.keys(view.entries).sort()).toEqual([...keys].sort());
      for (const key of keys) expect(view.entries[key]).toMatchObject({ rating, note: `${who} on ${key}`, noteShareable: false });
      expect(view.wrapUp).toMatchObject({ recommendation, strengths: `${who} strengths`, growthAreas: '' });
    }
    expect(await live.db.scorecard.count({ where: { roundId } })).toBe(2);

    // Two fields of one fresh signal saved at the same moment: both are kept.
    await Promise.all([
      saveOk(shadow, sessionId, { type: 'signal', roundId, signalKey: CTES, rating: 'E5' }),
      saveOk(shadow, sessionId, { type: 'signal', roundId, signalKey: CTES, note: 'named steps' }),
      saveOk(shadow, sessionId, { type: 'signal', roundId, signalKey: CTES, noteShareable: true }),
    ]);
    const shadowView = await shadow.data<ScorecardView>('rubric:get', { sessionId, roundId });
    expect(shadowView.entries[CTES]).toMatchObject({ rating: 'E5', note: 'named steps', noteShareable: true });
    expect((await lead.data<ScorecardView>('rubric:get', { sessionId, roundId })).entries[CTES]).toBeUndefined();
  });

  it('refuses the candidate and a stranger, over sockets and in lib, and never tells the candidate of a save', async () => {
    const { seeded, sessionId, roundId, interviewer, candidate } = await liveRoom();
    const commands: ScorecardCommand[] = [
      { type: 'mark', roundId, signalKey: PARTITION },
      { type: 'unmark', roundId, signalKey: PARTITION },
      { type: 'signal', roundId, signalKey: PARTITION, rating: 'E6', note: 'self-assessed' },
      { type: 'wrap-up', roundId, recommendation: 'STRONG_YES' },
    ];
    expect(await candidate.request('rubric:get', { sessionId, roundId })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    for (const command of commands) expect(await save(candidate, sessionId, command)).toMatchObject({ ok: false, code: 'FORBIDDEN' });

    const secret = marker('INTERVIEWER-ONLY');
    await saveOk(interviewer, sessionId, { type: 'signal', roundId, signalKey: PARTITION, rating: 'E5', note: secret });
    await saveOk(interviewer, sessionId, { type: 'mark', roundId, signalKey: PARTITION });
    // A room broadcast sent after those saves: once the candidate has it, anything sent before it has arrived too.
    await interviewer.data('round:timer', { sessionId, roundId, command: 'pause' });
    await eventually(candidate, () => candidate.eventsOf('round:clock').some((payload) => (payload as { clock: { status: string } }).clock.status === 'PAUSED'));
    expect(candidate.eventsOf('rubric:changed')).toEqual([]);
    expect(JSON.stringify(candidate.received)).not.toContain(secret);

    const stranger = await registerAccount('Stan Stranger');
    const strangerClient = await live.connect(stranger);
    expect(await strangerClient.request('session:join', { sessionId })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    const joinFirst = { ok: false, code: 'FORBIDDEN', message: 'Join the session first.' };
    expect(await strangerClient.request('rubric:get', { sessionId, roundId })).toMatchObject(joinFirst);
    for (const command of commands) expect(await save(strangerClient, sessionId, command)).toMatchObject(joinFirst);

    const libCalls = (userId: string) => ({
      scorecard: () => getScorecardView(live.db, sessionId, roundId, userId),
      save: () => applyScorecardCommand(live.db, sessionId, userId, commands[2]!),
      debrief: () => getDebriefView(live.db, sessionId, userId),
      loopDebrief: () => saveLoopDebrief(live.db, sessionId, userId, { staffBarCall: 'ABOVE_STAFF_BAR', rationale: 'trust me' }),
      publish: () => publishFeedback(live.db, sessionId, userId),
      unpublish: () => unpublishFeedback(live.db, sessionId, userId),
      feedback: () => getCandidateFeedback(live.db, sessionId, userId),
    });
    expect(await codesOf(libCalls(seeded.candidate.id))).toEqual({
      scorecard: 'FORBIDDEN',
      save: 'FORBIDDEN',
      debrief: 'FORBIDDEN',
      loopDebrief: 'FORBIDDEN',
      publish: 'FORBIDDEN',
      unpublish: 'FORBIDDEN',
      feedback: 'NOT_FOUND', // their own feedback, not published yet
    });
    const strangerCodes = await codesOf(libCalls(stranger.id));
    expect(Object.values(strangerCodes)).toEqual(Array(7).fill('NOT_FOUND'));
    expect(await live.db.scorecard.count({ where: { sessionId } })).toBe(1);
    expect(await live.db.loopDebrief.count({ where: { sessionId } })).toBe(0);
  });

  it('answers malformed commands with INVALID_INPUT, writes nothing, and keeps saving afterwards', async () => {
    const { sessionId, roundId, interviewer } = await liveRoom();
    const { questionsAsked } = await interviewer.data<ScorecardView>('rubric:get', { sessionId, roundId });
    const malformed: Record<string, unknown>[] = [
      { type: 'signal', roundId, signalKey: 'design.names-partition-key', rating: 'E5' },
      { type: 'mark', roundId, signalKey: 'design.clarifies-sla' },
      { type: 'mark', roundId, signalKey: 'Not A Key' },
      { type: 'signal', roundId, signalKey: PARTITION, note: 'x'.repeat(4001) },
      { type: 'signal', roundId, signalKey: PARTITION, override: { verdict: 'MET' } },
      { type: 'signal', roundId, signalKey: PARTITION, override: { verdict: 'MET', reason: '   ' } },
      { type: 'signal', roundId, signalKey: PARTITION },
      { type: 'signal', roundId, signalKey: PARTITION, rating: 'E9' },
      { type: 'wrap-up', roundId, problemsSolved: questionsAsked + 1 },
      { type: 'wrap-up', roundId, problemsSolved: 1.5 },
      { type: 'explode', roundId },
    ];
    for (const command of malformed) {
      expect(await save(interviewer, sessionId, command), JSON.stringify(command).slice(0, 80)).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    }
    expect(await interviewer.request('rubric:save', { sessionId })).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(await interviewer.request('rubric:get', { sessionId: '../etc', roundId })).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(await live.db.signalScore.count({ where: { scorecard: { roundId } } })).toBe(0);
    expect(await live.db.rubricAuditEntry.count({ where: { sessionId } })).toBe(0);

    const note = 'y'.repeat(4000);
    expect((await saveOk(interviewer, sessionId, { type: 'signal', roundId, signalKey: PARTITION, note })).entries[PARTITION]!.note).toBe(note);
    const wrapped = await saveOk(interviewer, sessionId, { type: 'wrap-up', roundId, problemsSolved: questionsAsked });
    expect(wrapped.wrapUp.problemsSolved).toBe(questionsAsked);
    expect(interviewer.eventsOf('app:error')).toEqual([]);
  });

  it("sends 'rubric:changed' to the interviewer's other tab only, never back to the sender", async () => {
    const { seeded, sessionId, roundId, interviewer } = await liveRoom();
    const secondTab = await live.connect(seeded.interviewer);
    await secondTab.data('session:join', { sessionId });

    const saved = await saveOk(interviewer, sessionId, { type: 'signal', roundId, signalKey: PARTITION, note: 'from tab one' });
    await eventually(secondTab, () => secondTab.eventsOf('rubric:changed').length === 1);
    expect(secondTab.eventsOf('rubric:changed')[0]).toEqual({ sessionId, scorecard: saved });

    const back = await saveOk(secondTab, sessionId, { type: 'wrap-up', roundId, growthAreas: 'from tab two' });
    await eventually(interviewer, () => interviewer.eventsOf('rubric:changed').length >= 1);
    // Had the first save echoed to its sender, it would have arrived before this one.
    expect(interviewer.eventsOf('rubric:changed')).toEqual([{ sessionId, scorecard: back }]);
    expect(secondTab.eventsOf('rubric:changed')).toHaveLength(1);
  });

  it('publishes a completed session once, shares only shareable notes, and freezes feedback the candidate opened', async () => {
    const { seeded, sessionId, roundId, interviewer } = await liveRoom();
    const [shared, privateNote, reason] = [marker('SHARED-NOTE'), marker('PRIVATE-NOTE'), marker('OVERRIDE-REASON')];
    for (const signalKey of [PARTITION, GRAIN, CTES]) await saveOk(interviewer, sessionId, { type: 'mark', roundId, signalKey });
    await saveOk(interviewer, sessionId, { type: 'signal', roundId, signalKey: PARTITION, rating: 'E6', note: shared, noteShareable: true });
    await saveOk(interviewer, sessionId, { type: 'signal', roundId, signalKey: GRAIN, note: privateNote, override: { verdict: 'NOT_MET', reason } });
    await saveOk(interviewer, sessionId, { type: 'wrap-up', roundId, recommendation: 'YES' });

    const publish = () => publishFeedback(live.db, sessionId, seeded.interviewer.id);
    expect(await codeOf(publish())).toBe('CONFLICT'); // the session is still live
    await interviewer.data('session:complete', { sessionId });
    const first = await publish();
    expect(first.openedAt).toBeNull();
    expect(await publish()).toEqual(first);
    expect(await live.db.feedbackRelease.count({ where: { sessionId } })).toBe(1);

    const feedback = await getCandidateFeedback(live.db, sessionId, seeded.candidate.id);
    const json = JSON.stringify(feedback);
    expect(json).toContain(shared);
    expect(json).not.toContain(privateNote);
    expect(json).not.toContain(reason);
    const signals = feedback.rounds[0]!.scorecards[0]!.signals;
    expect(signals.find((signal) => signal.key === PARTITION)).toMatchObject({
      rating: 'E6',
      ratingAnchor: getSignal(PARTITION).anchors.E6,
      sharedNote: shared,
      judgement: 'MET',
      isMet: true,
    });
    expect(signals.find((signal) => signal.key === GRAIN)).toMatchObject({ sharedNote: null, judgement: 'MET', isMet: false, isOverridden: true });

    // Opened: it can neither be taken back nor edited.
    expect(await codeOf(unpublishFeedback(live.db, sessionId, seeded.interviewer.id))).toBe('CONFLICT');
    expect(await save(interviewer, sessionId, { type: 'signal', roundId, signalKey: PARTITION, rating: 'E4' })).toMatchObject({ ok: false, code: 'CONFLICT' });

    const audit = await live.db.rubricAuditEntry.findMany({ where: { sessionId }, orderBy: { id: 'asc' } });
    expect(audit.every((line) => line.actorId === seeded.interviewer.id)).toBe(true);
    const actions = ['signal.mark', 'signal.mark', 'signal.mark', 'signal.save', 'signal.save', 'wrap-up.save', 'feedback.publish'];
    expect(audit.map((line) => line.action)).toEqual(actions);
  });

  it('locks the scorecard while published and unpublishing before the candidate opens it allows edits again', async () => {
    const { seeded, sessionId, roundId, interviewer } = await liveRoom();
    const interviewerId = seeded.interviewer.id;
    await saveOk(interviewer, sessionId, { type: 'signal', roundId, signalKey: CTES, rating: 'E5' });
    await interviewer.data('session:complete', { sessionId });
    await publishFeedback(live.db, sessionId, interviewerId);

    expect(await save(interviewer, sessionId, { type: 'signal', roundId, signalKey: CTES, rating: 'E6' })).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(await save(interviewer, sessionId, { type: 'wrap-up', roundId, recommendation: 'NO' })).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(await codeOf(saveLoopDebrief(live.db, sessionId, interviewerId, { staffBarCall: 'NOT_YET', rationale: '' }))).toBe('CONFLICT');
    expect((await interviewer.data<ScorecardView>('rubric:get', { sessionId, roundId })).lockedReason).toEqual(expect.any(String));

    await unpublishFeedback(live.db, sessionId, interviewerId);
    await unpublishFeedback(live.db, sessionId, interviewerId); // a second click changes nothing
    const edited = await saveOk(interviewer, sessionId, { type: 'signal', roundId, signalKey: CTES, rating: 'E6' });
    expect(edited).toMatchObject({ lockedReason: null, entries: { [CTES]: { rating: 'E6' } } });
    expect(await codeOf(getCandidateFeedback(live.db, sessionId, seeded.candidate.id))).toBe('NOT_FOUND');

    const audit = await live.db.rubricAuditEntry.findMany({ where: { sessionId }, orderBy: { id: 'asc' } });
    expect(audit.map((line) => [line.action, line.actorId])).toEqual([
      ['signal.save', interviewerId],
      ['feedback.publish', interviewerId],
      ['feedback.unpublish', interviewerId],
      ['signal.save', interviewerId],
    ]);
  });

  // Double clicks, two tabs and an autosave of two fields all send "first writes" at the same moment.
  it('accepts first writes sent at the same moment: a new scorecard, a new mark, a second publish', async () => {
    const { seeded, sessionId, roundId, interviewer } = await liveRoom();
    const firstSaves = await Promise.all([
      save(interviewer, sessionId, { type: 'signal', roundId, signalKey: PARTITION, rating: 'E5' }),
      save(interviewer, sessionId, { type: 'signal', roundId, signalKey: CTES, note: 'named steps' }),
      save(interviewer, sessionId, { type: 'wrap-up', roundId, strengths: 'clear grain' }),
    ]);
    expect.soft(firstSaves.map(outcome), 'first saves of a new scorecard').toEqual(['ok', 'ok', 'ok']);

    await saveOk(interviewer, sessionId, { type: 'signal', roundId, signalKey: PARTITION, rating: 'E5' });
    const firstMarks = await Promise.all([0, 1].map(() => save(interviewer, sessionId, { type: 'mark', roundId, signalKey: GRAIN })));
    expect.soft(firstMarks.map(outcome), 'double submit of a first mark').toEqual(['ok', 'ok']);

    await interviewer.data('session:complete', { sessionId });
    const publishes = await Promise.all([0, 1, 2].map(() => codeOf(publishFeedback(live.db, sessionId, seeded.interviewer.id))));
    expect.soft(publishes, 'double publish').toEqual(['OK', 'OK', 'OK']);
    expect(await live.db.feedbackRelease.count({ where: { sessionId } })).toBe(1);
  });
});
