import type { Metadata } from 'next';
import { IntentLink } from '@/components/ui/intent-link';
import { StoryForm } from '@/components/stories/story-form';
import { EMPTY_STORY_FORM } from '@/lib/stories/story-form.schema';
import { createStoryAction } from './actions';
import { requireUser } from '../../authenticated-action';

export const metadata: Metadata = { title: 'New story · mockloop' };

export default async function NewStoryPage() {
  await requireUser('/stories/new');
  return (
    <main className="page narrow">
      <p className="breadcrumb">
        <IntentLink href="/stories">← Story ledger</IntentLink>
      </p>
      <h1>New story</h1>
      <StoryForm action={createStoryAction} initialValues={EMPTY_STORY_FORM} submitLabel="Save story" pendingLabel="Saving…" />
    </main>
  );
}
