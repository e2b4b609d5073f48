import type { Db } from '@/lib/db';
import { invalidInput } from '@/lib/sessions/field-errors';
import { storyFormSchema } from './story-form.schema';

export async function createStory(db: Db, userId: string, input: unknown): Promise<{ id: string }> {
  const parsed = storyFormSchema.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error);
  return db.story.create({ data: { ...parsed.data, userId }, select: { id: true } });
}
