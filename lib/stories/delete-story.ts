import type { Db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { recordIdSchema, STORY_NOT_FOUND } from './story-views';

/** Deletes one of the caller's stories (its tellings go with it). */
export async function deleteStory(db: Db, userId: string, storyId: unknown): Promise<void> {
  const id = recordIdSchema.safeParse(storyId);
  const { count } = id.success ? await db.story.deleteMany({ where: { id: id.data, userId } }) : { count: 0 };
  if (count === 0) throw new AppError('NOT_FOUND', STORY_NOT_FOUND);
}
