import { LocalTime } from '@/components/sessions/local-time';
import { RECOMMENDATION_LABELS } from '@/lib/scorecards/scorecard-vocabulary';
import type { StoryTellingView } from '@/lib/stories/story-views';

/** Where a story was told and, once published to its owner, how that round was rated. */
export function StoryTellings({ tellings }: { tellings: StoryTellingView[] }) {
  if (tellings.length === 0) return <p className="muted">Not linked to a mock yet.</p>;
  return (
    <ul className="story-tellings">
      {tellings.map((telling) => (
        <li key={telling.roundId} data-testid="story-telling">
          <a href={`/sessions/${telling.sessionId}/report`}>{telling.sessionTitle}</a>, round {telling.roundPosition + 1} (
          <LocalTime iso={telling.heldAt} />
          ):{' '}
          {telling.ratings === null ? (
            <span className="muted">feedback not published yet</span>
          ) : telling.ratings.length === 0 ? (
            <span className="muted">no rating for this round</span>
          ) : (
            telling.ratings.map((rating, index) => (
              <span key={index} className="story-rating">
                {rating.recommendation ? RECOMMENDATION_LABELS[rating.recommendation] : 'No recommendation'}
                {rating.levelEstimate ? ` at ${rating.levelEstimate}` : ''} ({rating.interviewerName})
                {index < telling.ratings!.length - 1 ? '; ' : ''}
              </span>
            ))
          )}
        </li>
      ))}
    </ul>
  );
}
