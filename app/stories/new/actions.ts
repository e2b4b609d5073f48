'use server';

import { redirect } from 'next/navigation';
import { getDb } from '@/lib/db';
import { createStory } from '@/lib/stories/create-story';
import type { StoryFormState } from '@/lib/stories/story-form.schema';
import { authenticatedAction, formErrorState } from '../../authenticated-action';
import { readStoryForm } from '../read-story-form';

export async function createStoryAction(previous: StoryFormState, form: FormData): Promise<StoryFormState> {
  const saved = await authenticatedAction(
    { label: 'saving a story', signedOut: { returnTo: '/stories/new' }, form: { previous, form, read: readStoryForm } },
    (user, values) => createStory(getDb(), user.id, values),
  );
  if (!saved.ok) return formErrorState(previous, saved);
  // Outside the helper: redirect() works by throwing.
  redirect('/stories');
}
