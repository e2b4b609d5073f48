import type { Db } from '@/lib/db';
import { AppError } from '@/lib/errors';

/**
 * The guard of every write to a question: it exists, is not deleted, and the caller wrote it. Existence is
 * not a secret (every signed-in user can browse the bank), so a refusal says which of the two it was.
 */
export async function requireQuestionAuthor(db: Db, userId: string, questionId: string): Promise<void> {
  const question = await db.question.findFirst({
    where: { id: questionId, deletedAt: null },
    select: { authorId: true },
  });
  if (!question) throw new AppError('NOT_FOUND', 'That question does not exist or was deleted.');
  if (question.authorId === null) {
    throw new AppError('FORBIDDEN', 'Built-in questions are read-only. Duplicate it to make your own version.');
  }
  if (question.authorId !== userId) throw new AppError('FORBIDDEN', 'Only the author can change this question.');
}
