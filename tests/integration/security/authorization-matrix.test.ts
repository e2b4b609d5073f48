import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { registerUser } from '@/lib/auth/register-user';
import { createPeerSession } from '@/lib/peer/create-peer-session';
import { COMMAND_EVENTS, type ClientToServerEvents } from '@/lib/realtime/contract';
import { createQuestion } from '@/lib/questions/create-question';
import { createInvite } from '@/lib/sessions/create-invite';
import { createStory } from '@/lib/stories/create-story';
import { createSessionBetween } from '../../factories/session-factory';
import { buildQuestionInput } from '../../factories/question-factory';
import { buildSignUpInput } from '../../factories/user-factory';
import { HttpSession } from '../../support/http-session';
import { withLiveTestServer } from '../../support/live-test-server';
import { RoomClient } from '../../support/room-client';
import { callServerAction, findServerActionId } from '../../support/server-action';
import { PROJECT_ROOT } from '../../support/start-server';
import { encodeUpdate } from '@/lib/realtime/update-encoding';

// Who may do what, over every way in: each page, route handler, server action and socket event (one row each)
// against five viewers. "interviewer" and "candidate" are the two members of a classic session; "stranger"
// is signed in and belongs to nothing; "peer" is the creator of a role-swap peer session and is asked about
// that session (they interview its first round, which is the round every row names). Each cell gets fresh
// sessions, so a write in one cell cannot change the next. A page, action or event added without a row here
// fails the completeness checks at the bottom.
//
// Outcomes: ok | sign-in (redirect to sign-in) | →/path (another redirect) | 401 | 403 | 404 (HTTP) |
// UNAUTHENTICATED (socket handshake refused) | an error code (socket or action ack) | the start of a form error.

const live = withLiveTestServer({ SIGN_IN_MAX_ATTEMPTS_PER_IP: '1000' });

const VIEWERS = ['anonymous', 'stranger', 'candidate', 'interviewer', 'peer'] as const;
type Viewer = (typeof VIEWERS)[number];
type Outcomes = [anonymous: string, stranger: string, candidate: string, interviewer: string, peer: string];

/** What one cell's call may name: a fresh session (classic, or the peer's own for "peer") and its parts. */
interface Target {
  sessionId: string;
  roundId: string;
  /** The first planned question of that round (not asked yet: the round has not started). */
  roundQuestionId: string;
  /** A built-in SQL question the session does not use: what a swap of round 0's first question may plan. */
  swapQuestionId: string;
  editorDocumentId: string;
  notesDocumentId: string;
  /** Round 0's whiteboard (issue 23). */
  boardDocumentId: string;
  inviteId: string;
  inviteToken: string;
  /** A question the interviewer wrote. */
  questionId: string;
  interviewerId: string;
  /** Round 0's first question (one with scripted twists) and one of its twists. */
  twistRoundQuestionId: string;
  twistKey: string;
  /** A story in the candidate's ledger: private to them. */
  storyId: string;
  /** A running recording of round 0 both members consented to, and the owner's track of it (one chunk). */
  recordingId: string;
  recordingTrackId: string;
}

type Account = { id: string; email: string; password: string; name: string };
interface Cast {
  accounts: Record<Exclude<Viewer, 'anonymous'>, Account> & { partner: Account };
  http: Record<Viewer, HttpSession>;
  sockets: Partial<Record<Viewer, RoomClient>>;
}

async function account(name: string): Promise<Account> {
  const input = buildSignUpInput({ name });
  return { ...input, id: (await registerUser(live.db, input)).id };
}

let cast: Cast | undefined;
async function getCast(): Promise<Cast> {
  if (cast) return cast;
  const accounts = {
    stranger: await account('Sam Stranger'),
    candidate: await account('Cam Candidate'),
    interviewer: await account('Ivy Interviewer'),
    peer: await account('Pat Peer'),
    partner: await account('Pia Partner'),
  };
  const http = { anonymous: new HttpSession(live.server.baseUrl) } as Record<Viewer, HttpSession>;
  for (const viewer of ['stranger', 'candidate', 'interviewer', 'peer'] as const) http[viewer] = await live.signIn(accounts[viewer]);
  const sockets: Cast['sockets'] = {};
  for (const viewer of ['stranger', 'candidate', 'interviewer', 'peer'] as const) sockets[viewer] = await RoomClient.connect(http[viewer]);
  cast = { accounts, http, sockets };
  return cast;
}

