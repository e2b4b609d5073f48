'use server';

import { redirect } from 'next/navigation';
import type { StoryFormState } from '@/components/stories/story-form';
import { getCurrentUser } from '@/lib/auth/get-current-user';
import { getDb } from '@/lib/db';
import { assertFormActionCall } from '@/lib/http/is-form-action-call';
import { createStory } from '@/lib/stories/create-story';
import { readStoryForm, toStoryFormErrorState } from '../read-story-form';

export async function createStoryAction(previous: StoryFormState, form: FormData): Promise<StoryFormState> {
  const user = await getCurrentUser();
  if (!user) redirect('/sign-in?callbackUrl=/stories/new');
  assertFormActionCall(previous, form);
  const values = readStoryForm(form);
  try {
    await createStory(getDb(), user.id, values);
  } catch (error) {
    return toStoryFormErrorState(error, previous, values);
  }
  // Outside the try: redirect() works by throwing.
  redirect('/stories');
}
