import type { QuestionGuideView } from '@/lib/questions/question-views';
import type { RoundFormat } from '@/lib/rounds/round-formats';
import type { RoundKind } from '@/lib/rounds/round-kind';
import type { RoundClock } from '@/lib/timer/round-clock';
import type { SessionRoleName } from './session-roles';
import type { SessionStatusName } from './session-lifecycle';

// What one member may know about a session, built per viewer on the server (get-session-view.ts). A
// candidate's copy has no guides, no unrevealed questions and no notes document: they are never fetched.

export interface RoundQuestionView {
  id: string;
  position: number;
  title: string;
  difficulty: 'EASY' | 'MEDIUM' | 'HARD';
  prompt: string;
  revealedAt: string | null;
  revealedAtElapsedMs: number | null;
  completedAt: string | null;
  completedAtElapsedMs: number | null;
  /** Interviewers of the round only. */
  guide?: QuestionGuideView;
}

export interface RoundView {
  id: string;
  position: number;
  kind: RoundKind;
  format: RoundFormat;
  viewerRole: SessionRoleName;
  interviewerId: string | null;
  candidateId: string | null;
  clock: RoundClock;
  timerVersion: number;
  editorDocumentId: string;
  isReadOnly: boolean;
  plannedQuestionCount: number;
  /** Candidates: the revealed questions. Interviewers: every planned question, with its guide. */
  questions: RoundQuestionView[];
}

export interface SessionMemberView {
  userId: string;
  name: string;
  role: SessionRoleName;
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
  viewerRole: SessionRoleName;
  members: SessionMemberView[];
  rounds: RoundView[];
  /** Interviewers only. */
  notesDocumentId?: string;
  serverNow: number;
}