async function freshTarget(viewer: Viewer): Promise<Target> {
  const { accounts } = await getCast();
  const isPeer = viewer === 'peer';
  const sessionId = isPeer
    ? (await createPeerSession(live.db, { hostId: accounts.peer.id, guestId: accounts.partner.id, roundKinds: ['SQL'], title: 'Matrix peer session' })).id
    : await createSessionBetween(live.db, accounts.interviewer.id, accounts.candidate, { title: 'Matrix session', template: 'CUSTOM', roundKinds: ['SQL', 'PYTHON_ETL'] });
  const owner = isPeer ? accounts.peer : accounts.interviewer;
  const round = await live.db.round.findFirstOrThrow({ where: { sessionId, position: 0 }, select: { id: true } });
  const roundQuestion = await live.db.roundQuestion.findFirstOrThrow({ where: { roundId: round.id }, orderBy: { position: 'asc' }, select: { id: true } });
  // A classic session keeps one notes document for the session; a peer session one per round.
  const documents = await live.db.document.findMany({
    where: { sessionId, OR: [{ roundId: round.id }, { roundId: null }] },
    select: { id: true, kind: true },
  });
  const invite = await createInvite(live.db, sessionId, owner.id, {}).catch(() => ({ id: 'no-invite', token: 'no-invite' }));
  const { id: questionId } = await createQuestion(live.db, accounts.interviewer.id, buildQuestionInput());
  const twist = await arrangeTwist(round.id);
  const used = await live.db.roundQuestion.findMany({ where: { round: { sessionId } }, select: { questionId: true } });
  const swapQuestion = await live.db.question.findFirstOrThrow({
    where: { roundKind: 'SQL', authorId: null, deletedAt: null, id: { notIn: used.map((row) => row.questionId) } },
    select: { id: true },
  });
  const { id: storyId } = await createStory(live.db, accounts.candidate.id, { title: 'Matrix story', scope: 'TEAM', competencies: ['MENTORING'] });
  return {
    sessionId,
    roundId: round.id,
    roundQuestionId: roundQuestion.id,
    swapQuestionId: swapQuestion.id,
    editorDocumentId: documents.find((document) => document.kind === 'ROUND_EDITOR')!.id,
    notesDocumentId: documents.find((document) => document.kind === 'INTERVIEWER_NOTES')!.id,
    boardDocumentId: documents.find((document) => document.kind === 'BOARD')!.id,
    inviteId: invite.id,
    inviteToken: invite.token,
    questionId,
    interviewerId: owner.id,
    twistRoundQuestionId: twist.roundQuestionId,
    twistKey: twist.twistKey,
    storyId,
    ...(await arrangeRecording(sessionId, round.id, owner.id)),
  };
}

/** Makes round 0's first question a built-in with scripted twists (the one planned may have none) and names a twist. */
async function arrangeTwist(roundId: string): Promise<{ roundQuestionId: string; twistKey: string }> {
  const planned = await live.db.roundQuestion.findMany({ where: { roundId }, select: { id: true, position: true, questionId: true } });
  const first = planned.find((question) => question.position === 0)!;
  const elsewhere = new Set(planned.filter((question) => question.position !== 0).map((question) => question.questionId));
  const builtIns = await live.db.question.findMany({
    where: { roundKind: 'SQL', authorId: null, deletedAt: null },
    select: { id: true, guide: { select: { twists: true } } },
    orderBy: { builtInSlug: 'asc' },
  });
  const twistsOf = (question: (typeof builtIns)[number]) => (question.guide?.twists ?? []) as { key: string }[];
  const picked = builtIns.find((question) => !elsewhere.has(question.id) && twistsOf(question).length > 0)!;
  await live.db.roundQuestion.update({ where: { id: first.id }, data: { questionId: picked.id } });
  return { roundQuestionId: first.id, twistKey: twistsOf(picked)[0]!.key };
}

/** A redirect's target with ids folded away, so a cell reads `→/questions` rather than a URL. */
function redirectOutcome(location: string): string {
  // A server action's redirect header reads `/path;push`.
  const url = new URL(location.replace(/;(push|replace)$/, ''), live.server.baseUrl);
  if (url.pathname === '/sign-in') return 'sign-in';
  return `→${url.pathname.replace(/\/(?=[A-Za-z0-9_-]*\d)[A-Za-z0-9_-]{20,}/g, '/:id')}${url.search.replace(/callbackUrl=[^&]*/, '')}`;
}

function httpOutcome(response: Response): string {
  const location = response.headers.get('location');
  if (location && response.status >= 300 && response.status < 400) return redirectOutcome(location);
  return response.status === 200 ? 'ok' : String(response.status);
}

/** A server action's answer: a redirect, an ack, a form state (its error message's start), or an HTTP refusal. */
function actionOutcome(result: { status: number; text: string; redirect: string | null }): string {
  if (result.redirect) return redirectOutcome(result.redirect);
  if (result.status !== 200) return String(result.status);
  if (/"ok":true/.test(result.text)) return 'ok';
  const code = /"ok":false,"code":"([A-Z_]+)"/.exec(result.text)?.[1];
  if (code) return code;
  const message = /"message":"([^"]{0,40})/.exec(result.text)?.[1];
  if (/"status":"error"/.test(result.text) || /"ok":false/.test(result.text)) return message ?? 'error';
  return 'ok';
}

type Call = (session: HttpSession, target: Target) => Promise<string>;

const page = (pattern: string, file: string) => ({
  kind: 'page' as const,
  name: `GET ${pattern}`,
  file,
  call: (async (session, target) => httpOutcome(await session.fetch(fill(pattern, target)))) satisfies Call,
});
const route = (pattern: string, file: string, method = 'GET') => ({
  kind: 'route' as const,
  name: `${method} ${pattern}`,
  file,
  call: (async (session, target) => httpOutcome(await session.fetch(fill(pattern, target), { method }))) satisfies Call,
});
const action = (file: string, exportedName: string, pagePattern: string, args: (target: Target) => unknown[]) => ({
  kind: 'action' as const,
  name: `${exportedName}`,
  file,
  exportedName,
  call: (async (session, target) => {
    const result = await callServerAction(session, fill(pagePattern, target), findServerActionId(file, exportedName), args(target));
    return actionOutcome(result);
  }) satisfies Call,
});

function fill(pattern: string, target: Target): string {
  return pattern
    .replace(':sessionId', target.sessionId)
    .replace(':questionId', target.questionId)
    .replace(':storyId', target.storyId)
    .replace(':token', target.inviteToken);
}

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
}

