import type { Db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { fieldErrorsOf, questionFormSchema } from './question-form.schema';

export async function createQuestion(db: Db, userId: string, input: unknown): Promise<{ id: string }> {
  const parsed = questionFormSchema.safeParse(input);
  if (!parsed.success) {
    throw new AppError('INVALID_INPUT', 'Please correct the highlighted fields.', { fieldErrors: fieldErrorsOf(parsed.error) });
  }
  const { guide, ...question } = parsed.data;
  // A nested create is one statement batch in one transaction: no question without its guide.
  return db.question.create({
    data: { ...question, authorId: userId, guide: { create: guide } },
    select: { id: true },
  });
}
