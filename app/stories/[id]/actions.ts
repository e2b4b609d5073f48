'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getDb } from '@/lib/db';
import type { Ack } from '@/lib/realtime/ack';
import { deleteStory } from '@/lib/stories/delete-story';
import { linkStoryTelling, type StoryTellingFormState } from '@/lib/stories/link-story-telling';
import type { StoryFormState } from '@/lib/stories/story-form.schema';
import { unlinkStoryTelling } from '@/lib/stories/unlink-story-telling';
import { updateStory } from '@/lib/stories/update-story';
import { ackOf, authenticatedAction, formErrorState, type SignedOut } from '../../authenticated-action';
import { readStoryForm } from '../read-story-form';

// One story's writes. The story id is a bound argument the client could change: every lib call scopes it to the
// signed-in user, so someone else's story answers NOT_FOUND and nothing is written.

const SIGNED_OUT: SignedOut = { refuse: 'Your sign-in has expired. Sign in again to save.' };

export async function updateStoryAction(storyId: string, previous: StoryFormState, form: FormData): Promise<StoryFormState> {
  const saved = await authenticatedAction(
    { label: 'saving a story', signedOut: { returnTo: '/stories' }, form: { previous, form, read: readStoryForm } },
    (user, values) => updateStory(getDb(), user.id, storyId, values),
  );
  if (!saved.ok) return formErrorState(previous, saved);
  redirect('/stories');
}

export async function deleteStoryAction(storyId: string): Promise<Ack<Record<string, never>>> {
  const deleted = await authenticatedAction({ label: 'deleting a story', signedOut: SIGNED_OUT }, async (user) => {
    await deleteStory(getDb(), user.id, storyId);
    return {};
  });
  if (deleted.ok) revalidatePath('/stories');
  return ackOf(deleted);
}

export async function linkStoryTellingAction(storyId: string, previous: StoryTellingFormState, form: FormData): Promise<StoryTellingFormState> {
  const linked = await authenticatedAction({ label: 'linking a story to a round', signedOut: SIGNED_OUT, form: { previous, form } }, (user) =>
    linkStoryTelling(getDb(), user.id, storyId, { roundId: form.get('roundId') }),
  );
  // The refusal's message is already the public one.
  if (!linked.ok) return { status: 'error', attempt: previous.attempt + 1, message: linked.message };
  revalidatePath(`/stories/${storyId}`);
  return { status: 'saved', attempt: previous.attempt + 1 };
}

export async function unlinkStoryTellingAction(storyId: string, roundId: string): Promise<Ack<Record<string, never>>> {
  const unlinked = await authenticatedAction({ label: 'unlinking a story from a round', signedOut: SIGNED_OUT }, async (user) => {
    await unlinkStoryTelling(getDb(), user.id, storyId, roundId);
    return {};
  });
  if (unlinked.ok) revalidatePath(`/stories/${storyId}`);
  return ackOf(unlinked);
}
