import type { Db, DbTx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { recordIdSchema, STORY_NOT_FOUND } from './story-views';

/** The story's id if the caller owns it, else NOT_FOUND (never FORBIDDEN: that would confirm it exists). */
export async function requireStoryOwner(db: Db | DbTx, userId: string, storyId: unknown): Promise<string> {
  const id = recordIdSchema.safeParse(storyId);
  const story = id.success ? await db.story.findFirst({ where: { id: id.data, userId }, select: { id: true } }) : null;
  if (!story) throw new AppError('NOT_FOUND', STORY_NOT_FOUND);
  return story.id;
}
