import type { Db } from '@/lib/db';
import { requireQuestionAuthor } from './require-question-author';

/**
 * Soft delete: the question leaves the bank, but sessions that used it keep showing it in their history
 * (RoundQuestion restricts hard deletes for that reason).
 */
export async function deleteQuestion(db: Db, userId: string, questionId: string): Promise<void> {
  await requireQuestionAuthor(db, userId, questionId);
  // Scoped again: a second delete racing this one finds nothing left to do, which is fine.
  await db.question.updateMany({ where: { id: questionId, authorId: userId, deletedAt: null }, data: { deletedAt: new Date() } });
}
