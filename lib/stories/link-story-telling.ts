import { z } from 'zod';
import type { Db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { findTellableRound } from './find-tellable-rounds';
import { requireStoryOwner } from './require-story-owner';
import { recordIdSchema } from './story-views';

const tellingSchema = z.object({ roundId: recordIdSchema });

/** Records that the caller told their story in one of their behavioral rounds. Telling it twice records it once. */
export async function linkStoryTelling(db: Db, userId: string, storyId: unknown, input: unknown): Promise<void> {
  const id = await requireStoryOwner(db, userId, storyId);
  const parsed = tellingSchema.safeParse(input);
  const round = parsed.success ? await findTellableRound(db, userId, parsed.data.roundId) : null;
  if (!parsed.success || !round) {
    throw new AppError('INVALID_INPUT', 'Choose a behavioral round you were the candidate in.', {
      fieldErrors: { roundId: ['Choose a behavioral round you were the candidate in.'] },
    });
  }
  await db.storyTelling.createMany({ data: [{ storyId: id, userId, roundId: round.roundId }], skipDuplicates: true });
}

/** The "I told this story in that round" form between submissions. */
export type StoryTellingFormState = { status: 'idle' | 'saved'; attempt: number } | { status: 'error'; attempt: number; message: string };
