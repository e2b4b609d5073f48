// Every page of the app, in the role that matters for it, and the data that gives each something to show. Shared by
// the page-weight budget (tests/size/page-weight.ts) and the e2e pass over every page (tests/e2e/every-page.spec.ts),
// so a new page is added once and gets measured, checked for sideways scroll and run through axe.
import type { BrowserContext } from '@playwright/test';
import * as Y from 'yjs';
import type { Db } from '@/lib/db';
import { registerUser } from '@/lib/auth/register-user';
import { appendDocumentUpdates } from '@/lib/documents/document-store';
import { CONTENT_TEXT_NAME } from '@/lib/documents/document-text';
import { createQuestion } from '@/lib/questions/create-question';
import { publishFeedback } from '@/lib/scorecards/feedback-release';
import { changeSessionStatus } from '@/lib/sessions/change-session-status';
import { controlRoundTimer } from '@/lib/sessions/control-round-timer';
import { createInvite } from '@/lib/sessions/create-invite';
import { createStory } from '@/lib/stories/create-story';
import { EMPTY_STORY_FORM } from '@/lib/stories/story-form.schema';
import { STORY_SCOPES } from '@/lib/stories/story-vocabulary';
import type { PageKind } from '../size/size-budgets';
import { buildQuestionInput } from '../factories/question-factory';
import { completeScoredSession } from '../factories/scored-session-factory';
import { createSessionBetween } from '../factories/session-factory';
import { buildSignUpInput } from '../factories/user-factory';

export type PageRole = 'signed out' | 'interviewer' | 'candidate';

export interface EveryPageFixture {
  liveSessionId: string;
  /** A live data-modeling round: its editor holds two tables (so the ER diagram draws them) and its board is on. */
  modelingSessionId: string;
  completedSessionId: string;
  questionId: string;
  storyId: string;
  inviteToken: string;
}

export interface AppPage {
  name: string;
  role: PageRole;
  kind: PageKind;
  path(fixture: EveryPageFixture): string;
  /** A selector that is on screen once the page has drawn what it is for (so lazy chunks have been asked for). */
  readyWhen: string;
  /** What this person chose on an earlier visit and the browser kept (localStorage), e.g. the board's layout. */
  storedChoices?: Record<string, string>;
}

// components/room/editor-and-board.tsx keeps each person's choice of tabs or side by side under this key.
const BOARD_LAYOUT_KEY = 'mockloop.board-layout';

export const EVERY_PAGE: readonly AppPage[] = [
  { name: 'sign in', role: 'signed out', kind: 'page', path: () => '/sign-in', readyWhen: 'form' },
  { name: 'sign up', role: 'signed out', kind: 'page', path: () => '/sign-up', readyWhen: 'form' },
  { name: 'invite (signed out)', role: 'signed out', kind: 'page', path: (f) => `/invite/${f.inviteToken}`, readyWhen: 'main' },
  { name: 'home', role: 'interviewer', kind: 'page', path: () => '/', readyWhen: 'main' },
  { name: 'practice', role: 'interviewer', kind: 'page', path: () => '/practice', readyWhen: 'main' },
  { name: 'profile', role: 'interviewer', kind: 'page', path: () => '/profile', readyWhen: 'main' },
  { name: 'progress', role: 'interviewer', kind: 'page', path: () => '/progress', readyWhen: 'main' },
  { name: 'questions', role: 'interviewer', kind: 'page', path: () => '/questions', readyWhen: 'main' },
  { name: 'question', role: 'interviewer', kind: 'page', path: (f) => `/questions/${f.questionId}`, readyWhen: 'main' },
  { name: 'question: edit', role: 'interviewer', kind: 'page', path: (f) => `/questions/${f.questionId}/edit`, readyWhen: 'form' },
  { name: 'question: new', role: 'interviewer', kind: 'page', path: () => '/questions/new', readyWhen: 'form' },
  { name: 'sessions', role: 'interviewer', kind: 'page', path: () => '/sessions', readyWhen: 'main' },
  { name: 'session: new', role: 'interviewer', kind: 'page', path: () => '/sessions/new', readyWhen: 'form' },
  { name: 'room (SQL round running)', role: 'interviewer', kind: 'room', path: (f) => `/sessions/${f.liveSessionId}`, readyWhen: '.cm-editor' },
  { name: 'room (SQL round running)', role: 'candidate', kind: 'room', path: (f) => `/sessions/${f.liveSessionId}`, readyWhen: '.cm-editor' },
  // The board's rooms: the layout tabs, the ER diagram beside the editor, and (side by side) Excalidraw itself.
  {
    // It opens on the editor tab: the board (Excalidraw) is not fetched until its tab is opened.
    name: 'room (modeling round, editor and board as tabs)',
    role: 'interviewer',
    kind: 'erRoom',
    path: (f) => `/sessions/${f.modelingSessionId}`,
    readyWhen: '.room-body:has([data-testid="er-diagram"][data-table-count="2"]):has([role="tab"][aria-selected="true"])',
  },
  {
    name: 'room (modeling round, editor and board side by side)',
    role: 'candidate',
    kind: 'boardRoom',
    path: (f) => `/sessions/${f.modelingSessionId}`,
    readyWhen: '.room-body:has([data-testid="er-diagram"][data-table-count="2"]):has(.shared-board[data-synced="true"])',
    storedChoices: { [BOARD_LAYOUT_KEY]: 'split' },
  },
  { name: 'report', role: 'interviewer', kind: 'page', path: (f) => `/sessions/${f.completedSessionId}/report`, readyWhen: 'main' },
  { name: 'report', role: 'candidate', kind: 'page', path: (f) => `/sessions/${f.completedSessionId}/report`, readyWhen: 'main' },
  { name: 'debrief', role: 'interviewer', kind: 'page', path: (f) => `/sessions/${f.completedSessionId}/debrief`, readyWhen: 'main' },
  { name: 'feedback', role: 'candidate', kind: 'page', path: (f) => `/sessions/${f.completedSessionId}/feedback`, readyWhen: 'main' },
  { name: 'stories', role: 'interviewer', kind: 'page', path: () => '/stories', readyWhen: 'main' },
  { name: 'story', role: 'interviewer', kind: 'page', path: (f) => `/stories/${f.storyId}`, readyWhen: 'main' },
  { name: 'story: new', role: 'interviewer', kind: 'page', path: () => '/stories/new', readyWhen: 'form' },
  { name: 'not found', role: 'interviewer', kind: 'page', path: () => '/no-such-page', readyWhen: 'h1' },
];

