import type { Db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { Prisma } from '@/lib/generated/prisma/client';
import { SIGNAL_CATALOG } from '../rubric/signal-catalog';
import { fieldErrorsOf, questionFormSchema } from './question-form.schema';
import { storedTwistSchema } from './question-views';
import { requireQuestionAuthor } from './require-question-author';

const SIGNAL_ROUND = new Map(SIGNAL_CATALOG.map((signal) => [signal.key, signal.roundKind]));

export async function updateQuestion(db: Db, userId: string, questionId: string, input: unknown): Promise<{ id: string }> {
  await requireQuestionAuthor(db, userId, questionId);
  const parsed = questionFormSchema.safeParse(input);
  if (!parsed.success) {
    throw new AppError('INVALID_INPUT', 'Please correct the highlighted fields.', { fieldErrors: fieldErrorsOf(parsed.error) });
  }
  const { guide, ...question } = parsed.data;
  try {
    return await db.$transaction(async (tx) => {
      // Twists are not in the form (they come with a duplicated built-in); keep those that still fit the round.
      const current = await tx.questionGuide.findFirst({ where: { questionId, question: { authorId: userId } }, select: { twists: true } });
      const twists = (current ? storedTwistSchema.array().catch([]).parse(current.twists) : []).filter(
        (twist) => SIGNAL_ROUND.get(twist.probesSignalKey) === question.roundKind,
      );
      // Scoped write: if the question was deleted or changed hands since the guard, this matches nothing.
      return tx.question.update({
        where: { id: questionId, authorId: userId, deletedAt: null },
        data: { ...question, guide: { upsert: { create: { ...guide, twists }, update: { ...guide, twists } } } },
        select: { id: true },
      });
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2025') {
      throw new AppError('NOT_FOUND', 'That question does not exist or was deleted.');
    }
    throw error;
  }
}
