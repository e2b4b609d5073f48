import { z } from 'zod';
import type { Db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { escapeLikePattern } from '@/lib/search/escape-like-pattern';
import { roundKindSchema } from '../rounds/round-kind.schema';
import { difficultySchema } from './question-types';
import { CANDIDATE_QUESTION_SELECT, type QuestionListItem, toCandidateSafeQuestion } from './question-views';

export const QUESTIONS_PER_PAGE = 20;

// Filters come straight from a URL: a stale or hand-edited value is dropped, not turned into an error page.
const blankAsMissing = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

export const findQuestionsFilterSchema = z.object({
  roundKind: z.preprocess(blankAsMissing, roundKindSchema.optional()).catch(undefined),
  difficulty: z.preprocess(blankAsMissing, difficultySchema.optional()).catch(undefined),
  q: z.preprocess(blankAsMissing, z.string().trim().max(200).optional()).catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});

export type FindQuestionsFilter = z.infer<typeof findQuestionsFilterSchema>;

export interface QuestionPage {
  items: QuestionListItem[];
  filter: FindQuestionsFilter;
  page: number;
  pageCount: number;
  total: number;
}

/**
 * The bank every signed-in user browses: questions users wrote (newest first), then the built-ins in loop
 * order (round, difficulty, title). Two ordered segments paged as one list, because "newest" means nothing
 * for built-ins and the seed rewrites their timestamps.
 */
export async function findQuestions(db: Db, userId: string, input: unknown): Promise<QuestionPage> {
  const filter = findQuestionsFilterSchema.parse(input ?? {});
  const where: Prisma.QuestionWhereInput = {
    deletedAt: null,
    ...(filter.roundKind ? { roundKind: filter.roundKind } : {}),
    ...(filter.difficulty ? { difficulty: filter.difficulty } : {}),
    ...(filter.q
      ? {
          OR: [
            { title: { contains: escapeLikePattern(filter.q), mode: 'insensitive' } },
            { prompt: { contains: escapeLikePattern(filter.q), mode: 'insensitive' } },
          ],
        }
      : {}),
  };
  const userWritten: Prisma.QuestionWhereInput = { AND: [where, { authorId: { not: null } }] };
  const builtIn: Prisma.QuestionWhereInput = { AND: [where, { authorId: null }] };

  const [userCount, builtInCount] = await Promise.all([db.question.count({ where: userWritten }), db.question.count({ where: builtIn })]);
  const total = userCount + builtInCount;
  const offset = (filter.page - 1) * QUESTIONS_PER_PAGE;
  const userTake = Math.max(0, Math.min(QUESTIONS_PER_PAGE, userCount - offset));
  const builtInSkip = Math.max(0, offset - userCount);
  const builtInTake = QUESTIONS_PER_PAGE - userTake;

  const [userRows, builtInRows] = await Promise.all([
    userTake > 0
      ? db.question.findMany({
          where: userWritten,
          select: CANDIDATE_QUESTION_SELECT,
          orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
          skip: offset,
          take: userTake,
        })
      : [],
    builtInTake > 0 && builtInSkip < builtInCount
      ? db.question.findMany({
          where: builtIn,
          select: CANDIDATE_QUESTION_SELECT,
          // PostgreSQL sorts enums by declaration order: SQL first, EASY before HARD.
          orderBy: [{ roundKind: 'asc' }, { difficulty: 'asc' }, { title: 'asc' }, { id: 'asc' }],
          skip: builtInSkip,
          take: builtInTake,
        })
      : [],
  ]);

  const items = [...userRows, ...builtInRows].map((row) => {
    const { prompt: _prompt, createdAt: _createdAt, ...item } = toCandidateSafeQuestion(row, userId);
    return item;
  });
  return { items, filter, page: filter.page, pageCount: Math.max(1, Math.ceil(total / QUESTIONS_PER_PAGE)), total };
}
