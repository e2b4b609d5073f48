import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { registerUser } from '@/lib/auth/register-user';
import type { Ack } from '@/lib/realtime/ack';
import { getSignal } from '@/lib/rubric/signal-catalog';
import { saveLoopDebrief } from '@/lib/scorecards/save-loop-debrief';
import type { SessionReport } from '@/lib/history/session-report';
import type { ScorecardView } from '@/lib/scorecards/scorecard-view';
import { createInvite } from '@/lib/sessions/create-invite';
import { createSession } from '@/lib/sessions/create-session';
import { redeemInvite } from '@/lib/sessions/redeem-invite';
import type { SessionView } from '@/lib/sessions/session-view';
import { buildSignUpInput } from '../../factories/user-factory';
import type { HttpSession } from '../../support/http-session';
import { withLiveTestServer } from '../../support/live-test-server';
import { expectNoneOf, fetchPage, searchable } from '../../support/page-text';
import type { RoomClient } from '../../support/room-client';
import { callServerAction, findServerActionId } from '../../support/server-action';
import { encodeUpdate } from '@/lib/realtime/update-encoding';

// A peer session (PEER_SWAP, SQL): A interviews B in round 1, B interviews A in round 2 on other questions.
// Whatever is interviewer-only in a round (guides, rubric, notes, scorecards) reaches that round's interviewer
// and nobody else, over every channel: socket events, page HTML, RSC payloads, server actions, the export route.

const live = withLiveTestServer();
const DEBRIEF_ACTIONS = 'app/sessions/[id]/debrief/actions.ts';
const PARTITION = getSignal('sql.names-partition-filter');
const GRAIN = getSignal('sql.states-grain-first');

type Account = { id: string; email: string; password: string; name: string };

/** What one peer writes, as the interviewer of their round, that the other must never see (shared: until published). */
interface Side {
  account: Account;
  roundId: string;
  notesDocumentId: string;
  questionIds: string[];
  /** The interviewer guides of the round's questions: solutions and first hints. */
  guideTexts: string[];
  notesText: string;
  privateNote: string;
  overrideReason: string;
  sharedNote: string;
  /** The loop call's rationale: about the other peer, published with the scorecards. */
  loopRationale: string;
}

interface Peers {
  sessionId: string;
  a: Side;
  b: Side;
}

async function createAccount(name: string): Promise<Account> {
  const input = buildSignUpInput({ name });
  const user = await registerUser(live.db, input);
  return { ...input, id: user.id };
}

/** A created a PEER_SWAP SQL session, B joined through A's invite. Nothing is written yet. */
async function peerSession(): Promise<Peers> {
  const tag = randomBytes(4).toString('hex');
  const a = await createAccount(`Ada Peer ${tag}`);
  const b = await createAccount(`Ben Peer ${tag}`);
  const { id: sessionId } = await createSession(live.db, a.id, { title: `Peer swap ${tag}`, template: 'PEER_SWAP', roundKinds: ['SQL'] });
  const invite = await createInvite(live.db, sessionId, a.id, {});
  await redeemInvite(live.db, invite.token, b);
  const rounds = await live.db.round.findMany({
    where: { sessionId },
    orderBy: { position: 'asc' },
    select: {
      id: true,
      documents: { where: { kind: 'INTERVIEWER_NOTES' }, select: { id: true } },
      questions: { select: { questionId: true, question: { select: { guide: { select: { solution: true, hints: true } } } } } },
    },
  });
  const side = (account: Account, index: number, who: string): Side => {
    const round = rounds[index]!;
    return {
      account,
      roundId: round.id,
      notesDocumentId: round.documents[0]!.id,
      questionIds: round.questions.map((question) => question.questionId),
      guideTexts: round.questions.flatMap(({ question }) => (question.guide ? [question.guide.solution, ...question.guide.hints.slice(0, 1)] : [])),
      notesText: `${who} notes about the other peer ${tag}`,
      privateNote: `${who} private rating note ${tag}`,
      overrideReason: `${who} override reason ${tag}`,
      sharedNote: `${who} shared note ${tag}`,
      loopRationale: `${who} loop call rationale ${tag}`,
    };
  };
  return { sessionId, a: side(a, 0, 'ada'), b: side(b, 1, 'ben') };
}

