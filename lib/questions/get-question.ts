import type { Db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { guideViewableBy } from './can-view-question-guide';
import {
  CANDIDATE_QUESTION_SELECT,
  type CandidateSafeQuestion,
  GUIDE_SELECT,
  type QuestionGuideView,
  toCandidateSafeQuestion,
  toGuideView,
} from './question-views';

export interface QuestionDetail extends CandidateSafeQuestion {
  /** Null unless the caller may see the interviewer guide (see can-view-question-guide.ts). */
  guide: QuestionGuideView | null;
}

export async function getQuestion(db: Db, userId: string, questionId: string): Promise<QuestionDetail> {
  const [row, guide] = await Promise.all([
    db.question.findFirst({ where: { id: questionId, deletedAt: null }, select: CANDIDATE_QUESTION_SELECT }),
    // The access rule is part of the guide's own query: a caller who may not see it gets no row at all.
    db.questionGuide.findFirst({
      where: { questionId, question: { deletedAt: null, ...guideViewableBy(userId) } },
      select: GUIDE_SELECT,
    }),
  ]);
  if (!row) throw new AppError('NOT_FOUND', 'That question does not exist or was deleted.');
  return { ...toCandidateSafeQuestion(row, userId), guide: guide ? toGuideView(guide) : null };
}
