import type { Db } from '@/lib/db';
import { summarizeCoverage, type StoryCoverage } from './story-coverage';
import { loadStoryViews } from './load-story-views';
import type { StoryView } from './story-views';

export interface StoryLedger {
  stories: StoryView[];
  coverage: StoryCoverage;
}

/** The caller's ledger: their stories (nobody else's) and which competencies they cover. */
export async function findStories(db: Db, userId: string): Promise<StoryLedger> {
  const stories = await loadStoryViews(db, userId);
  return { stories, coverage: summarizeCoverage(stories) };
}