/** Everything of `side` that its candidate may never see, published or not. */
function privateTexts(side: Side): string[] {
  return [...side.guideTexts, side.notesText, side.privateNote, side.overrideReason];
}

async function joined(peers: Peers, account: Account): Promise<RoomClient> {
  const client = await live.connect(account);
  await client.data<SessionView>('session:join', { sessionId: peers.sessionId });
  return client;
}

/** The interviewer of `side`'s round scores it through the socket: a private rating note, a shared note, an override. */
async function score(client: RoomClient, peers: Peers, side: Side): Promise<void> {
  const save = (command: Record<string, unknown>) => client.data<ScorecardView>('rubric:save', { sessionId: peers.sessionId, command: { roundId: side.roundId, ...command } });
  await save({ type: 'signal', signalKey: PARTITION.key, rating: 'E6', note: side.privateNote });
  await save({ type: 'signal', signalKey: GRAIN.key, note: side.sharedNote, noteShareable: true });
  await save({ type: 'signal', signalKey: GRAIN.key, override: { verdict: 'MET', reason: side.overrideReason } });
  await saveLoopDebrief(live.db, peers.sessionId, side.account.id, { staffBarCall: 'MEETS_STAFF_BAR', rationale: side.loopRationale });
}

function guidesOf(view: SessionView, roundId: string): string {
  return JSON.stringify(view.rounds.find((round) => round.id === roundId)?.questions.map((question) => question.guide ?? null));
}

