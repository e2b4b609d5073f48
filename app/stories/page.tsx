import type { Metadata } from 'next';
import { IntentLink } from '@/components/ui/intent-link';
import { CompetencyCoverage } from '@/components/stories/competency-coverage';
import { StoryCard } from '@/components/stories/story-card';
import { getDb } from '@/lib/db';
import { findStories } from '@/lib/stories/find-stories';
import { requireUser } from '../authenticated-action';

export const metadata: Metadata = { title: 'Stories · mockloop' };

export default async function StoriesPage() {
  const user = await requireUser('/stories');
  const { stories, coverage } = await findStories(getDb(), user.id);
  return (
    <main className="page stories">
      <div className="page-heading">
        <h1>Story ledger</h1>
        <IntentLink href="/stories/new" className="button primary">
          Add a story
        </IntentLink>
      </div>
      <p className="lede">
        Your behavioral stories in SPSIL form (Situation, Problem, Solution, Impact, Lessons), the competencies each proves, and how they
        were rated when you told them in a mock. Only you can see them.
      </p>
      <CompetencyCoverage coverage={coverage} />
      {stories.length === 0 ? (
        <p className="muted">No stories yet. Start with the one you would tell for the competency you feel least ready for.</p>
      ) : (
        <div className="story-list">
          {stories.map((story) => (
            <StoryCard key={story.id} story={story} />
          ))}
        </div>
      )}
    </main>
  );
}
