import type { Db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { findPublishedRoundRatings } from './find-published-round-ratings';
import type { StoryView } from './story-views';

const STORY_SELECT = {
  id: true,
  title: true,
  scope: true,
  situation: true,
  problem: true,
  solution: true,
  impact: true,
  lessons: true,
  metrics: true,
  competencies: true,
  createdAt: true,
  updatedAt: true,
  tellings: {
    orderBy: { createdAt: 'asc' },
    select: {
      round: { select: { id: true, position: true, session: { select: { id: true, title: true, startedAt: true, createdAt: true } } } },
    },
  },
} satisfies Prisma.StorySelect;

/** The caller's own stories matching `where` (always narrowed to the caller), newest edit first, with their tellings. */
export async function loadStoryViews(db: Db, userId: string, where: Prisma.StoryWhereInput = {}): Promise<StoryView[]> {
  const rows = await db.story.findMany({ where: { AND: [where, { userId }] }, orderBy: { updatedAt: 'desc' }, select: STORY_SELECT });
  const ratings = await findPublishedRoundRatings(db, userId, [...new Set(rows.flatMap((row) => row.tellings.map((telling) => telling.round.id)))]);
  return rows.map(({ tellings, createdAt, updatedAt, ...story }) => ({
    ...story,
    createdAt: createdAt.toISOString(),
    updatedAt: updatedAt.toISOString(),
    tellings: tellings.map(({ round }) => ({
      roundId: round.id,
      sessionId: round.session.id,
      sessionTitle: round.session.title,
      heldAt: (round.session.startedAt ?? round.session.createdAt).toISOString(),
      roundPosition: round.position,
      ratings: ratings.get(round.id) ?? null,
    })),
  }));
}
