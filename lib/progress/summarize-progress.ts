import { ROUND_KINDS, type RoundKind } from '@/lib/rounds/round-kind';
import { resolveSignalOutcome } from '@/lib/rubric/judge-signal';
import { findSignalsForRound } from '@/lib/rubric/signal-catalog';
import { RECOMMENDATIONS, type RecommendationName } from '@/lib/scorecards/scorecard-vocabulary';
import type {
  FirstTwoMinutesPoint,
  ProgressRoundRow,
  ProgressScorecardRow,
  ProgressSessionRow,
  ProgressSummary,
  RatingPoint,
  RecommendationPoint,
  SqlPace,
} from './progress-summary';

const RATING_VALUES = { E4: 4, E5: 5, E6: 6 } as const;

/** Strong no = 1 … strong yes = 6. */
export function recommendationScore(recommendation: RecommendationName): number {
  return RECOMMENDATIONS.indexOf(recommendation) + 1;
}

/**
 * Chart series from the feedback published to a candidate, one point per session (oldest first) in every
 * series that session has data for. Where a round had several interviewers, each interviewer weighs the
 * same (their scorecard is averaged first), and where a session had several rounds of a kind, each round
 * weighs the same. A session without data for a series has no point in it rather than a zero.
 */
export function summarizeProgress(rows: readonly ProgressSessionRow[]): ProgressSummary {
  const sessions = rows
    .map((session) => ({ ...session, rounds: session.rounds.filter((round) => round.scorecards.length > 0) }))
    .filter((session) => session.rounds.length > 0)
    .sort((a, b) => a.heldAt.getTime() - b.heldAt.getTime() || a.sessionId.localeCompare(b.sessionId));

  return {
    sessions: sessions.map((session) => ({ sessionId: session.sessionId, title: session.title, heldAt: session.heldAt.toISOString() })),
    ratings: byRoundKind(sessions, ratingPoint),
    firstTwoMinutes: firstTwoMinutesPoints(sessions),
    sqlPace: sqlPace(sessions),
    recommendations: byRoundKind(sessions, recommendationPoint),
  };
}

type PointOf<Point> = (sessionId: string, rounds: ProgressRoundRow[]) => Point | null;

function byRoundKind<Point>(sessions: ProgressSessionRow[], pointOf: PointOf<Point>): { kind: RoundKind; points: Point[] }[] {
  return ROUND_KINDS.map((kind) => ({
    kind,
    points: sessions.flatMap((session) => {
      const rounds = session.rounds.filter((round) => round.kind === kind);
      const point = rounds.length > 0 ? pointOf(session.sessionId, rounds) : null;
      return point ? [point] : [];
    }),
  })).filter((series) => series.points.length > 0);
}

function ratingPoint(sessionId: string, rounds: ProgressRoundRow[]): RatingPoint | null {
  let ratedSignals = 0;
  const roundMeans = rounds.flatMap((round) => {
    // Only the kind's catalog signals, as on the feedback page: a stray key never moves the chart.
    const keys = new Set(findSignalsForRound(round.kind).map((signal) => signal.key));
    const scorecardMeans = round.scorecards.flatMap((scorecard) => {
      const ratings = scorecard.signals.flatMap((signal) => (signal.rating && keys.has(signal.signalKey) ? [RATING_VALUES[signal.rating]] : []));
      ratedSignals += ratings.length;
      return ratings.length > 0 ? [mean(ratings)] : [];
    });
    return scorecardMeans.length > 0 ? [mean(scorecardMeans)] : [];
  });
  return roundMeans.length > 0 ? { sessionId, meanRating: mean(roundMeans), ratedSignals } : null;
}

function recommendationPoint(sessionId: string, rounds: ProgressRoundRow[]): RecommendationPoint | null {
  const recommendations: RecommendationName[] = [];
  const roundMeans = rounds.flatMap((round) => {
    const given = round.scorecards.flatMap((scorecard) => (scorecard.recommendation ? [scorecard.recommendation] : []));
    recommendations.push(...given);
    return given.length > 0 ? [mean(given.map(recommendationScore))] : [];
  });
  return roundMeans.length > 0 ? { sessionId, meanScore: mean(roundMeans), recommendations } : null;
}

/**
 * Whether one interviewer saw the round's timed signal (its first-two-minutes expectation) in time, their
 * override respected. An unmarked signal was not seen: a published scorecard is the interviewer's account.
 */
function isTimedSignalMet(kind: RoundKind, scorecard: ProgressScorecardRow): boolean | null {
  const timed = findSignalsForRound(kind).find((signal) => signal.rule.kind === 'TIMED');
  if (!timed) return null;
  const entry = scorecard.signals.find((signal) => signal.signalKey === timed.key);
  return resolveSignalOutcome(timed.rule, { markedAtElapsedMs: entry?.markedAtElapsedMs ?? null }, entry?.verdictOverride ?? null).isMet;
}

function firstTwoMinutesPoints(sessions: ProgressSessionRow[]): FirstTwoMinutesPoint[] {
  let judgedSoFar = 0;
  let metSoFar = 0;
  return sessions.flatMap((session) => {
    // Per round, the share of its interviewers who saw the signal in time (1, 0, or ½ when a lead and a shadow disagree).
    const roundShares = session.rounds.flatMap((round) => {
      const verdicts = round.scorecards.flatMap((scorecard) => {
        const isMet = isTimedSignalMet(round.kind, scorecard);
        return isMet === null ? [] : [isMet ? 1 : 0];
      });
      return verdicts.length > 0 ? [mean(verdicts)] : [];
    });
    if (roundShares.length === 0) return [];
    const roundsMet = sum(roundShares);
    judgedSoFar += roundShares.length;
    metSoFar += roundsMet;
    return [{ sessionId: session.sessionId, roundsJudged: roundShares.length, roundsMet, rate: roundsMet / roundShares.length, cumulativeRate: metSoFar / judgedSoFar }];
  });
}

/**
 * SQL problems solved per session, with the round clock they were solved in. A session's SQL rounds are pooled
 * (all solved, over all their time). Nothing is scaled to a rate: a 56-second round with two problems solved is
 * "2 in 0:56", never "107 per 30 minutes". Rounds without a clock (never started) or without a problems-solved
 * count are left out and counted, so the page can say so.
 */
function sqlPace(sessions: ProgressSessionRow[]): SqlPace {
  const skipped = { withoutElapsedTime: 0, withoutProblemsSolved: 0 };
  const points = sessions.flatMap((session) => {
    let problemsSolved = 0;
    let elapsedMs = 0;
    for (const round of session.rounds.filter((candidate) => candidate.kind === 'SQL')) {
      const counts = round.scorecards.flatMap((scorecard) => (scorecard.problemsSolved === null ? [] : [scorecard.problemsSolved]));
      if (round.elapsedMs <= 0) skipped.withoutElapsedTime += 1;
      else if (counts.length === 0) skipped.withoutProblemsSolved += 1;
      else {
        problemsSolved += mean(counts);
        elapsedMs += round.elapsedMs;
      }
    }
    if (elapsedMs === 0) return [];
    return [{ sessionId: session.sessionId, problemsSolved, elapsedMs }];
  });
  return { points, skipped };
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

function mean(values: number[]): number {
  return sum(values) / values.length;
}