const questionForm = () => form(Object.fromEntries(Object.entries(buildQuestionInput()).filter(([name]) => name !== 'signalKeys' && name !== 'marker')) as Record<string, string>);
const SIGNAL = 'sql.names-partition-filter';

// Recording (issue 22)
/** A running recording of the round, with every member's consent (as if all had said yes in their browsers). */
async function arrangeRecording(sessionId: string, roundId: string, ownerId: string): Promise<{ recordingId: string; recordingTrackId: string }> {
  const members = await live.db.sessionMember.findMany({ where: { sessionId }, select: { userId: true } });
  const recording = await live.db.recording.create({
    data: {
      sessionId,
      roundId,
      requestedById: ownerId,
      status: 'RECORDING',
      startedAt: new Date(),
      consents: { create: members.map((member) => ({ userId: member.userId, isConsenting: true, answeredAt: new Date() })) },
    },
    select: { id: true },
  });
  const track = await live.db.recordingTrack.create({
    data: { id: `matrix-owner-${recording.id}`, recordingId: recording.id, userId: ownerId, startedAt: new Date(), roundElapsedMs: 0 },
  });
  const data = new Uint8Array(Buffer.from('webm-bytes'));
  await live.db.recordingChunk.create({ data: { trackId: track.id, sequence: 0, data, byteLength: data.byteLength, recordedAt: new Date(), roundElapsedMs: 0 } });
  return { recordingId: recording.id, recordingTrackId: track.id };
}
/** The owner's recorded voice over HTTP (GET to hear it, DELETE to remove it). */
const recordingTrackRoute = (method: 'GET' | 'DELETE') => ({
  kind: 'route' as const,
  name: `${method} /api/recordings/tracks/:trackId`,
  file: 'app/api/recordings/tracks/[trackId]/route.ts',
  call: (async (session, target) => httpOutcome(await session.fetch(`/api/recordings/tracks/${target.recordingTrackId}`, { method }))) satisfies Call,
});
let matrixTrack = 0;
/** One chunk of a fresh track: an Opus/WebM chunk's bytes do not matter to the server, only their size. */
const recordingChunk = (t: Target) => ({
  sessionId: t.sessionId,
  recordingId: t.recordingId,
  trackId: `matrix-track-${Date.now()}-${(matrixTrack += 1)}`,
  sequence: 0,
  trackStartedAt: Date.now(),
  trackRoundElapsedMs: 0,
  recordedAt: Date.now(),
  roundElapsedMs: 0,
  data: Buffer.from('webm-chunk').toString('base64'),
});

