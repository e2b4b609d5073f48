import type { Db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { Prisma } from '@/lib/generated/prisma/client';
import { fieldErrorsOf, questionFormSchema } from './question-form.schema';
import { requireQuestionAuthor } from './require-question-author';

export async function updateQuestion(db: Db, userId: string, questionId: string, input: unknown): Promise<{ id: string }> {
  await requireQuestionAuthor(db, userId, questionId);
  const parsed = questionFormSchema.safeParse(input);
  if (!parsed.success) {
    throw new AppError('INVALID_INPUT', 'Please correct the highlighted fields.', { fieldErrors: fieldErrorsOf(parsed.error) });
  }
  const { guide, ...question } = parsed.data;
  try {
    // Scoped write: if the question was deleted or changed hands since the guard, this matches nothing. The form
    // carries the twists too (a duplicated built-in's arrive pre-filled), so the guide is written whole.
    return await db.question.update({
      where: { id: questionId, authorId: userId, deletedAt: null },
      data: { ...question, guide: { upsert: { create: guide, update: guide } } },
      select: { id: true },
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2025') {
      throw new AppError('NOT_FOUND', 'That question does not exist or was deleted.');
    }
    throw error;
  }
}
