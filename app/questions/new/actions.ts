'use server';

import { redirect } from 'next/navigation';
import type { QuestionFormState } from '@/components/questions/question-form';
import { getCurrentUser } from '@/lib/auth/get-current-user';
import { getDb } from '@/lib/db';
import { assertFormActionCall } from '@/lib/http/is-form-action-call';
import { createQuestion } from '@/lib/questions/create-question';
import { readQuestionForm, toQuestionFormErrorState } from '../read-question-form';

export async function createQuestionAction(previous: QuestionFormState, form: FormData): Promise<QuestionFormState> {
  const user = await getCurrentUser();
  if (!user) redirect('/sign-in?callbackUrl=/questions/new');
  assertFormActionCall(previous, form);
  const values = readQuestionForm(form);
  let id: string;
  try {
    ({ id } = await createQuestion(getDb(), user.id, values));
  } catch (error) {
    return toQuestionFormErrorState(error, previous, values);
  }
  // Outside the try: redirect() works by throwing.
  redirect(`/questions/${id}`);
}
