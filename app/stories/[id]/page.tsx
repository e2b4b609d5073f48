import type { Metadata } from 'next';
import { IntentLink } from '@/components/ui/intent-link';
import { notFound } from 'next/navigation';
import { DeleteStoryButton } from '@/components/stories/delete-story-button';
import { StoryForm } from '@/components/stories/story-form';
import { StoryTellingForm } from '@/components/stories/story-telling-form';
import { StoryTellings } from '@/components/stories/story-tellings';
import { getDb } from '@/lib/db';
import { isAppError } from '@/lib/errors';
import { findTellableRounds } from '@/lib/stories/find-tellable-rounds';
import { getStory } from '@/lib/stories/get-story';
import { storyFormValuesOf } from '@/lib/stories/story-form.schema';
import type { StoryView } from '@/lib/stories/story-views';
import { deleteStoryAction, linkStoryTellingAction, unlinkStoryTellingAction, updateStoryAction } from './actions';
import { requireUser } from '../../authenticated-action';

export const metadata: Metadata = { title: 'Edit story · mockloop' };

interface StoryPageProps {
  params: Promise<{ id: string }>;
}

export default async function StoryPage({ params }: StoryPageProps) {
  const { id } = await params;
  const user = await requireUser(`/stories/${id}`);
  let story: StoryView;
  try {
    story = await getStory(getDb(), user.id, id);
  } catch (error) {
    // Someone else's story is a story that does not exist.
    if (isAppError(error) && error.code === 'NOT_FOUND') notFound();
    throw error;
  }
  const rounds = await findTellableRounds(getDb(), user.id);
  return (
    <main className="page narrow">
      <p className="breadcrumb">
        <IntentLink href="/stories">← Story ledger</IntentLink>
      </p>
      <h1>Edit story</h1>
      <StoryForm action={updateStoryAction.bind(null, story.id)} initialValues={storyFormValuesOf(story)} submitLabel="Save changes" pendingLabel="Saving…" />
      <StoryTellingForm
        rounds={rounds}
        linkedRoundIds={story.tellings.map((telling) => telling.roundId)}
        linkAction={linkStoryTellingAction.bind(null, story.id)}
        unlinkAction={unlinkStoryTellingAction.bind(null, story.id)}
      />
      <section className="card" aria-labelledby="ratings-heading">
        <h2 id="ratings-heading">How it was rated</h2>
        <StoryTellings tellings={story.tellings} />
      </section>
      <p>
        <DeleteStoryButton title={story.title} deleteAction={deleteStoryAction.bind(null, story.id)} />
      </p>
    </main>
  );
}
