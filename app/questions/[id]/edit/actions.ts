'use server';

import { redirect } from 'next/navigation';
import type { QuestionFormState } from '@/components/questions/question-form';
import { getCurrentUser } from '@/lib/auth/get-current-user';
import { getDb } from '@/lib/db';
import { assertFormActionCall } from '@/lib/http/is-form-action-call';
import { updateQuestion } from '@/lib/questions/update-question';
import { readQuestionForm, toQuestionFormErrorState } from '../../read-question-form';

// questionId is bound by the page, but a bound argument is still client input: updateQuestion checks authorship.
export async function updateQuestionAction(questionId: string, previous: QuestionFormState, form: FormData): Promise<QuestionFormState> {
  const user = await getCurrentUser();
  if (!user) redirect('/sign-in');
  assertFormActionCall(previous, form);
  const values = readQuestionForm(form);
  try {
    await updateQuestion(getDb(), user.id, String(questionId), values);
  } catch (error) {
    return toQuestionFormErrorState(error, previous, values);
  }
  redirect(`/questions/${encodeURIComponent(questionId)}`);
}
