import type { Db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { guideViewableBy } from './can-view-question-guide';
import { TITLE_MAX_LENGTH } from './question-limits';
import { GUIDE_SELECT } from './question-views';

const COPY_SUFFIX = ' (copy)';

/**
 * Copies any question in the bank into one the caller owns. The guide is copied only when the caller may
 * already see it; otherwise the copy starts with an empty guide, or duplicating would hand out solutions.
 */
export async function duplicateQuestion(db: Db, userId: string, questionId: string): Promise<{ id: string }> {
  const [source, guide] = await Promise.all([
    db.question.findFirst({
      where: { id: questionId, deletedAt: null },
      select: { roundKind: true, title: true, difficulty: true, prompt: true },
    }),
    db.questionGuide.findFirst({ where: { questionId, question: { deletedAt: null, ...guideViewableBy(userId) } }, select: GUIDE_SELECT }),
  ]);
  if (!source) throw new AppError('NOT_FOUND', 'That question does not exist or was deleted.');
  const title = `${source.title.slice(0, TITLE_MAX_LENGTH - COPY_SUFFIX.length)}${COPY_SUFFIX}`;
  return db.question.create({
    data: {
      ...source,
      title,
      authorId: userId,
      guide: {
        create: guide
          ? { solution: guide.solution, hints: guide.hints, probes: guide.probes ?? [], signalKeys: guide.signalKeys, twists: guide.twists ?? [] }
          : { solution: '', hints: [], probes: [], signalKeys: [], twists: [] },
      },
    },
    select: { id: true },
  });
}