/** Puts a page's stored choices (storedChoices) in the context's localStorage before any of its pages loads. */
export async function restoreStoredChoices(context: BrowserContext, page: AppPage): Promise<void> {
  if (!page.storedChoices) return;
  await context.addInitScript((choices) => {
    for (const [key, value] of Object.entries(choices)) window.localStorage.setItem(key, value);
  }, page.storedChoices);
}

export interface EveryPageAccounts {
  interviewer: { email: string; password: string };
  candidate: { email: string; password: string };
}

/** Two fresh users and what every page needs to have something to show: a live room, a finished and published session, a question, a story, an invite. */
export async function seedEveryPage(db: Db): Promise<{ fixture: EveryPageFixture; accounts: EveryPageAccounts }> {
  const interviewerInput = buildSignUpInput({ name: 'Ivy Interviewer' });
  const candidateInput = buildSignUpInput({ name: 'Cam Candidate' });
  const interviewer = await registerUser(db, interviewerInput);
  const candidate = await registerUser(db, candidateInput);
  const candidateRef = { id: candidate.id, email: candidateInput.email };

  const liveSessionId = await createSessionBetween(db, interviewer.id, candidateRef, { title: 'SQL drill', template: 'SQL_VELOCITY_DRILL' });
  await changeSessionStatus(db, liveSessionId, interviewer.id, 'LIVE');
  const [firstRound] = await db.round.findMany({ where: { sessionId: liveSessionId }, orderBy: { position: 'asc' }, select: { id: true } });
  await controlRoundTimer(db, liveSessionId, firstRound!.id, interviewer.id, 'start');

  const modelingSessionId = await startModelingRound(db, interviewer.id, candidateRef);

  const completedSessionId = await createSessionBetween(db, interviewer.id, candidateRef, { title: 'SQL drill, done', template: 'SQL_VELOCITY_DRILL' });
  await completeScoredSession(db, completedSessionId, interviewer.id, [{ elapsedMs: 25 * 60_000, scorecards: [{ interviewerId: interviewer.id, recommendation: 'LEAN_YES' }] }]);
  await publishFeedback(db, completedSessionId, interviewer.id);

  const { id: questionId } = await createQuestion(db, interviewer.id, buildQuestionInput());
  const { id: storyId } = await createStory(db, interviewer.id, {
    ...EMPTY_STORY_FORM,
    title: 'Moved a nightly batch to streaming',
    scope: STORY_SCOPES[0],
  });
  const openSessionId = await createSessionBetween(db, interviewer.id, candidateRef, { title: 'Invite target', template: 'SQL_VELOCITY_DRILL' });
  const { token: inviteToken } = await createInvite(db, openSessionId, interviewer.id, {});
  return {
    fixture: { liveSessionId, modelingSessionId, completedSessionId, questionId, storyId, inviteToken },
    accounts: { interviewer: interviewerInput, candidate: candidateInput },
  };
}


const STAR_SCHEMA_DDL = `CREATE TABLE dim_customer (
  customer_key BIGINT PRIMARY KEY,
  country CHAR(2) NOT NULL
);
CREATE TABLE fact_order (
  order_id BIGINT PRIMARY KEY,
  customer_key BIGINT REFERENCES dim_customer(customer_key),
  amount NUMERIC(12, 2)
);
`;

/** A live data-modeling round (its board on by default) whose editor already holds a small star schema. */
async function startModelingRound(db: Db, interviewerId: string, candidate: { id: string; email: string }): Promise<string> {
  const sessionId = await createSessionBetween(db, interviewerId, candidate, { title: 'Star schema', template: 'CUSTOM', roundKinds: ['DATA_MODELING'] });
  await changeSessionStatus(db, sessionId, interviewerId, 'LIVE');
  const round = await db.round.findFirstOrThrow({
    where: { sessionId },
    select: { id: true, documents: { where: { kind: 'ROUND_EDITOR' }, select: { id: true } } },
  });
  await controlRoundTimer(db, sessionId, round.id, interviewerId, 'start');
  const doc = new Y.Doc();
  doc.getText(CONTENT_TEXT_NAME).insert(0, STAR_SCHEMA_DDL);
  await appendDocumentUpdates(db, [{ documentId: round.documents[0]!.id, update: Y.encodeStateAsUpdate(doc), userId: candidate.id, clientUpdateId: null }]);
  doc.destroy();
  return sessionId;
}
