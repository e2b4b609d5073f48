import type { Db } from '@/lib/db';
import { requireStoryOwner } from './require-story-owner';
import { recordIdSchema } from './story-views';

/** Forgets that the caller told their story in a round; a link that is already gone is not an error. */
export async function unlinkStoryTelling(db: Db, userId: string, storyId: unknown, roundId: unknown): Promise<void> {
  const id = await requireStoryOwner(db, userId, storyId);
  const round = recordIdSchema.safeParse(roundId);
  if (round.success) await db.storyTelling.deleteMany({ where: { storyId: id, userId, roundId: round.data } });
}