// prettier-ignore
const HTTP_ROWS: { row: ReturnType<typeof page | typeof route | typeof action>; expected: Outcomes }[] = [
  //                                                                                                   anonymous  stranger    candidate   interviewer peer
  { row: page('/', 'app/page.tsx'),                                                          expected: ['sign-in', 'ok',       'ok',       'ok',       'ok'] },
  { row: page('/sign-in', 'app/sign-in/page.tsx'),                                           expected: ['ok',      '→/',       '→/',       '→/',       '→/'] },
  { row: page('/sign-up', 'app/sign-up/page.tsx'),                                           expected: ['ok',      '→/',       '→/',       '→/',       '→/'] },
  { row: page('/invite/:token', 'app/invite/[token]/page.tsx'),                              expected: ['ok',      'ok',       'ok',       'ok',       'ok'] },
  { row: page('/practice', 'app/practice/page.tsx'),                                         expected: ['sign-in', 'ok',       'ok',       'ok',       'ok'] },
  { row: page('/profile', 'app/profile/page.tsx'),                                           expected: ['sign-in', 'ok',       'ok',       'ok',       'ok'] },
  { row: page('/progress', 'app/progress/page.tsx'),                                         expected: ['sign-in', 'ok',       'ok',       'ok',       'ok'] },
  { row: page('/questions', 'app/questions/page.tsx'),                                       expected: ['sign-in', 'ok',       'ok',       'ok',       'ok'] },
  { row: page('/questions/new', 'app/questions/new/page.tsx'),                               expected: ['sign-in', 'ok',       'ok',       'ok',       'ok'] },
  { row: page('/questions/:questionId', 'app/questions/[id]/page.tsx'),                      expected: ['sign-in', 'ok',       'ok',       'ok',       'ok'] },
  { row: page('/questions/:questionId/edit', 'app/questions/[id]/edit/page.tsx'),            expected: ['sign-in', '→/questions/:id', '→/questions/:id', 'ok', '→/questions/:id'] },
  { row: page('/sessions', 'app/sessions/page.tsx'),                                         expected: ['sign-in', 'ok',       'ok',       'ok',       'ok'] },
  { row: page('/sessions/new', 'app/sessions/new/page.tsx'),                                 expected: ['sign-in', 'ok',       'ok',       'ok',       'ok'] },
  { row: page('/sessions/:sessionId', 'app/sessions/[id]/page.tsx'),                         expected: ['sign-in', '404',      'ok',       'ok',       'ok'] },
  { row: page('/sessions/:sessionId/debrief', 'app/sessions/[id]/debrief/page.tsx'),         expected: ['sign-in', '404',      '404',      'ok',       'ok'] },
  { row: page('/sessions/:sessionId/feedback', 'app/sessions/[id]/feedback/page.tsx'),       expected: ['sign-in', '404',      '404',      'ok',       'ok'] },
  { row: page('/sessions/:sessionId/report', 'app/sessions/[id]/report/page.tsx'),           expected: ['sign-in', '404',      'ok',       'ok',       'ok'] },
  { row: route('/sessions/:sessionId/report/export', 'app/sessions/[id]/report/export/route.ts'), expected: ['401', '404',     'ok',       'ok',       'ok'] },
  { row: page('/stories', 'app/stories/page.tsx'),                                           expected: ['sign-in', 'ok',       'ok',       'ok',       'ok'] },
  { row: page('/stories/new', 'app/stories/new/page.tsx'),                                   expected: ['sign-in', 'ok',       'ok',       'ok',       'ok'] },
  // A story is its owner's (the candidate's) alone: to anyone else it does not exist.
  { row: page('/stories/:storyId', 'app/stories/[id]/page.tsx'),                             expected: ['sign-in', '404',      'ok',       '404',      '404'] },
  { row: route('/api/health', 'app/api/health/route.ts'),                                    expected: ['ok',      'ok',       'ok',       'ok',       'ok'] },
  { row: route('/api/auth/session', 'app/api/auth/[...nextauth]/route.ts'),                  expected: ['ok',      'ok',       'ok',       'ok',       'ok'] },
  // Recording (issue 22): a candidate hears a round only once its feedback is published (none is, here).
  { row: recordingTrackRoute('GET'),                                                         expected: ['401',     '404',      '403',      'ok',       'ok'] },
  { row: recordingTrackRoute('DELETE'),                                                      expected: ['401',     '404',      '404',      'ok',       'ok'] },
  { row: action('app/sign-up/actions.ts', 'signUpAction', '/sign-up', () => [{ status: 'idle' }, form({ name: 'X', email: 'not-an-email', password: 'x' })]),
                                                                                             expected: ['Please correct', 'Please correct', 'Please correct', 'Please correct', 'Please correct'] },
  { row: action('app/invite/[token]/actions.ts', 'joinInviteAction', '/invite/:token', (t) => [t.inviteToken, { status: 'idle' }, new FormData()]),
                                                                                             expected: ['sign-in', 'This session already has a candidate', '→/sessions/:id', 'You are the interviewer of this session', 'This invite link is not valid'] },
  { row: action('app/questions/new/actions.ts', 'createQuestionAction', '/questions/new', () => [{ status: 'idle' }, questionForm()]),
                                                                                             expected: ['sign-in', '→/questions/:id', '→/questions/:id', '→/questions/:id', '→/questions/:id'] },
  { row: action('app/questions/[id]/actions.ts', 'duplicateQuestionAction', '/questions/:questionId', (t) => [t.questionId]),
                                                                                             expected: ['sign-in', '→/questions/:id/edit', '→/questions/:id/edit', '→/questions/:id/edit', '→/questions/:id/edit'] },
  { row: action('app/questions/[id]/actions.ts', 'deleteQuestionAction', '/questions/:questionId', (t) => [t.questionId]),
                                                                                             expected: ['sign-in', '→/questions/:id', '→/questions/:id', '→/questions?deleted=1', '→/questions/:id'] },
  { row: action('app/questions/[id]/edit/actions.ts', 'updateQuestionAction', '/questions/:questionId/edit', (t) => [t.questionId, { status: 'idle' }, questionForm()]),
                                                                                             expected: ['sign-in', 'Only the author', 'Only the author', '→/questions/:id', 'Only the author'] },
  { row: action('app/sessions/new/actions.ts', 'createSessionAction', '/sessions/new', () => [{ status: 'idle', attempt: 0 }, form({ title: 'Matrix', template: 'SQL_VELOCITY_DRILL' })]),
                                                                                             expected: ['sign-in', '→/sessions/:id', '→/sessions/:id', '→/sessions/:id', '→/sessions/:id'] },
  { row: action('app/sessions/[id]/actions.ts', 'createInviteAction', '/sessions/:sessionId', (t) => [t.sessionId, { status: 'idle', attempt: 0 }, form({ inviteeEmail: '', expiresInHours: '24' })]),
                                                                                             expected: ['sign-in', 'That session does not exist', 'Only the interviewer', 'ok', 'Your partner has already joined'] },
  { row: action('app/sessions/[id]/actions.ts', 'revokeInviteAction', '/sessions/:sessionId', (t) => [t.sessionId, t.inviteId, { status: 'idle' }, new FormData()]),
                                                                                             expected: ['sign-in', 'That session does not exist', 'Only the interviewer', 'ok', 'That invite does not exist'] },
  // Only the round's interviewer, before it starts (the peer interviews round 0 of their session).
  { row: action('app/sessions/[id]/actions.ts', 'swapPlannedQuestionAction', '/sessions/:sessionId', (t) => [t.sessionId, t.roundQuestionId, { status: 'idle' }, form({ questionId: t.swapQuestionId })]),
                                                                                             expected: ['sign-in', 'That session does not exist', 'Only the interviewer of this round', 'ok', 'ok'] },
  { row: action('app/sessions/[id]/debrief/actions.ts', 'saveScorecardAction', '/sessions/:sessionId/debrief', (t) => [t.sessionId, { type: 'signal', roundId: t.roundId, signalKey: SIGNAL, rating: 'E5' }]),
                                                                                             expected: ['UNAUTHENTICATED', 'NOT_FOUND', 'FORBIDDEN', 'ok', 'ok'] },
  // CONFLICT: past every access check, refused because the session is not completed yet.
  { row: action('app/sessions/[id]/debrief/actions.ts', 'publishFeedbackAction', '/sessions/:sessionId/debrief', (t) => [t.sessionId]),
                                                                                             expected: ['UNAUTHENTICATED', 'NOT_FOUND', 'FORBIDDEN', 'CONFLICT', 'CONFLICT'] },
  { row: action('app/sessions/[id]/debrief/actions.ts', 'unpublishFeedbackAction', '/sessions/:sessionId/debrief', (t) => [t.sessionId]),
                                                                                             expected: ['UNAUTHENTICATED', 'NOT_FOUND', 'FORBIDDEN', 'ok', 'ok'] },
  { row: action('app/sessions/[id]/debrief/actions.ts', 'saveLoopCallAction', '/sessions/:sessionId/debrief', (t) => [t.sessionId, { status: 'idle', attempt: 0 }, form({ staffBarCall: 'NOT_YET', rationale: 'r' })]),
                                                                                             expected: ['Your sign-in has expired', 'That session does not exist', 'Only the interviewers', 'ok', 'ok'] },
  // Members get NOT_FOUND too: the round has not started, so its question was never asked (tests/integration/sql-check covers the rest).
  { row: action('app/sessions/[id]/report/actions.ts', 'runSqlCheckAction', '/sessions/:sessionId/report', (t) => [t.sessionId, t.roundId, t.roundQuestionId]),
                                                                                             expected: ['UNAUTHENTICATED', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND'] },
  { row: action('app/sessions/[id]/feedback/actions.ts', 'rateFeedbackAction', '/sessions/:sessionId/feedback', (t) => [{ sessionId: t.sessionId, roundId: t.roundId, interviewerId: t.interviewerId, quality: 'helpful', value: true }]),
                                                                                             expected: ['sign-in', 'That session does not exist', 'Only the candidate of a round', 'Only the candidate of a round', 'Only the candidate of a round'] },
  { row: action('app/stories/new/actions.ts', 'createStoryAction', '/stories/new', () => [{ status: 'idle', attempt: 0 }, form({ title: 'Matrix story', scope: 'TEAM' })]),
                                                                                             expected: ['sign-in', '→/stories', '→/stories', '→/stories', '→/stories'] },
  { row: action('app/stories/[id]/actions.ts', 'updateStoryAction', '/stories/:storyId', (t) => [t.storyId, { status: 'idle', attempt: 0 }, form({ title: 'Renamed story', scope: 'ORG' })]),
                                                                                             expected: ['sign-in', 'That story does not exist', '→/stories', 'That story does not exist', 'That story does not exist'] },
  { row: action('app/stories/[id]/actions.ts', 'deleteStoryAction', '/stories/:storyId', (t) => [t.storyId]),
                                                                                             expected: ['UNAUTHENTICATED', 'NOT_FOUND', 'ok', 'NOT_FOUND', 'NOT_FOUND'] },
  // The owner gets past every access check and is refused only because the matrix round is not behavioral.
  { row: action('app/stories/[id]/actions.ts', 'linkStoryTellingAction', '/stories/:storyId', (t) => [t.storyId, { status: 'idle', attempt: 0 }, form({ roundId: t.roundId })]),
                                                                                             expected: ['Your sign-in has expired', 'That story does not exist', 'Choose a behavioral round', 'That story does not exist', 'That story does not exist'] },
  { row: action('app/stories/[id]/actions.ts', 'unlinkStoryTellingAction', '/stories/:storyId', (t) => [t.storyId, t.roundId]),
                                                                                             expected: ['UNAUTHENTICATED', 'NOT_FOUND', 'ok', 'NOT_FOUND', 'NOT_FOUND'] },
];

/** One socket row: the events sent first (their answers ignored), then the event under test. */
interface SocketRow {
  before?: (target: Target) => [string, unknown][];
  payload: (target: Target) => unknown;
  expected: Outcomes;
  /** Makes the session LIVE first (as its interviewer would), for commands only a running session accepts. */
  isLive?: boolean;
  /** Ends round 0 first and closes its documents (as ending it would), whoever the viewer is. */
  isRoundEnded?: boolean;
}

const join = (t: Target): [string, unknown] => ['session:join', { sessionId: t.sessionId }];
/** The round's clock started (or ended), as its interviewer would; refused (and harmless) for anyone else. */
const startRound = (t: Target): [string, unknown] => ['round:timer', { sessionId: t.sessionId, roundId: t.roundId, command: 'start' }];
const endRound = (t: Target): [string, unknown] => ['round:timer', { sessionId: t.sessionId, roundId: t.roundId, command: 'end' }];
const joinCall = (t: Target): [string, unknown] => ['call:join', { sessionId: t.sessionId, isMuted: false, isCameraOff: false }];
const joinEditor = (t: Target): [string, unknown][] => [join(t), ['doc:join', { sessionId: t.sessionId, documentId: t.editorDocumentId }]];
const joinBoard = (t: Target): [string, unknown][] => [join(t), ['doc:join', { sessionId: t.sessionId, documentId: t.boardDocumentId }]];
/** A shape drawn on the board, as the board binding stores it (lib/boards/board-binding.ts). */
function boardUpdate(): string {
  const doc = new Y.Doc();
  doc.getMap('elements').set('matrix-shape', { id: 'matrix-shape', type: 'rectangle', version: 1, versionNonce: 1 });
  return encodeUpdate(Y.encodeStateAsUpdate(doc));
}
function yjsUpdate(): string {
  const doc = new Y.Doc();
  doc.getText('content').insert(0, 'x');
  return encodeUpdate(Y.encodeStateAsUpdate(doc));
}

// Typed by the contract: an event added to ClientToServerEvents without a row here does not compile.
// prettier-ignore
const SOCKET_ROWS: Record<keyof ClientToServerEvents, SocketRow> = {
  //                                                                                                                        anonymous          stranger      candidate     interviewer  peer
  'auth:whoami':       { payload: () => undefined,                                                               expected: ['UNAUTHENTICATED', 'ok',         'ok',         'ok',        'ok'] },
  'clock:ping':        { payload: () => undefined,                                                               expected: ['UNAUTHENTICATED', 'ok',         'ok',         'ok',        'ok'] },
  'session:join':      { payload: (t) => ({ sessionId: t.sessionId }),                                           expected: ['UNAUTHENTICATED', 'NOT_FOUND',  'ok',         'ok',        'ok'] },
  'session:get':       { before: (t) => [join(t)], payload: (t) => ({ sessionId: t.sessionId }),                 expected: ['UNAUTHENTICATED', 'FORBIDDEN',  'ok',         'ok',        'ok'] },
  'session:start':     { before: (t) => [join(t)], payload: (t) => ({ sessionId: t.sessionId }),                 expected: ['UNAUTHENTICATED', 'FORBIDDEN',  'FORBIDDEN',  'ok',        'ok'] },
  'session:complete':  { before: (t) => [join(t)], payload: (t) => ({ sessionId: t.sessionId }), isLive: true,   expected: ['UNAUTHENTICATED', 'FORBIDDEN',  'FORBIDDEN',  'ok',        'ok'] },
  'round:timer':       { before: (t) => [join(t)], payload: (t) => ({ sessionId: t.sessionId, roundId: t.roundId, command: 'start' }), isLive: true,
                                                                                                                 expected: ['UNAUTHENTICATED', 'FORBIDDEN',  'FORBIDDEN',  'ok',        'ok'] },
  'round:reveal-next': { before: (t) => [join(t), startRound(t)], payload: (t) => ({ sessionId: t.sessionId, roundId: t.roundId }), isLive: true,
                                                                                                                 expected: ['UNAUTHENTICATED', 'FORBIDDEN',  'FORBIDDEN',  'ok',        'ok'] },
  'round:advance':     { before: (t) => [join(t), startRound(t), endRound(t)], payload: (t) => ({ sessionId: t.sessionId, roundId: t.roundId }), isLive: true,
                                                                                                                 expected: ['UNAUTHENTICATED', 'FORBIDDEN',  'FORBIDDEN',  'ok',        'ok'] },
  'doc:join':          { before: (t) => [join(t)], payload: (t) => ({ sessionId: t.sessionId, documentId: t.notesDocumentId }),
                                                                                                                 expected: ['UNAUTHENTICATED', 'NOT_FOUND',  'NOT_FOUND',  'ok',        'ok'] },
  'doc:update':        { before: joinEditor, payload: (t) => ({ sessionId: t.sessionId, documentId: t.editorDocumentId, update: yjsUpdate(), clientUpdateId: `matrix-${Date.now()}` }), isLive: true,
                                                                                                                 expected: ['UNAUTHENTICATED', 'FORBIDDEN',  'ok',         'ok',        'ok'] },
  'doc:leave':         { before: joinEditor, payload: (t) => ({ sessionId: t.sessionId, documentId: t.editorDocumentId }),
                                                                                                                 expected: ['UNAUTHENTICATED', 'FORBIDDEN',  'ok',         'ok',        'ok'] },
  'awareness:update':  { before: joinEditor, payload: (t) => ({ sessionId: t.sessionId, documentId: t.editorDocumentId, update: encodeUpdate(new Uint8Array([0])) }),
                                                                                                                 expected: ['UNAUTHENTICATED', 'FORBIDDEN',  'ok',         'ok',        'ok'] },
  // Starting the round reveals its first question, the one arrangeTwist gave twists.
  'twist:fire':        { before: (t) => [join(t), startRound(t)], payload: (t) => ({ sessionId: t.sessionId, roundId: t.roundId, roundQuestionId: t.twistRoundQuestionId, twistKey: t.twistKey }), isLive: true,
                                                                                                                 expected: ['UNAUTHENTICATED', 'FORBIDDEN',  'FORBIDDEN',  'ok',        'ok'] },
  'rubric:get':        { before: (t) => [join(t)], payload: (t) => ({ sessionId: t.sessionId, roundId: t.roundId }),
                                                                                                                 expected: ['UNAUTHENTICATED', 'FORBIDDEN',  'FORBIDDEN',  'ok',        'ok'] },
  'rubric:save':       { before: (t) => [join(t)], payload: (t) => ({ sessionId: t.sessionId, command: { type: 'signal', roundId: t.roundId, signalKey: SIGNAL, rating: 'E5' } }),
                                                                                                                 expected: ['UNAUTHENTICATED', 'FORBIDDEN',  'FORBIDDEN',  'ok',        'ok'] },
  'match:request':     { before: () => [['match:cancel', undefined]], payload: () => ({ roundKinds: ['SQL'], level: 'E5', window: { kind: 'now' } }),
                                                                                                                 expected: ['UNAUTHENTICATED', 'ok',         'ok',         'ok',        'ok'] },
  'match:cancel':      { payload: () => undefined,                                                               expected: ['UNAUTHENTICATED', 'ok',         'ok',         'ok',        'ok'] },
  // Recording (issue 22): members only; only who runs the session may ask; a stranger is never in the room.
  'recording:request': { before: (t) => [join(t)], payload: (t) => ({ sessionId: t.sessionId }),                 expected: ['UNAUTHENTICATED', 'FORBIDDEN',  'FORBIDDEN',  'ok',        'ok'] },
  'recording:consent': { before: (t) => [join(t)], payload: (t) => ({ sessionId: t.sessionId, recordingId: t.recordingId, isConsenting: true }),
                                                                                                                 expected: ['UNAUTHENTICATED', 'FORBIDDEN',  'ok',         'ok',        'ok'] },
  'recording:stop':    { before: (t) => [join(t)], payload: (t) => ({ sessionId: t.sessionId, recordingId: t.recordingId }),
                                                                                                                 expected: ['UNAUTHENTICATED', 'FORBIDDEN',  'ok',         'ok',        'ok'] },
  'recording:get':     { before: (t) => [join(t)], payload: (t) => ({ sessionId: t.sessionId }),                 expected: ['UNAUTHENTICATED', 'FORBIDDEN',  'ok',         'ok',        'ok'] },
  'recording:chunk':   { before: (t) => [join(t)], payload: recordingChunk,                                      expected: ['UNAUTHENTICATED', 'FORBIDDEN',  'ok',         'ok',        'ok'] },
  'recording:delete-mine': { before: (t) => [join(t)], payload: (t) => ({ sessionId: t.sessionId, recordingId: t.recordingId }),
                                                                                                                 expected: ['UNAUTHENTICATED', 'FORBIDDEN',  'ok',         'ok',        'ok'] },
  // Calls (issue 22). Any member may be in the call, from the lobby on; a stranger never gets past the session's
  // room. A signal needs a recipient in the same call: here there is none, so a member's is refused NOT_FOUND
  // (past every membership check); tests/integration/calls/call-signalling.test.ts relays real ones.
  'call:join':         { before: (t) => [join(t)], payload: (t) => ({ sessionId: t.sessionId, isMuted: false, isCameraOff: true }),
                                                                                                                 expected: ['UNAUTHENTICATED', 'FORBIDDEN',  'ok',         'ok',        'ok'] },
  'call:leave':        { before: (t) => [join(t), joinCall(t)], payload: (t) => ({ sessionId: t.sessionId }),  expected: ['UNAUTHENTICATED', 'FORBIDDEN',  'ok',         'ok',        'ok'] },
  'call:state':        { before: (t) => [join(t), joinCall(t)], payload: (t) => ({ sessionId: t.sessionId, isMuted: true, isCameraOff: true }),
                                                                                                                 expected: ['UNAUTHENTICATED', 'FORBIDDEN',  'ok',         'ok',        'ok'] },
  'call:signal':       { before: (t) => [join(t), joinCall(t)], payload: (t) => ({ sessionId: t.sessionId, to: 'nobody-in-this-call', description: { type: 'offer', sdp: 'v=0' } }),
                                                                                                                 expected: ['UNAUTHENTICATED', 'FORBIDDEN',  'NOT_FOUND',  'NOT_FOUND', 'NOT_FOUND'] },
  // Issue 23: the board. Only its interviewer shows or hides it.
  'round:board':       { before: (t) => [join(t)], payload: (t) => ({ sessionId: t.sessionId, roundId: t.roundId, isEnabled: true }), isLive: true,
                                                                                                                 expected: ['UNAUTHENTICATED', 'FORBIDDEN',  'FORBIDDEN',  'ok',        'ok'] },
  // Issue 24: the SQL colours of round 0's editor (an SQL round). Only its interviewer turns them on or off.
  'round:sql-highlighting': { before: (t) => [join(t)], payload: (t) => ({ sessionId: t.sessionId, roundId: t.roundId, isEnabled: true }), isLive: true,
                                                                                                                 expected: ['UNAUTHENTICATED', 'FORBIDDEN',  'FORBIDDEN',  'ok',        'ok'] },
};

// More rows for events above, against other targets: the round's board (issue 23) is a document every member
// may open and draw on, which a stranger cannot find, and which is read-only for everyone once the round ended.
// prettier-ignore
const MORE_SOCKET_ROWS: { event: keyof ClientToServerEvents; name: string; row: SocketRow }[] = [
  { event: 'doc:join', name: 'doc:join (board)', row: { before: (t) => [join(t)], payload: (t) => ({ sessionId: t.sessionId, documentId: t.boardDocumentId }),
                                                                                                                 expected: ['UNAUTHENTICATED', 'NOT_FOUND',  'ok',         'ok',        'ok'] } },
  { event: 'doc:update', name: 'doc:update (board)', row: { before: joinBoard, payload: (t) => ({ sessionId: t.sessionId, documentId: t.boardDocumentId, update: boardUpdate(), clientUpdateId: `matrix-${Date.now()}` }), isLive: true,
                                                                                                                 expected: ['UNAUTHENTICATED', 'FORBIDDEN',  'ok',         'ok',        'ok'] } },
  { event: 'awareness:update', name: 'awareness:update (board)', row: { before: joinBoard, payload: (t) => ({ sessionId: t.sessionId, documentId: t.boardDocumentId, update: encodeUpdate(new Uint8Array([0])) }),
                                                                                                                 expected: ['UNAUTHENTICATED', 'FORBIDDEN',  'ok',         'ok',        'ok'] } },
  { event: 'doc:join', name: 'doc:join (board, round ended)', row: { before: (t) => [join(t)], payload: (t) => ({ sessionId: t.sessionId, documentId: t.boardDocumentId }), isLive: true, isRoundEnded: true,
                                                                                                                 expected: ['UNAUTHENTICATED', 'NOT_FOUND',  'ok',         'ok',        'ok'] } },
  { event: 'doc:update', name: 'doc:update (board, round ended)', row: { before: joinBoard, payload: (t) => ({ sessionId: t.sessionId, documentId: t.boardDocumentId, update: boardUpdate(), clientUpdateId: `matrix-${Date.now()}` }), isLive: true, isRoundEnded: true,
                                                                                                                 expected: ['UNAUTHENTICATED', 'FORBIDDEN',  'FORBIDDEN',  'FORBIDDEN', 'FORBIDDEN'] } },
];

async function socketOutcome(viewer: Viewer, event: string, row: SocketRow, target: Target): Promise<string> {
  const { http, sockets } = await getCast();
  if (viewer === 'anonymous') {
    const outcome = await RoomClient.connect(http.anonymous).then(
      (client) => (client.close(), 'connected'),
      (error: Error) => error.message,
    );
    return outcome;
  }
  const client = sockets[viewer]!;
  if (row.isLive) await live.db.interviewSession.update({ where: { id: target.sessionId }, data: { status: 'LIVE', startedAt: new Date() } });
  if (row.isRoundEnded) {
    await live.db.round.update({ where: { id: target.roundId }, data: { status: 'ENDED', startedAt: new Date(), endedAt: new Date() } });
    await live.db.document.updateMany({ where: { roundId: target.roundId }, data: { isReadOnly: true } });
  }
  for (const [before, payload] of row.before?.(target) ?? []) await client.request(before, payload);
  const ack = await client.request(event, row.payload(target));
  return ack.ok ? 'ok' : ack.code;
}

/** MATRIX_DISCOVER=1 prints the whole table as observed, to write a new row's expectations from. */
const DISCOVER = process.env.MATRIX_DISCOVER === '1';

describe('authorization matrix', () => {
  it('answers every route, action and socket event as the table says, for every viewer', async () => {
    const { http } = await getCast();
    const actual: string[] = [];
    const mismatches: string[] = [];
    const record = (name: string, viewer: Viewer, expected: string, outcome: string) => {
      if (!outcome.startsWith(expected)) mismatches.push(`${name} as ${viewer}: expected ${expected}, got ${outcome}`);
    };
    for (const { row, expected } of HTTP_ROWS) {
      const outcomes: string[] = [];
      for (const [index, viewer] of VIEWERS.entries()) {
        const outcome = await row.call(http[viewer], await freshTarget(viewer));
        outcomes.push(outcome);
        record(row.name, viewer, expected[index]!, outcome);
      }
      actual.push(`${row.name}: ${JSON.stringify(outcomes)}`);
    }
    for (const [event, row] of Object.entries(SOCKET_ROWS)) {
      const outcomes: string[] = [];
      for (const [index, viewer] of VIEWERS.entries()) {
        const outcome = await socketOutcome(viewer, event, row, await freshTarget(viewer));
        outcomes.push(outcome);
        record(event, viewer, row.expected[index]!, outcome);
      }
      actual.push(`${event}: ${JSON.stringify(outcomes)}`);
    }
    for (const { event, name, row } of MORE_SOCKET_ROWS) {
      const outcomes: string[] = [];
      for (const [index, viewer] of VIEWERS.entries()) {
        const outcome = await socketOutcome(viewer, event, row, await freshTarget(viewer));
        outcomes.push(outcome);
        record(name, viewer, row.expected[index]!, outcome);
      }
      actual.push(`${name}: ${JSON.stringify(outcomes)}`);
    }
    if (DISCOVER) console.log(actual.join('\n'));
    expect(mismatches).toEqual([]);
    // ~260 cells, each with fresh sessions: half a minute alone, longer beside other files on two cores.
  }, 300_000);

  it('has a row for every page, route handler, server action and socket event there is', () => {
    const appFiles = (function walk(dir: string): string[] {
      return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory() ? walk(path.join(dir, entry.name)) : /^(page\.tsx|route\.ts)$/.test(entry.name) ? [path.relative(PROJECT_ROOT, path.join(dir, entry.name))] : [],
      );
    })(path.join(PROJECT_ROOT, 'app'));
    const coveredFiles = new Set(HTTP_ROWS.filter(({ row }) => row.kind !== 'action').map(({ row }) => row.file));
    expect([...appFiles].sort()).toEqual([...coveredFiles].sort());

    const manifest = JSON.parse(readFileSync(path.join(PROJECT_ROOT, '.next/server/server-reference-manifest.json'), 'utf8')) as {
      node: Record<string, { filename: string; exportedName: string }>;
    };
    const actions = new Set(Object.values(manifest.node).map((entry) => `${entry.filename}#${entry.exportedName}`));
    const actionRows = HTTP_ROWS.flatMap(({ row }) => (row.kind === 'action' ? [`${row.file}#${row.exportedName}`] : []));
    expect(actionRows.sort()).toEqual([...actions].sort());

    expect(Object.keys(SOCKET_ROWS).sort()).toEqual([...COMMAND_EVENTS].sort());
  });
});
