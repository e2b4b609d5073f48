import type { RoundKind } from '@/lib/rounds/round-kind';
import type { SignalRule } from '@/lib/rubric/signal-types';
import type { ClockStatus } from '@/lib/timer/round-clock';
import type { LevelEstimate, RecommendationName, SignalRatingName, VerdictOverride } from './scorecard-vocabulary';

// An interviewer's scorecard for one round, as the scorecard editor shows it. Built on the server for
// interviewers of the round only (get-scorecard-view.ts): it carries the rubric text.

export interface RubricSignalView {
  key: string;
  label: string;
  lookFor: string;
  anchors: Record<SignalRatingName, string>;
  rule: SignalRule;
  /** ORDERED rules: the label of the signal this one must precede. */
  pairLabel?: string;
}

export interface SignalEntryView {
  signalKey: string;
  rating: SignalRatingName | null;
  note: string;
  noteShareable: boolean;
  markedAtElapsedMs: number | null;
  /** Wall-clock time of the mark (ISO): where a replay jumps to. */
  markedAt: string | null;
  override: { verdict: VerdictOverride; reason: string } | null;
}

export interface WrapUpView {
  recommendation: RecommendationName | null;
  levelEstimate: LevelEstimate | null;
  strengths: string;
  growthAreas: string;
  problemsSolved: number | null;
}

export interface ScorecardView {
  sessionId: string;
  roundId: string;
  roundKind: RoundKind;
  roundPosition: number;
  roundStatus: ClockStatus;
  signals: RubricSignalView[];
  /** Keyed by signal key; a signal with nothing recorded has no entry. */
  entries: Record<string, SignalEntryView>;
  wrapUp: WrapUpView;
  /** Questions revealed in the round: what "problems solved out of those asked" is out of. */
  questionsAsked: number;
  /** "Observed now" needs a running or paused round clock. */
  canMark: boolean;
  /** Why the scorecard cannot change right now (its feedback is published), if it cannot. */
  lockedReason: string | null;
  updatedAt: string | null;
}

export const EMPTY_WRAP_UP: WrapUpView = {
  recommendation: null,
  levelEstimate: null,
  strengths: '',
  growthAreas: '',
  problemsSolved: null,
};
