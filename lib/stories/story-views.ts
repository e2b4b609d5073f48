import { z } from 'zod';
import type { LevelEstimate, RecommendationName } from '@/lib/scorecards/scorecard-vocabulary';
import type { StoryInput } from './story-form.schema';

// The ledger as its owner sees it. Built only for the story's owner (every query is scoped by userId).

/** One interviewer's published verdict on the round a story was told in. */
export interface StoryRatingView {
  interviewerName: string;
  recommendation: RecommendationName | null;
  levelEstimate: LevelEstimate | null;
}

/** A behavioral round the owner was the candidate in, as the ledger names it. */
export interface TellableRoundView {
  roundId: string;
  sessionId: string;
  sessionTitle: string;
  /** ISO: when the session started (or was created). */
  heldAt: string;
  roundPosition: number;
}

export interface StoryTellingView extends TellableRoundView {
  /** Null until an interviewer who ran that round publishes; then each publisher's verdict. */
  ratings: StoryRatingView[] | null;
}

export interface StoryView extends StoryInput {
  id: string;
  createdAt: string;
  updatedAt: string;
  tellings: StoryTellingView[];
}

/** An id from a URL or a form: anything malformed is a story (or round) that does not exist. */
export const recordIdSchema = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/);

export const STORY_NOT_FOUND = 'That story does not exist.';
