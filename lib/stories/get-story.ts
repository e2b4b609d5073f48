import type { Db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { loadStoryViews } from './load-story-views';
import { recordIdSchema, STORY_NOT_FOUND, type StoryView } from './story-views';

/** One of the caller's stories, or NOT_FOUND: someone else's story is indistinguishable from none. */
export async function getStory(db: Db, userId: string, storyId: unknown): Promise<StoryView> {
  const id = recordIdSchema.safeParse(storyId);
  const [story] = id.success ? await loadStoryViews(db, userId, { id: id.data }) : [];
  if (!story) throw new AppError('NOT_FOUND', STORY_NOT_FOUND);
  return story;
}
