import { z } from 'zod';
import type { FeedbackRatingTarget } from './feedback-rating-target';

const id = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, 'malformed id');

export const FEEDBACK_QUALITIES = ['helpful', 'specific'] as const;

export type FeedbackQualityName = (typeof FEEDBACK_QUALITIES)[number];

/** One click: set one quality of one interviewer's feedback on one round to yes or no. */
export const rateFeedbackSchema = z
  .object({
    sessionId: id,
    roundId: id,
    interviewerId: id,
    quality: z.enum(FEEDBACK_QUALITIES),
    value: z.boolean(),
  })
  .strict();

export type RateFeedbackInput = z.input<typeof rateFeedbackSchema>;

/** What one rating click answers: the rating as stored, or why it was refused. */
export type RateFeedbackResult = { ok: true; rating: FeedbackRatingTarget } | { ok: false; message: string };
