import type { RoundKind } from '@/lib/rounds/round-kind';
import type { ClockStatus } from '@/lib/timer/round-clock';
import type { RubricSignalView, SignalEntryView, WrapUpView } from './scorecard-view';
import type { StaffBarCallName } from './scorecard-vocabulary';

// The loop debrief as an interviewer of the session sees it: every interviewer's scorecards for the rounds
// the viewer interviews, the loop calls, coverage gaps, releases and the audit trail.

export interface DebriefScorecardView {
  interviewerId: string;
  interviewerName: string;
  entries: Record<string, SignalEntryView>;
  wrapUp: WrapUpView;
  updatedAt: string;
}

export interface DebriefRoundView {
  roundId: string;
  position: number;
  kind: RoundKind;
  status: ClockStatus;
  elapsedMs: number;
  durationMs: number;
  questionsAsked: number;
  signals: RubricSignalView[];
  scorecards: DebriefScorecardView[];
}

export interface LoopCallView {
  interviewerId: string;
  interviewerName: string;
  staffBarCall: StaffBarCallName | null;
  rationale: string;
  updatedAt: string;
}

export interface CoverageGapView {
  roundId: string;
  roundPosition: number;
  signalKey: string;
  label: string;
}

export interface ReleaseView {
  interviewerId: string;
  interviewerName: string;
  publishedAt: string;
  openedAt: string | null;
}

export interface AuditLineView {
  id: string;
  at: string;
  actorName: string;
  action: string;
  roundPosition: number | null;
  signalLabel: string | null;
  changes: Record<string, unknown>;
}

export interface DebriefView {
  sessionId: string;
  title: string;
  status: 'SCHEDULED' | 'LIVE' | 'COMPLETED' | 'CANCELLED';
  viewerId: string;
  candidateNames: string[];
  rounds: DebriefRoundView[];
  loopCalls: LoopCallView[];
  /** Signals of these rounds that no interviewer marked or rated: never probed. */
  coverageGaps: CoverageGapView[];
  releases: ReleaseView[];
  audit: AuditLineView[];
}
