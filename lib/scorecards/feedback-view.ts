import type { RoundKind } from '@/lib/rounds/round-kind';
import type { SignalJudgement } from '@/lib/rubric/judge-signal';
import type { SignalRule } from '@/lib/rubric/signal-types';
import type { LevelEstimate, RecommendationName, SignalRatingName, StaffBarCallName } from './scorecard-vocabulary';

// Published feedback as the candidate reads it. Built only from what an interviewer published, and only
// the shareable part of it: private notes and override reasons never enter it.

export interface FeedbackSignalView {
  key: string;
  label: string;
  rule: SignalRule;
  pairLabel?: string;
  markedAtElapsedMs: number | null;
  markedAt: string | null;
  judgement: SignalJudgement;
  isMet: boolean;
  isOverridden: boolean;
  rating: SignalRatingName | null;
  /** The anchor of the level rated: what that rating means. */
  ratingAnchor: string | null;
  /** Only notes the interviewer marked as shareable. */
  sharedNote: string | null;
}

export interface FeedbackScorecardView {
  interviewerName: string;
  recommendation: RecommendationName | null;
  levelEstimate: LevelEstimate | null;
  strengths: string;
  growthAreas: string;
  problemsSolved: number | null;
  signals: FeedbackSignalView[];
}

export interface FeedbackRoundView {
  roundId: string;
  position: number;
  kind: RoundKind;
  elapsedMs: number;
  durationMs: number;
  questionsAsked: number;
  scorecards: FeedbackScorecardView[];
}

export interface FeedbackLoopCallView {
  interviewerName: string;
  staffBarCall: StaffBarCallName | null;
  rationale: string;
}

export interface FeedbackView {
  sessionId: string;
  title: string;
  /** True when an interviewer previews what the candidate will see (nothing is marked as opened). */
  isPreview: boolean;
  rounds: FeedbackRoundView[];
  loopCalls: FeedbackLoopCallView[];
}
