import { IntentLink } from '@/components/ui/intent-link';
import { SPSIL_LABELS, SPSIL_PARTS, STORY_COMPETENCY_LABELS, STORY_SCOPE_LABELS } from '@/lib/stories/story-vocabulary';
import type { StoryView } from '@/lib/stories/story-views';
import { StoryTellings } from './story-tellings';

/** One story in the ledger: its SPSIL parts, numbers, competencies and where it was told. */
export function StoryCard({ story }: { story: StoryView }) {
  const headingId = `story-${story.id}`;
  return (
    <article className="card story-card" aria-labelledby={headingId} data-testid="story-card">
      <header className="story-card-header">
        <h2 id={headingId}>{story.title}</h2>
        <span className="badge">{STORY_SCOPE_LABELS[story.scope]}</span>
        <IntentLink href={`/stories/${story.id}`} className="button subtle" aria-label={`Edit ${story.title}`}>
          Edit
        </IntentLink>
      </header>
      {story.competencies.length > 0 ? (
        <ul className="badges" aria-label="Competencies">
          {story.competencies.map((competency) => (
            <li key={competency} className="badge competency">
              {STORY_COMPETENCY_LABELS[competency]}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">No competencies tagged yet.</p>
      )}
      <dl className="spsil">
        {SPSIL_PARTS.filter((part) => story[part] !== '').map((part) => (
          <div key={part}>
            <dt>{SPSIL_LABELS[part]}</dt>
            <dd>{story[part]}</dd>
          </div>
        ))}
        {story.metrics ? (
          <div>
            <dt>Numbers</dt>
            <dd>{story.metrics}</dd>
          </div>
        ) : null}
      </dl>
      <h3>Told in mocks</h3>
      <StoryTellings tellings={story.tellings} />
    </article>
  );
}
