'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import type { StoryFormState } from '@/components/stories/story-form';
import type { StoryTellingFormState } from '@/components/stories/story-telling-form';
import { getCurrentUser } from '@/lib/auth/get-current-user';
import { getDb } from '@/lib/db';
import { assertFormActionCall } from '@/lib/http/is-form-action-call';
import { AppError, isAppError } from '@/lib/errors';
import { refusalOf, type Ack } from '@/lib/realtime/ack';
import { deleteStory } from '@/lib/stories/delete-story';
import { linkStoryTelling } from '@/lib/stories/link-story-telling';
import { unlinkStoryTelling } from '@/lib/stories/unlink-story-telling';
import { updateStory } from '@/lib/stories/update-story';
import { readStoryForm, toStoryFormErrorState } from '../read-story-form';

// One story's writes. The story id is a bound argument the client could change: every lib call scopes it to the
// signed-in user, so someone else's story answers NOT_FOUND and nothing is written.

export async function updateStoryAction(storyId: string, previous: StoryFormState, form: FormData): Promise<StoryFormState> {
  const user = await getCurrentUser();
  if (!user) redirect('/sign-in?callbackUrl=/stories');
  assertFormActionCall(previous, form);
  const values = readStoryForm(form);
  try {
    await updateStory(getDb(), user.id, storyId, values);
  } catch (error) {
    return toStoryFormErrorState(error, previous, values);
  }
  redirect('/stories');
}

async function run<T>(label: string, work: (userId: string) => Promise<T>): Promise<Ack<T>> {
  try {
    const user = await getCurrentUser();
    if (!user) throw new AppError('UNAUTHENTICATED', 'Your sign-in has expired. Sign in again to save.');
    return { ok: true, data: await work(user.id) };
  } catch (error) {
    if (!isAppError(error)) console.error(`${label} failed`, error);
    return refusalOf(error);
  }
}

export async function deleteStoryAction(storyId: string): Promise<Ack<Record<string, never>>> {
  const ack = await run('deleting a story', async (userId) => {
    await deleteStory(getDb(), userId, storyId);
    return {};
  });
  if (ack.ok) revalidatePath('/stories');
  return ack;
}

export async function linkStoryTellingAction(storyId: string, previous: StoryTellingFormState, form: FormData): Promise<StoryTellingFormState> {
  assertFormActionCall(previous, form);
  const ack = await run('linking a story to a round', async (userId) => {
    await linkStoryTelling(getDb(), userId, storyId, { roundId: form.get('roundId') });
    return {};
  });
  // The refusal's message is already the public one (refusalOf).
  if (!ack.ok) return { status: 'error', attempt: previous.attempt + 1, message: ack.message };
  revalidatePath(`/stories/${storyId}`);
  return { status: 'saved', attempt: previous.attempt + 1 };
}

export async function unlinkStoryTellingAction(storyId: string, roundId: string): Promise<Ack<Record<string, never>>> {
  const ack = await run('unlinking a story from a round', async (userId) => {
    await unlinkStoryTelling(getDb(), userId, storyId, roundId);
    return {};
  });
  if (ack.ok) revalidatePath(`/stories/${storyId}`);
  return ack;
}
