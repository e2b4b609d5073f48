'use server';

import { redirect } from 'next/navigation';
import { getCurrentUser } from '@/lib/auth/get-current-user';
import { getDb } from '@/lib/db';
import { isAppError } from '@/lib/errors';
import { deleteQuestion } from '@/lib/questions/delete-question';
import { duplicateQuestion } from '@/lib/questions/duplicate-question';

// Both take the id from a bound argument, which the client could change: the services decide who may do what.

export async function duplicateQuestionAction(questionId: string): Promise<void> {
  const user = await getCurrentUser();
  if (!user) redirect('/sign-in');
  let copyId: string;
  try {
    ({ id: copyId } = await duplicateQuestion(getDb(), user.id, String(questionId)));
  } catch (error) {
    if (isAppError(error) && error.code === 'NOT_FOUND') redirect('/questions');
    throw error;
  }
  redirect(`/questions/${copyId}/edit`);
}

export async function deleteQuestionAction(questionId: string): Promise<void> {
  const user = await getCurrentUser();
  if (!user) redirect('/sign-in');
  try {
    await deleteQuestion(getDb(), user.id, String(questionId));
  } catch (error) {
    if (isAppError(error) && error.code === 'NOT_FOUND') redirect('/questions');
    // Someone else's (or a built-in) question: the page offers no delete button, so this is a hand-made call.
    if (isAppError(error) && error.code === 'FORBIDDEN') redirect(`/questions/${encodeURIComponent(questionId)}`);
    throw error;
  }
  redirect('/questions?deleted=1');
}
