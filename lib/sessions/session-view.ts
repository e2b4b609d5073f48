import type { QuestionGuideView } from '@/lib/questions/question-views';
import type { RoundFormat } from '@/lib/rounds/round-formats';
import type { RoundKind } from '@/lib/rounds/round-kind';
import type { RoundClock } from '@/lib/timer/round-clock';
import type { FiredTwistView } from '@/lib/twists/fired-twist-view';
import type { RoundRoleName, SessionRoleName } from './session-roles';
import type { SessionStatusName } from './session-lifecycle';

// What one member may know about a session, built per viewer on the server (get-session-view.ts). A
// candidate's copy has no guides, no unrevealed questions and no notes document: they are never fetched.

export interface RoundQuestionView {
  id: string;
  position: number;
  title: string;
  difficulty: 'EASY' | 'MEDIUM' | 'HARD';
  /** The prompt's Markdown rendered on the server (lib/markdown), so the room needs no Markdown parser. */
  promptHtml: string;
  revealedAt: string | null;
  revealedAtElapsedMs: number | null;
  completedAt: string | null;
  completedAtElapsedMs: number | null;
  /** Interviewers of the round only. */
  guide?: QuestionGuideView;
}

/** A question the round's interviewer may plan instead of one already planned (lobby preparation). */
export interface SwapOptionView {
  questionId: string;
  title: string;
  difficulty: 'EASY' | 'MEDIUM' | 'HARD';
}

export interface RoundView {
  id: string;
  position: number;
  kind: RoundKind;
  format: RoundFormat;
  /** The viewer's role in this round: what decides guides, notes, controls and the rubric. */
  viewerRole: RoundRoleName;
  interviewerId: string | null;
  candidateId: string | null;
  clock: RoundClock;
  timerVersion: number;
  editorDocumentId: string;
  isReadOnly: boolean;
  /** The round's shared whiteboard (a BOARD document); every member may open it. */
  boardDocumentId?: string;
  /** Whether the room shows the board: on by default for design and modeling rounds, the interviewer decides. */
  isBoardEnabled: boolean;
  /**
   * Whether the round editor colours SQL, for everyone in the room: on by default in modeling rounds, off in SQL
   * rounds (lib/rounds/sql-editor-rounds.ts); the round's interviewer decides. False where the editor holds no SQL.
   */
  isSqlHighlighted: boolean;
  plannedQuestionCount: number;
  /** Candidates: the revealed questions. Interviewers: every planned question, with its guide. */
  questions: RoundQuestionView[];
  /** Twists sprung on the candidate so far, in round-time order: everyone sees these (unfired ones live in guides). */
  firedTwists: FiredTwistView[];
  /**
   * The round's interviewer, while it has not started: questions of its kind the session does not use yet,
   * which may replace a planned one (lib/sessions/swap-planned-question.ts). Absent for everyone else.
   */
  swapOptions?: SwapOptionView[];
  /** Peer sessions: this round's private notes, for its interviewer only. */
  notesDocumentId?: string;
}

/**
 * Where a member sits, as the room names it: the lead interviewer (the session's creator), a shadow interviewer
 * (an interviewer who joined through a shadow invite; same material, their own scorecard), the candidate, or a
 * peer of a role-swap session.
 */
export type MemberSeat = 'LEAD' | 'SHADOW' | 'CANDIDATE' | 'PEER';

export interface SessionMemberView {
  userId: string;
  name: string;
  role: SessionRoleName;
  seat: MemberSeat;
}

export interface SessionView {
  id: string;
  title: string;
  status: SessionStatusName;
  scheduledAt: string | null;
  startedAt: string | null;
  endedAt: string | null;
  currentRoundIndex: number;
  viewerId: string;
  /** The session role; per-round decisions use RoundView.viewerRole instead. */
  viewerRole: SessionRoleName;
  /** May start and complete the session and invite to it: its interviewer, or either peer. */
  canRunSession: boolean;
  /** May invite people: either peer, or the lead interviewer of a classic session (not a shadow). */
  canInvite: boolean;
  members: SessionMemberView[];
  rounds: RoundView[];
  /** Interviewers of a classic session only: the session's private notes (peer sessions have notes per round). */
  notesDocumentId?: string;
  /** Some interviewer of a round the viewer was candidate in has published (the content is on the feedback page only). */
  hasPublishedFeedback: boolean;
  serverNow: number;
}
