'use server';

import { redirect } from 'next/navigation';
import { getDb } from '@/lib/db';
import { isAppError } from '@/lib/errors';
import { deleteQuestion } from '@/lib/questions/delete-question';
import { duplicateQuestion } from '@/lib/questions/duplicate-question';
import { requireUser } from '../../authenticated-action';

// Both take the id from a bound argument, which the client could change: the services decide who may do what.
// Their refusals are redirects, not states, and anything unexpected is thrown on to Next: so they only sign in
// through the helper (requireUser).

export async function duplicateQuestionAction(questionId: string): Promise<void> {
  const user = await requireUser(`/questions/${questionId}`);
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
  const user = await requireUser(`/questions/${questionId}`);
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
