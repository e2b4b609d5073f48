import type { Db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { invalidInput } from '@/lib/sessions/field-errors';
import { findFeedbackRatingTargets, type FeedbackRatingTarget } from './feedback-rating-target';
import { rateFeedbackSchema } from './rate-feedback.schema';

/**
 * The candidate of a round sets "helpful" or "specific" on an interviewer's published feedback for it.
 * Idempotent (it sets, never toggles, so a repeated click changes nothing). Only the round's candidate, only
 * for an interviewer who ran that round and has published. A rating row counts as one rating; a quality not
 * clicked counts as "no".
 */
export async function rateFeedback(db: Db, raterId: string, input: unknown): Promise<FeedbackRatingTarget> {
  const parsed = rateFeedbackSchema.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error);
  const { sessionId, roundId, interviewerId, quality, value } = parsed.data;
  const field = quality === 'helpful' ? 'isHelpful' : 'isSpecific';

  await db.$transaction(async (tx) => {
    const round = await tx.round.findFirst({ where: { id: roundId, sessionId }, select: { id: true } });
    if (!round) throw new AppError('NOT_FOUND', 'No such round in this session.');
    const targets = await findFeedbackRatingTargets(tx, sessionId, raterId);
    if (!targets.some((target) => target.roundId === roundId)) {
      throw new AppError('FORBIDDEN', 'Only the candidate of a round can rate its feedback, once it is published.');
    }
    if (!targets.some((target) => target.roundId === roundId && target.interviewerId === interviewerId)) {
      throw new AppError('CONFLICT', 'That interviewer has not published feedback on this round.');
    }
    // ON CONFLICT DO NOTHING, then set: two quick clicks never collide on the unique key.
    await tx.feedbackRating.createMany({ data: [{ sessionId, roundId, raterId, interviewerId }], skipDuplicates: true });
    await tx.feedbackRating.update({ where: { roundId_raterId_interviewerId: { roundId, raterId, interviewerId } }, data: { [field]: value } });
  });
  const targets = await findFeedbackRatingTargets(db, sessionId, raterId);
  return targets.find((target) => target.roundId === roundId && target.interviewerId === interviewerId)!;
}
