import type { LevelEstimate, RecommendationName } from '@/lib/scorecards/scorecard-vocabulary';
import { RECOMMENDATION_LABELS } from '@/lib/scorecards/scorecard-vocabulary';

interface ScorecardFactsProps {
  recommendation: RecommendationName | null;
  levelEstimate: LevelEstimate | null;
  problemsSolved: number | null;
  /** SQL rounds only: problems solved is out of this. */
  questionsAsked: number | null;
}

/** A scorecard's headline: recommendation, level, and for SQL the problems solved of those asked. */
export function ScorecardFacts({ recommendation, levelEstimate, problemsSolved, questionsAsked }: ScorecardFactsProps) {
  return (
    <dl className="feedback-facts">
      <dt>Recommendation</dt>
      <dd>{recommendation ? RECOMMENDATION_LABELS[recommendation] : '—'}</dd>
      <dt>Level estimate</dt>
      <dd>{levelEstimate ?? '—'}</dd>
      {questionsAsked !== null ? (
        <>
          <dt>Problems solved</dt>
          <dd>{problemsSolved === null ? '—' : `${problemsSolved} of ${questionsAsked}`}</dd>
        </>
      ) : null}
    </dl>
  );
}
