import type { Db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { invalidInput } from '@/lib/sessions/field-errors';
import { requireStoryOwner } from './require-story-owner';
import { storyFormSchema } from './story-form.schema';
import { STORY_NOT_FOUND } from './story-views';

/** Ownership is checked before the input, so a stranger learns nothing from validation messages either. */
export async function updateStory(db: Db, userId: string, storyId: unknown, input: unknown): Promise<{ id: string }> {
  const id = await requireStoryOwner(db, userId, storyId);
  const parsed = storyFormSchema.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error);
  // Scoped write: a story deleted since the check matches nothing.
  const { count } = await db.story.updateMany({ where: { id, userId }, data: parsed.data });
  if (count === 0) throw new AppError('NOT_FOUND', STORY_NOT_FOUND);
  return { id };
}