describe('peer sessions with role swap', () => {
  it('makes both members peers, names each round’s sides, and gives each round its own questions and notes', async () => {
    const peers = await peerSession();
    const members = await live.db.sessionMember.findMany({ where: { sessionId: peers.sessionId }, select: { userId: true, role: true } });
    expect(members.map((member) => member.role)).toEqual(['PEER', 'PEER']);
    const rounds = await live.db.round.findMany({
      where: { sessionId: peers.sessionId },
      orderBy: { position: 'asc' },
      select: { kind: true, interviewerId: true, candidateId: true, questions: { select: { questionId: true } } },
    });
    expect(rounds.map((round) => [round.kind, round.interviewerId, round.candidateId])).toEqual([
      ['SQL', peers.a.account.id, peers.b.account.id],
      ['SQL', peers.b.account.id, peers.a.account.id],
    ]);
    const [first, second] = rounds.map((round) => round.questions.map((question) => question.questionId));
    expect(first!.length).toBeGreaterThan(0);
    expect(second!.length).toBeGreaterThan(0);
    expect(first!.filter((id) => second!.includes(id))).toEqual([]);
    // Notes per round only: no session-wide notes document a peer could reach.
    expect(await live.db.document.count({ where: { sessionId: peers.sessionId, kind: 'INTERVIEWER_NOTES', roundId: null } })).toBe(0);
    // With the partner in, no more invites.
    await expect(createInvite(live.db, peers.sessionId, peers.a.account.id, {})).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('lets only one partner in, even through a second invite made before anyone joined', async () => {
    const creator = await createAccount('Cleo Creator');
    const { id: sessionId } = await createSession(live.db, creator.id, { title: 'Peer swap', template: 'PEER_SWAP', roundKinds: ['SQL'] });
    const [first, second] = [await createInvite(live.db, sessionId, creator.id, {}), await createInvite(live.db, sessionId, creator.id, {})];
    const partner = await createAccount('Pat Partner');
    const third = await createAccount('Third Wheel');
    await expect(redeemInvite(live.db, first!.token, creator)).rejects.toMatchObject({ code: 'CONFLICT' });
    await redeemInvite(live.db, first!.token, partner);
    await expect(redeemInvite(live.db, second!.token, third)).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await live.db.sessionMember.count({ where: { sessionId } })).toBe(2);
    const rounds = await live.db.round.findMany({ where: { sessionId }, orderBy: { position: 'asc' }, select: { interviewerId: true, candidateId: true } });
    expect(rounds).toEqual([
      { interviewerId: creator.id, candidateId: partner.id },
      { interviewerId: partner.id, candidateId: creator.id },
    ]);
  });

  it('over the socket, gives guides, rubric and notes of each round to its interviewer only, round 1 and then round 2', async () => {
    const peers = await peerSession();
    const { sessionId, a, b } = peers;
    const ada = await joined(peers, a.account);
    const ben = await joined(peers, b.account);
    // Either peer may start the session.
    await ben.data('session:start', { sessionId });

    // Round 1: Ada interviews.
    const adaView = await ada.data<SessionView>('session:get', { sessionId });
    const benView = await ben.data<SessionView>('session:get', { sessionId });
    expect(adaView.viewerRole).toBe('PEER');
    expect(adaView.rounds.map((round) => round.viewerRole)).toEqual(['INTERVIEWER', 'CANDIDATE']);
    expect(benView.rounds.map((round) => round.viewerRole)).toEqual(['CANDIDATE', 'INTERVIEWER']);
    for (const text of a.guideTexts) expect(guidesOf(adaView, a.roundId)).toContain(searchable(text));
    expect(adaView.rounds[0]!.notesDocumentId).toBe(a.notesDocumentId);
    expect(adaView.rounds[1]!.notesDocumentId).toBeUndefined();
    expect(adaView.notesDocumentId).toBeUndefined();
    expectNoneOf(a.guideTexts, JSON.stringify(benView), 'Ben’s view in round 1');
    expectNoneOf(b.guideTexts, JSON.stringify(adaView), 'Ada’s view in round 1');
    expect(benView.rounds[0]!.questions).toEqual([]); // nothing revealed yet, and no unrevealed question either

    expect((await ada.request('rubric:get', { sessionId, roundId: a.roundId })).ok).toBe(true);
    expect(await ben.request('rubric:get', { sessionId, roundId: a.roundId })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    await ada.openDocument(sessionId, a.notesDocumentId);
    expect((await ada.type(sessionId, a.notesDocumentId, a.notesText)).ok).toBe(true);
    const benNotes = await ben.request('doc:join', { sessionId, documentId: a.notesDocumentId, stateVector: encodeUpdate(new Uint8Array([0])) });
    expect(benNotes).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await ben.request('rubric:save', { sessionId, command: { type: 'signal', roundId: a.roundId, signalKey: PARTITION.key, note: 'tampered' } })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    // Round controls are the round interviewer's: Ben cannot run round 1's clock, Ada can.
    expect(await ben.request('round:timer', { sessionId, roundId: a.roundId, command: 'start' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect((await ada.request('round:timer', { sessionId, roundId: a.roundId, command: 'start' })).ok).toBe(true);
    expect((await ada.request('round:reveal-next', { sessionId, roundId: a.roundId })).ok).toBe(true);
    await score(ada, peers, a);
    // Revealed: Ben now sees the prompts, still no guide.
    const benRevealed = await ben.data<SessionView>('session:get', { sessionId });
    expect(benRevealed.rounds[0]!.questions.length).toBeGreaterThan(0);
    expect(benRevealed.rounds[0]!.questions.map((question) => question.guide)).toEqual(benRevealed.rounds[0]!.questions.map(() => undefined));
    expectNoneOf(privateTexts(a), JSON.stringify(benRevealed), 'Ben’s view after the reveal');
    expect(await ben.request('round:timer', { sessionId, roundId: a.roundId, command: 'end' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect((await ada.request('round:timer', { sessionId, roundId: a.roundId, command: 'end' })).ok).toBe(true);
    expect(await ben.request('round:advance', { sessionId, roundId: a.roundId })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await ada.request('round:advance', { sessionId, roundId: a.roundId })).toMatchObject({ ok: true });

    // Round 2: Ben interviews; everything is the other way round.
    expect(await ada.request('round:timer', { sessionId, roundId: b.roundId, command: 'start' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect((await ben.request('round:timer', { sessionId, roundId: b.roundId, command: 'start' })).ok).toBe(true);
    const adaView2 = await ada.data<SessionView>('session:get', { sessionId });
    const benView2 = await ben.data<SessionView>('session:get', { sessionId });
    expect(adaView2.currentRoundIndex).toBe(1);
    for (const text of b.guideTexts) expect(guidesOf(benView2, b.roundId)).toContain(searchable(text));
    expect(benView2.rounds[1]!.notesDocumentId).toBe(b.notesDocumentId);
    expect(adaView2.rounds[1]!.notesDocumentId).toBeUndefined();
    expectNoneOf(b.guideTexts, JSON.stringify(adaView2), 'Ada’s view in round 2');
    expectNoneOf(privateTexts(a), JSON.stringify(benView2), 'Ben’s view in round 2');
    expect((await ben.request('rubric:get', { sessionId, roundId: b.roundId })).ok).toBe(true);
    expect(await ada.request('rubric:get', { sessionId, roundId: b.roundId })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    await ben.openDocument(sessionId, b.notesDocumentId);
    expect((await ben.type(sessionId, b.notesDocumentId, b.notesText)).ok).toBe(true);
    expect(await ada.request('doc:join', { sessionId, documentId: b.notesDocumentId, stateVector: encodeUpdate(new Uint8Array([0])) })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    await score(ben, peers, b);

    // Neither socket ever received the other side's private text in any event.
    expectNoneOf(privateTexts(a), JSON.stringify(ben.received), 'events Ben received');
    expectNoneOf(privateTexts(b), JSON.stringify(ada.received), 'events Ada received');
    expect(await live.db.signalScore.count({ where: { note: 'tampered' } })).toBe(0);
  });

  it('over HTTP, keeps each side’s private text out of the other’s pages, RSC payloads, actions and export; after publishing, each reads the other’s feedback', async () => {
    const peers = await peerSession();
    const { sessionId, a, b } = peers;
    const ada = await joined(peers, a.account);
    const ben = await joined(peers, b.account);
    await ada.data('session:start', { sessionId });
    await ada.openDocument(sessionId, a.notesDocumentId);
    await ada.type(sessionId, a.notesDocumentId, a.notesText);
    await score(ada, peers, a);
    await ben.openDocument(sessionId, b.notesDocumentId);
    await ben.type(sessionId, b.notesDocumentId, b.notesText);
    await score(ben, peers, b);
    await ben.data('session:complete', { sessionId });

    const adaHttp = await live.signIn(a.account);
    const benHttp = await live.signIn(b.account);
    const base = `/sessions/${sessionId}`;
    const pages = [base, `${base}/debrief`, `${base}/feedback`, `${base}/report`, `${base}/report/export?format=json`, `${base}/report/export?format=markdown`];

    const checkPages = async (viewer: HttpSession, own: Side, other: Side, isPublished: boolean) => {
      const hidden = isPublished ? privateTexts(other) : [...privateTexts(other), other.sharedNote, other.loopRationale];
      for (const path of pages) {
        for (const rsc of path.includes('/export') ? [false] : [false, true]) {
          const page = await fetchPage(viewer, path, rsc);
          expect(page.status, `${path}${rsc ? ' (RSC)' : ''}`).toBe(200);
          expectNoneOf(hidden, page.text, `${own.account.name} ${path}${rsc ? ' (RSC)' : ''}`);
        }
      }
      // The question bank shows a guide to whoever interviews a round that uses the question, and only to them.
      for (const [questionIds, isOwn] of [
        [own.questionIds, true],
        [other.questionIds, false],
      ] as const) {
        for (const questionId of questionIds) {
          const page = await fetchPage(viewer, `/questions/${questionId}`);
          expect(page.status).toBe(200);
          expect(page.text).toContain(isOwn ? 'data-testid="question-guide"' : 'data-testid="guide-withheld"');
          if (!isOwn) {
            expectNoneOf(other.guideTexts, page.text, `${own.account.name} /questions/${questionId}`);
            expectNoneOf(other.guideTexts, (await fetchPage(viewer, `/questions/${questionId}`, true)).text, `${own.account.name} /questions/${questionId} (RSC)`);
          }
        }
      }
      // The control: the viewer's own private material is on their debrief and report, so the absence above means something.
      const debrief = await fetchPage(viewer, `${base}/debrief`);
      expect(debrief.text).toContain(own.privateNote);
      expect(debrief.text).toContain(own.overrideReason);
      const report = await fetchPage(viewer, `${base}/report`);
      expect(report.text).toContain(own.notesText);
      expect(report.text).toContain(own.privateNote);
    };

    await checkPages(adaHttp, a, b, false);
    await checkPages(benHttp, b, a, false);

    // Server actions: a peer cannot write on the partner's round; each can publish their own.
    const saveAction = findServerActionId(DEBRIEF_ACTIONS, 'saveScorecardAction');
    const tampered = await callServerAction(benHttp, `${base}/debrief`, saveAction, [sessionId, { type: 'signal', roundId: a.roundId, signalKey: PARTITION.key, note: 'tampered' }]);
    expect(tampered.text).toContain('"code":"FORBIDDEN"');
    expectNoneOf(privateTexts(a), tampered.text, 'refused action');
    expect(await live.db.signalScore.count({ where: { note: 'tampered' } })).toBe(0);
    expect((await ada.data<SessionView>('session:get', { sessionId })).hasPublishedFeedback).toBe(false);

    const publish = findServerActionId(DEBRIEF_ACTIONS, 'publishFeedbackAction');
    for (const viewer of [adaHttp, benHttp]) {
      const published = await callServerAction(viewer, `${base}/debrief`, publish, [sessionId]);
      expect(published.text).toContain('"ok":true');
    }
    expect((await ada.data<SessionView>('session:get', { sessionId })).hasPublishedFeedback).toBe(true);
    expect((await ben.data<SessionView>('session:get', { sessionId })).hasPublishedFeedback).toBe(true);

    await checkPages(adaHttp, a, b, true);
    await checkPages(benHttp, b, a, true);
    for (const [viewer, other] of [
      [adaHttp, b],
      [benHttp, a],
    ] as const) {
      const feedback = await fetchPage(viewer, `${base}/feedback`);
      expect(feedback.text).toContain(other.sharedNote);
      expect(feedback.text).toContain(other.loopRationale);
      expect(feedback.text).toContain('Feedback from your partner');
      const exported = JSON.parse((await fetchPage(viewer, `${base}/report/export?format=json`)).text) as SessionReport;
      expect(exported.feedback).toBe('PUBLISHED');
      const received = exported.rounds.find((round) => round.roundId === other.roundId)!;
      expect(received.viewerRole).toBe('CANDIDATE');
      expect(received.privateNotes).toBeUndefined();
      expect(received.scorecards.flatMap((card) => card.signals.map((signal) => signal.note))).toContain(other.sharedNote);
    }
    // Reading it made both releases final.
    expect(await live.db.feedbackRelease.count({ where: { sessionId, openedAt: { not: null } } })).toBe(2);
  });

  it('shows a peer nothing of the partner’s feedback until the partner publishes it', async () => {
    const peers = await peerSession();
    const { sessionId, a, b } = peers;
    const ada = await joined(peers, a.account);
    await ada.data('session:start', { sessionId });
    await score(ada, peers, a);
    await ada.data('session:complete', { sessionId });
    const ben = await joined(peers, b.account);
    const benHttp = await live.signIn(b.account);
    const feedback = await fetchPage(benHttp, `/sessions/${sessionId}/feedback`);
    // Ben has his own (empty) preview, and nothing from Ada yet.
    expect(feedback.status).toBe(200);
    expect(feedback.text).toContain('Your partner has not published their feedback yet.');
    expectNoneOf([...privateTexts(a), a.sharedNote, a.loopRationale], feedback.text, 'Ben’s feedback page');
    const view = await ben.data<SessionView>('session:get', { sessionId });
    expect(view.hasPublishedFeedback).toBe(false);
    const ack: Ack<unknown> = await ben.request('rubric:get', { sessionId, roundId: a.roundId });
    expect(ack).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });
});
