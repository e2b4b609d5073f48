import type { RoundKind } from '@/lib/rounds/round-kind';
import type { RecommendationName, SignalRatingName, VerdictOverride } from '@/lib/scorecards/scorecard-vocabulary';

// A candidate's progress over sessions, built only from feedback published to them. The rows go in
// (get-candidate-progress.ts reads them), the series come out (summarize-progress.ts); no notes, no
// strengths, no override reasons: nothing here is text an interviewer wrote.

export interface ProgressSignalRow {
  signalKey: string;
  rating: SignalRatingName | null;
  markedAtElapsedMs: number | null;
  verdictOverride: VerdictOverride | null;
}

export interface ProgressScorecardRow {
  interviewerId: string;
  recommendation: RecommendationName | null;
  problemsSolved: number | null;
  signals: ProgressSignalRow[];
}

export interface ProgressRoundRow {
  roundId: string;
  position: number;
  kind: RoundKind;
  /** The round clock's elapsed time (pauses excluded). */
  elapsedMs: number;
  /** Only scorecards published to the candidate, by the interviewers who ran the round. */
  scorecards: ProgressScorecardRow[];
}

export interface ProgressSessionRow {
  sessionId: string;
  title: string;
  /** When the session took place: its start, or its creation when it never recorded one. */
  heldAt: Date;
  /** Only the rounds the candidate was the candidate in. */
  rounds: ProgressRoundRow[];
}

/** One session on the x axis of every chart. */
export interface ProgressSession {
  sessionId: string;
  title: string;
  heldAt: string;
}

export interface RatingPoint {
  sessionId: string;
  /** E4 = 4, E5 = 5, E6 = 6: averaged per scorecard, then over interviewers, then over rounds of the kind. */
  meanRating: number;
  ratedSignals: number;
}

export interface RoundKindRatings {
  kind: RoundKind;
  points: RatingPoint[];
}

export interface FirstTwoMinutesPoint {
  sessionId: string;
  roundsJudged: number;
  /** Rounds whose timed signal was met; a round with several interviewers counts the share of them that saw it. */
  roundsMet: number;
  rate: number;
  /** Over every round judged so far, this session included. */
  cumulativeRate: number;
}

export interface SqlPacePoint {
  sessionId: string;
  problemsSolved: number;
  /** Round clock the problems were solved in (pauses excluded). */
  elapsedMs: number;
}

export interface SqlPace {
  points: SqlPacePoint[];
  /** Published SQL rounds left out, by why. */
  skipped: { withoutElapsedTime: number; withoutProblemsSolved: number };
}

export interface RecommendationPoint {
  sessionId: string;
  /** Strong no = 1 … strong yes = 6, averaged over interviewers, then over rounds of the kind. */
  meanScore: number;
  recommendations: RecommendationName[];
}

export interface RoundKindRecommendations {
  kind: RoundKind;
  points: RecommendationPoint[];
}

export interface ProgressSummary {
  /** Sessions with at least one published scorecard, oldest first. */
  sessions: ProgressSession[];
  /** Round kinds in loop order, only those with a rated signal. */
  ratings: RoundKindRatings[];
  firstTwoMinutes: FirstTwoMinutesPoint[];
  sqlPace: SqlPace;
  /** Round kinds in loop order, only those with a recommendation. */
  recommendations: RoundKindRecommendations[];
}
